/**
 * The report-date choice shared by sections whose commands take
 * `options.reportDate` (a serial): empty means "today" on the clock the
 * commands get, and a button clears a chosen date.
 */
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { isoFromSerial } from "../../core/dates";
import type { Message } from "../../core/issue";
import type { Lang } from "../../workbook/command";
import { tr } from "../i18n";
import { serialFromIso } from "./dateInput";

const TEXT = {
  label: { zh: "报告日期", en: "Report date" },
  useToday: { zh: "改为今天", en: "Use today" },
} satisfies Record<string, Message>;

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

export interface ReportDateFieldProps {
  lang: Lang;
  options: Readonly<Record<string, unknown>>;
  onOptionsChange(next: Readonly<Record<string, unknown>>): void;
  disabled: boolean;
  /** What the date governs in this section. */
  hint: Message;
  testId: string;
}

export function ReportDateField({
  lang,
  options,
  onOptionsChange,
  disabled,
  hint,
  testId,
}: ReportDateFieldProps) {
  const styles = useStyles();
  const chosen = typeof options.reportDate === "number" ? options.reportDate : undefined;
  const choose = (iso: string) => {
    const rest: Record<string, unknown> = { ...options };
    delete rest.reportDate;
    const serial = serialFromIso(iso);
    onOptionsChange(serial === undefined ? rest : { ...rest, reportDate: serial });
  };
  return (
    <Field label={tr(lang, TEXT.label)} hint={tr(lang, hint)}>
      <div className={styles.row}>
        <Input
          type="date"
          data-testid={testId}
          value={chosen === undefined ? "" : isoFromSerial(chosen)}
          disabled={disabled}
          onChange={(_e, d) => choose(d.value)}
        />
        {chosen !== undefined ? (
          <Button size="small" appearance="subtle" disabled={disabled} onClick={() => choose("")}>
            {tr(lang, TEXT.useToday)}
          </Button>
        ) : null}
      </div>
    </Field>
  );
}
