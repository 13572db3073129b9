/**
 * Office errors, translated once at the host boundary into a HostError whose
 * message tells the clerk what to do. Nothing is swallowed: the original error
 * rides along as `cause`, and `writtenOps` says what was already committed.
 *
 * Codes: https://learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes
 * and https://learn.microsoft.com/javascript/api/excel/excel.errorcodes
 */
import type { Message } from "../../core/issue";
import { HostError, type HostErrorKind } from "../../workbook/host";

/** Office error codes (OfficeExtension.Error.code) and the kind each one becomes. */
const KIND_BY_CODE: Readonly<Record<string, HostErrorKind>> = {
  InvalidOperationInCellEditMode: "cellEditMode",
  AccessDenied: "protectedSheet",
  ItemNotFound: "missingSheet",
  RequestPayloadSizeLimitExceeded: "payloadTooLarge",
  ResponsePayloadSizeLimitExceeded: "payloadTooLarge",
  ConnectionFailure: "connectionLost",
  RequestAborted: "connectionLost",
  ServiceNotAvailable: "connectionLost",
  Timeout: "connectionLost",
  UnsupportedFeature: "unsupported",
  ApiNotFound: "unsupported",
};

/** Excel localises messages, so the protected-sheet test looks for the English and the Chinese word. */
const PROTECTED = /protect|保护/i;
/** What a browser says when the request to Excel on the web never arrives. */
const NETWORK = /network|failed to fetch|connection|offline|网络|连接/i;

/**
 * Translates whatever an Office.js call threw into a HostError. A HostError
 * passes through unchanged.
 *
 * @example
 * translateOfficeError({ code: "InvalidOperationInCellEditMode", message: "…" }, 0).kind //=> "cellEditMode"
 * translateOfficeError(new TypeError("Failed to fetch"), 2).kind                      //=> "connectionLost"
 */
export function translateOfficeError(error: unknown, writtenOps: number): HostError {
  if (error instanceof HostError) return error;
  const code = errorCode(error);
  const text = errorMessage(error);
  const kind =
    KIND_BY_CODE[code] ??
    (PROTECTED.test(text) && code !== "" ? "protectedSheet" : undefined) ??
    (NETWORK.test(text) ? "connectionLost" : "unknown");
  return new HostError(kind, userMessage(kind, code, text), writtenOps, error);
}

/** The clerk-facing message of each kind: what happened, then what to do. */
export function userMessage(kind: HostErrorKind, code: string, text: string): Message {
  switch (kind) {
    case "cellEditMode":
      return {
        zh: "Excel 正在编辑单元格，无法写入。请先退出单元格编辑（按 Enter 或 Esc）后重试",
        en: "Excel is editing a cell and cannot be written to. Leave the cell (press Enter or Esc), then try again",
      };
    case "protectedSheet":
      return {
        zh: "工作表受保护，无法写入。请在“审阅”选项卡中点“撤消工作表保护”后重试",
        en: "The sheet is protected and cannot be written to. Choose Review > Unprotect Sheet, then try again",
      };
    case "missingSheet":
      return {
        zh: "找不到所需的工作表、名称或图表（可能刚被删除或改名）。请检查工作表名称后重试",
        en: "A sheet, name or chart the command needs was not found (it may have just been deleted or renamed). Check the sheet names, then try again",
      };
    case "payloadTooLarge":
      return {
        zh: "数据量超过 Excel 单次请求的上限（网页版约 5 MB）。请在桌面版 Excel 中运行，或将表格拆分后重试",
        en: "The data is larger than one Excel request allows (about 5 MB in Excel on the web). Run the command in desktop Excel, or split the table, then try again",
      };
    case "connectionLost":
      return {
        zh: "与 Excel 的连接中断。请检查网络，确认工作簿仍然打开后重试",
        en: "The connection to Excel was lost. Check the network and that the workbook is still open, then try again",
      };
    case "unsupported":
      return {
        zh: "当前版本的 Excel 不支持此操作。请升级 Excel 或改用桌面版后重试",
        en: "This version of Excel does not support the operation. Update Excel or use desktop Excel, then try again",
      };
    case "unknown":
      return {
        zh: `Excel 报告错误：${describe(code, text)}。请重试；如仍失败，请保存并重新打开工作簿`,
        en: `Excel reported an error: ${describe(code, text)}. Try again; if it fails again, save and reopen the workbook`,
      };
  }
}

function describe(code: string, text: string): string {
  if (code && text) return `${code}（${text}）`;
  return code || text || "未知错误 unknown error";
}

function errorCode(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error) {
    return typeof error.code === "string" ? error.code : "";
  }
  return "";
}

function errorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error) {
    return typeof error.message === "string" ? error.message : "";
  }
  return typeof error === "string" ? error : "";
}
