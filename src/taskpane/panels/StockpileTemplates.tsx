/**
 * 生成填报模板's choices: the units (all of one category, or ticked from the
 * list of 物资储备 and 填报单位) and where the templates go (protected sheets of
 * this workbook, or one workbook per unit). The section's 生成填报模板 button
 * runs the command with these choices. In "workbooks" mode the command
 * writes nothing and returns each template's ops: this part builds each as an
 * .xlsx and opens it in Excel (createWorkbook), or offers it as a download
 * where that is missing (the browser preview).
 */
import { useEffect, useRef, useState } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Radio,
  RadioGroup,
  Select,
  Text,
} from "@fluentui/react-components";
import type { Message } from "../../core/issue";
import { UNIT_CATEGORIES } from "../../core/stockpile/reserveStandard";
import type { CommandResult } from "../../workbook/command";
import { HostError } from "../../workbook/host";
import {
  TEMPLATE_UNITS_NEED,
  type GenerateTemplatesData,
  type TemplateFile,
  type TemplateUnitChoice,
} from "../../workbook/stockpile/generateTemplates";
import { tr } from "../i18n";
import type { SectionPanelProps } from "../sections";
import { useStockpileStyles } from "./StockpilePanel.styles";

export const GENERATE_TEMPLATES_COMMAND = "generateTemplates";

export const TEMPLATE_TEXT = {
  title: { zh: "填报模板", en: "Fill-in templates" },
  hint: {
    zh: "选好单位和方式后，点击下方“生成填报模板”。模板受保护，只能填写白色单元格。",
    en: "Choose the units and where the templates go, then click Make fill-in templates below. Templates are protected: only the white cells can be filled in.",
  },
  by: { zh: "为哪些单位生成", en: "For which units" },
  byCategory: { zh: "某一类别的全部单位", en: "Every unit of a category" },
  byUnits: { zh: "勾选单位", en: "Tick units" },
  category: { zh: "单位类别", en: "Unit category" },
  chooseCategory: { zh: "请选择单位类别", en: "Choose a category" },
  loadUnits: { zh: "读取单位名单", en: "List the units" },
  loadUnitsHint: {
    zh: "从“物资储备”和“填报单位”读取单位名单。",
    en: "Reads the units of 物资储备 and 填报单位.",
  },
  noUnits: {
    zh: "物资储备和填报单位中还没有单位。",
    en: "物资储备 and 填报单位 have no unit yet.",
  },
  mode: { zh: "生成到", en: "Make them as" },
  sheets: {
    zh: "本工作簿中的工作表（每单位一张，名为“填报_单位”）",
    en: "Sheets of this workbook (one per unit, named 填报_<unit>)",
  },
  workbooksOpen: {
    zh: "单独的工作簿（每单位一个，在 Excel 中打开后另存、发出）",
    en: "Separate workbooks (one per unit, opened in Excel to save and send)",
  },
  workbooksDownload: {
    zh: "单独的工作簿文件（每单位一个 .xlsx，下载后发出）",
    en: "Separate workbook files (one .xlsx per unit, to download and send)",
  },
  building: { zh: "正在生成模板文件……", en: "Building the template files…" },
  downloads: { zh: "模板文件（点击下载）", en: "Template files (click to download)" },
  buildFailed: { zh: "未能生成模板文件：", en: "Could not build the template files: " },
} satisfies Record<string, Message>;

export const TEMPLATE_FORMAT = {
  unit: (u: TemplateUnitChoice): Message => ({
    zh: `${u.name}（${u.category || "未分类"}，${u.items}项物资）`,
    en: `${u.name} (${u.category || "no category"}, ${u.items} items)`,
  }),
  opened: (count: number): Message => ({
    zh: `已在 Excel 中打开${count}个模板工作簿，请逐个另存后发给各单位。`,
    en: `Opened ${count} template workbooks in Excel; save each and send it to its unit.`,
  }),
};

export interface StockpileTemplatesProps extends SectionPanelProps {
  /** Builds a template's .xlsx bytes; the exceljs builder by default (tests pass a fake). */
  buildWorkbook?: (file: TemplateFile) => Promise<Uint8Array>;
}

type Built =
  | { kind: "idle" }
  | { kind: "building" }
  | { kind: "opened"; count: number }
  | { kind: "downloads"; files: { fileName: string; url: string }[] }
  | { kind: "failed"; message: string };

