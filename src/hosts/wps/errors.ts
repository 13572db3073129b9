/**
 * ET errors, translated once at the WPS host boundary into the same
 * HostError kinds as the Office host. ET's object model is Excel's COM model
 * run synchronously in the task pane, so a failure is a thrown Error whose
 * message (Chinese or English, by the WPS build's language) and, in some
 * builds, COM number (`number`, e.g. 0x800A03EC) say what went wrong.
 * Nothing is swallowed: the original error rides along as `cause`.
 */
import type { Message } from "../../core/issue";
import { HostError, type HostErrorKind } from "../../workbook/host";

/** Excel/ET refuse a change to a locked cell of a protected sheet with this text (English or Chinese builds). */
const PROTECTED = /protect|保护/i;
/** `Worksheets.Item(name)` of an absent sheet: "Subscript out of range" (DISP_E_BADINDEX). */
const MISSING = /subscript out of range|下标越界|out of range|not found|找不到|不存在|0x8002000b/i;
/** The application is busy (a cell being edited): VBA_E_IGNORE, RPC_E_CALL_REJECTED. */
const BUSY = /cell.?edit|编辑|busy|正忙|call was rejected|0x800ac472|0x80010001/i;
const BUSY_NUMBERS = new Set([0x800ac472 | 0, 0x80010001 | 0]);
const MISSING_NUMBERS = new Set([0x8002000b | 0]);

/**
 * Translates whatever an ET call threw into a HostError; a HostError passes
 * through unchanged.
 *
 * @example
 * translateEtError(new Error("下标越界"), 0).kind //=> "missingSheet"
 */
export function translateEtError(error: unknown, writtenOps: number): HostError {
  if (error instanceof HostError) return error;
  const text = errorText(error);
  const number = errorNumber(error);
  const kind: HostErrorKind =
    number !== undefined && BUSY_NUMBERS.has(number)
      ? "cellEditMode"
      : PROTECTED.test(text)
        ? "protectedSheet"
        : BUSY.test(text)
          ? "cellEditMode"
          : (number !== undefined && MISSING_NUMBERS.has(number)) || MISSING.test(text)
            ? "missingSheet"
            : "unknown";
  return new HostError(kind, etMessage(kind, text), writtenOps, error);
}

/** What the clerk is told, by kind: what happened, then what to do. */
export function etMessage(kind: HostErrorKind, text: string): Message {
  switch (kind) {
    case "cellEditMode":
      return {
        zh: "WPS 表格正在编辑单元格，无法写入。请先退出单元格编辑（按 Enter 或 Esc）后重试",
        en: "WPS Spreadsheets is editing a cell and cannot be written to. Leave the cell (press Enter or Esc), then try again",
      };
    case "protectedSheet":
      return {
        zh: "工作表受保护，无法写入。请在“审阅”选项卡中点“撤消工作表保护”后重试",
        en: "The sheet is protected and cannot be written to. Choose Review > Unprotect Sheet, then try again",
      };
    case "missingSheet":
      return {
        zh: "找不到所需的工作表（可能刚被删除或改名），或没有打开的工作簿。请检查工作表名称后重试",
        en: "A sheet the command needs was not found (it may have just been deleted or renamed), or no workbook is open. Check the sheet names, then try again",
      };
    case "payloadTooLarge":
    case "connectionLost":
    case "unsupported":
    case "unknown":
      return {
        zh: `WPS 表格报告错误：${text || "未知错误"}。请重试；如仍失败，请保存并重新打开工作簿`,
        en: `WPS Spreadsheets reported an error: ${text || "unknown error"}. Try again; if it fails again, save and reopen the workbook`,
      };
  }
}

function errorText(error: unknown): string {
  if (typeof error === "string") return error;
  if (typeof error === "object" && error !== null) {
    const { message, description } = error as { message?: unknown; description?: unknown };
    if (typeof message === "string" && message !== "") return message;
    if (typeof description === "string") return description;
  }
  return "";
}

function errorNumber(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { number } = error as { number?: unknown };
  return typeof number === "number" ? number | 0 : undefined;
}
