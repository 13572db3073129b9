/**
 * The notice (通报) of the last 生成接种排名, in the pane's language, in a
 * read-only box with a copy button, so the clerk can paste it into the work
 * group or a document.
 */
import { useRef, useState } from "react";
import { Button, Caption1, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Message } from "../../core/issue";
import type { Lang } from "../../workbook/command";
import { tr } from "../i18n";
import { copyText } from "./clipboard";

export const NOTICE_TEXT = {
  notice: { zh: "通报（可复制）", en: "Notice (to copy)" },
  empty: {
    zh: "所选人群没有可通报的内容。",
    en: "There is nothing to report for the chosen groups.",
  },
  copy: { zh: "复制通报", en: "Copy notice" },
  copied: { zh: "已复制", en: "Copied" },
  copyFailed: {
    zh: "未能复制，请选中上方文字后按 Ctrl+C",
    en: "Could not copy; select the text above and press Ctrl+C",
  },
} satisfies Record<string, Message>;

export interface VaccinationNoticeProps {
  lang: Lang;
  /** The notice, one paragraph a line. */
  text: string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  copyRow: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  copied: { color: tokens.colorPaletteGreenForeground1 },
  copyFailed: { color: tokens.colorPaletteRedForeground1 },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The notice box and its copy button. */
export function VaccinationNotice({ lang, text }: VaccinationNoticeProps) {
  const styles = useStyles();
  const box = useRef<HTMLTextAreaElement>(null);
  // Which text the last copy was of: a new notice clears the "copied" note.
  const [copy, setCopy] = useState<{ text: string; ok: boolean } | null>(null);
  const shown = copy?.text === text ? copy : null;

  if (text === "")
    return (
      <Caption1 block className={styles.hint} data-testid="vaccination-notice-empty">
        {tr(lang, NOTICE_TEXT.empty)}
      </Caption1>
    );
  return (
    <div className={styles.root}>
      <Field label={tr(lang, NOTICE_TEXT.notice)}>
        <Textarea
          ref={box}
          readOnly
          resize="vertical"
          rows={8}
          value={text}
          data-testid="vaccination-notice"
        />
      </Field>
      <div className={styles.copyRow}>
        <Button
          size="small"
          data-testid="copy-notice"
          onClick={() => void copyText(text, box.current).then((ok) => setCopy({ text, ok }))}
        >
          {tr(lang, NOTICE_TEXT.copy)}
        </Button>
        <Caption1
          role="status"
          aria-live="polite"
          data-testid="copy-notice-status"
          className={shown && !shown.ok ? styles.copyFailed : styles.copied}
        >
          {shown ? tr(lang, shown.ok ? NOTICE_TEXT.copied : NOTICE_TEXT.copyFailed) : ""}
        </Caption1>
      </div>
    </div>
  );
}