/** The template choices, and the files of a "workbooks" run. */
export function StockpileTemplates({
  lang,
  options,
  onOptionsChange,
  disabled,
  lastResult,
  run,
  createWorkbook,
  buildWorkbook = defaultBuild,
}: StockpileTemplatesProps) {
  const styles = useStockpileStyles();
  const [by, setBy] = useState<"category" | "units">(
    Array.isArray(options.units) ? "units" : "category"
  );
  const [units, setUnits] = useState<TemplateUnitChoice[] | null>(null);
  const [built, setBuilt] = useState<Built>({ kind: "idle" });
  const seen = useRef(lastResult);
  const category = typeof options.category === "string" ? options.category : "";
  const picked = Array.isArray(options.units) ? (options.units as string[]) : [];
  const mode = options.mode === "workbooks" ? "workbooks" : "sheets";
  // The command did not run for want of a choice: say so beside the control, until one is made.
  const missing =
    lastResult?.commandId === GENERATE_TEMPLATES_COMMAND && !TEMPLATE_UNITS_NEED.given(options)
      ? lastResult.result.missing?.find((n) => n.option === TEMPLATE_UNITS_NEED.option)
      : undefined;
  const choiceMessage = missing
    ? { validationState: "error" as const, validationMessage: tr(lang, missing.label) }
    : {};

  const change = (next: Record<string, unknown>) => {
    const rest: Record<string, unknown> = { ...options };
    delete rest.category;
    delete rest.units;
    onOptionsChange({ ...rest, ...next });
  };

  useEffect(() => {
    if (!lastResult || lastResult === seen.current) return;
    seen.current = lastResult;
    if (lastResult.commandId !== GENERATE_TEMPLATES_COMMAND) return;
    const data = templatesData(lastResult.result);
    if (!data) return;
    setUnits(data.units);
    if (data.mode === "workbooks" && data.files.length > 0)
      void deliver(data.files, buildWorkbook, createWorkbook, setBuilt, lang);
  }, [lastResult, buildWorkbook, createWorkbook, lang]);

  useEffect(
    () => () => {
      if (built.kind === "downloads") for (const f of built.files) URL.revokeObjectURL(f.url);
    },
    [built]
  );

  return (
    <div className={styles.part} data-testid="stockpile-templates">
      <Text as="h3" block weight="semibold" className={styles.title}>
        {tr(lang, TEMPLATE_TEXT.title)}
      </Text>
      <Field label={tr(lang, TEMPLATE_TEXT.by)}>
        <RadioGroup
          layout="horizontal"
          value={by}
          disabled={disabled}
          onChange={(_e, d) => {
            const next = d.value === "units" ? "units" : "category";
            setBy(next);
            change(next === "units" ? { units: picked } : category ? { category } : {});
          }}
        >
          <Radio value="category" label={tr(lang, TEMPLATE_TEXT.byCategory)} />
          <Radio value="units" label={tr(lang, TEMPLATE_TEXT.byUnits)} />
        </RadioGroup>
      </Field>
      {by === "category" ? (
        <Field label={tr(lang, TEMPLATE_TEXT.category)} {...choiceMessage}>
          <Select
            data-testid="template-category"
            value={category}
            disabled={disabled}
            onChange={(_e, d) => change(d.value ? { category: d.value } : {})}
          >
            <option value="">{tr(lang, TEMPLATE_TEXT.chooseCategory)}</option>
            {UNIT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <div className={styles.part}>
          {missing ? (
            <Caption1 role="alert" className={styles.hint}>
              {tr(lang, missing.label)}
            </Caption1>
          ) : null}
          <div className={styles.row}>
            <Button
              size="small"
              data-testid="template-load-units"
              disabled={disabled || !run}
              onClick={() => run?.(GENERATE_TEMPLATES_COMMAND, { mode: "list" })}
            >
              {tr(lang, TEMPLATE_TEXT.loadUnits)}
            </Button>
            <Caption1 className={styles.hint}>{tr(lang, TEMPLATE_TEXT.loadUnitsHint)}</Caption1>
          </div>
          {units && units.length === 0 ? (
            <Caption1 className={styles.hint}>{tr(lang, TEMPLATE_TEXT.noUnits)}</Caption1>
          ) : null}
          {units && units.length > 0 ? (
            <div className={styles.units} data-testid="template-units">
              {units.map((u) => (
                <Checkbox
                  key={u.name}
                  label={tr(lang, TEMPLATE_FORMAT.unit(u))}
                  checked={picked.includes(u.name)}
                  disabled={disabled}
                  onChange={(_e, d) =>
                    change({
                      units: d.checked
                        ? [...picked, u.name]
                        : picked.filter((name) => name !== u.name),
                    })
                  }
                />
              ))}
            </div>
          ) : null}
        </div>
      )}
      <Field label={tr(lang, TEMPLATE_TEXT.mode)}>
        <RadioGroup
          value={mode}
          disabled={disabled}
          onChange={(_e, d) => onOptionsChange({ ...options, mode: d.value })}
        >
          <Radio value="sheets" label={tr(lang, TEMPLATE_TEXT.sheets)} />
          <Radio
            value="workbooks"
            label={tr(
              lang,
              createWorkbook ? TEMPLATE_TEXT.workbooksOpen : TEMPLATE_TEXT.workbooksDownload
            )}
          />
        </RadioGroup>
      </Field>
      <Caption1 block className={styles.hint}>
        {tr(lang, TEMPLATE_TEXT.hint)}
      </Caption1>
      <BuiltFiles built={built} lang={lang} />
    </div>
  );
}

function BuiltFiles({ built, lang }: { built: Built; lang: SectionPanelProps["lang"] }) {
  const styles = useStockpileStyles();
  switch (built.kind) {
    case "idle":
      return null;
    case "building":
      return <Caption1 block>{tr(lang, TEMPLATE_TEXT.building)}</Caption1>;
    case "opened":
      return (
        <Caption1 block className={styles.success} data-testid="template-opened">
          {tr(lang, TEMPLATE_FORMAT.opened(built.count))}
        </Caption1>
      );
    case "failed":
      return (
        <Caption1 block className={styles.error} role="alert">
          {tr(lang, TEMPLATE_TEXT.buildFailed)}
          {built.message}
        </Caption1>
      );
    case "downloads":
      return (
        <div>
          <Caption1 block>{tr(lang, TEMPLATE_TEXT.downloads)}</Caption1>
          <ul className={styles.list}>
            {built.files.map((f) => (
              <li key={f.fileName}>
                <a href={f.url} download={f.fileName} data-testid="template-download">
                  {f.fileName}
                </a>
              </li>
            ))}
          </ul>
        </div>
      );
  }
}

/** Builds each file, then opens it in Excel or makes it a download. */
async function deliver(
  files: readonly TemplateFile[],
  build: (file: TemplateFile) => Promise<Uint8Array>,
  createWorkbook: SectionPanelProps["createWorkbook"],
  setBuilt: (built: Built) => void,
  lang: SectionPanelProps["lang"]
): Promise<void> {
  setBuilt({ kind: "building" });
  try {
    if (createWorkbook) {
      const { toBase64 } = await import("./templateWorkbook");
      for (const file of files) await createWorkbook(toBase64(await build(file)));
      setBuilt({ kind: "opened", count: files.length });
      return;
    }
    const links: { fileName: string; url: string }[] = [];
    for (const file of files) {
      const bytes = await build(file);
      // A copy: Blob takes bytes backed by a plain ArrayBuffer.
      const blob = new Blob([bytes.slice()], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
      links.push({ fileName: file.fileName, url: URL.createObjectURL(blob) });
    }
    setBuilt({ kind: "downloads", files: links });
  } catch (error) {
    setBuilt({ kind: "failed", message: errorText(error, lang) });
  }
}

async function defaultBuild(file: TemplateFile): Promise<Uint8Array> {
  const { templateWorkbookBytes } = await import("./templateWorkbook");
  return templateWorkbookBytes(file);
}

function templatesData(result: CommandResult): GenerateTemplatesData | null {
  const data = result.data as Partial<GenerateTemplatesData> | undefined;
  return data && Array.isArray(data.units) && Array.isArray(data.files)
    ? (data as GenerateTemplatesData)
    : null;
}

function errorText(error: unknown, lang: SectionPanelProps["lang"]): string {
  if (error instanceof HostError) return tr(lang, error.userMessage);
  return error instanceof Error ? error.message : String(error);
}
