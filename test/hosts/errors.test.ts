/**
 * Office errors become HostErrors once, at the host boundary, with a message
 * that says what to do.
 */
import { translateOfficeError } from "../../src/hosts/excel/errors";
import { HostError } from "../../src/workbook/host";

/** An error shaped like OfficeExtension.Error. */
function officeError(code: string, message = "Excel says no"): Error & { code: string } {
  return Object.assign(new Error(message), { code, name: "RichApi.Error" });
}

describe("translateOfficeError", () => {
  it.each([
    ["InvalidOperationInCellEditMode", "cellEditMode"],
    ["AccessDenied", "protectedSheet"],
    ["ItemNotFound", "missingSheet"],
    ["RequestPayloadSizeLimitExceeded", "payloadTooLarge"],
    ["ResponsePayloadSizeLimitExceeded", "payloadTooLarge"],
    ["ConnectionFailure", "connectionLost"],
    ["RequestAborted", "connectionLost"],
    ["ApiNotFound", "unsupported"],
    ["GeneralException", "unknown"],
  ])("turns the Office code %s into kind %s", (code, kind) => {
    expect(translateOfficeError(officeError(code), 0).kind).toBe(kind);
  });

  it.each([
    ["The cell or chart you're trying to change is on a protected sheet."],
    ["您试图更改的单元格或图表位于受保护的工作表中。"],
  ])("recognises a protected sheet from a localised message: %s", (message) => {
    expect(translateOfficeError(officeError("InvalidOperation", message), 0).kind).toBe(
      "protectedSheet"
    );
  });

  it("reads a browser network failure without a code as connectionLost", () => {
    expect(translateOfficeError(new TypeError("Failed to fetch"), 0).kind).toBe("connectionLost");
  });

  it("says what to do, in Chinese first and English second", () => {
    const error = translateOfficeError(officeError("InvalidOperationInCellEditMode"), 0);
    expect(error.userMessage.zh).toContain("请先退出单元格编辑（按 Enter 或 Esc）后重试");
    expect(error.userMessage.en).toContain("press Enter or Esc");
  });

  it("keeps the original code and message of an unknown error in the user message", () => {
    const error = translateOfficeError(officeError("GeneralException", "Something broke"), 0);
    expect(error.userMessage.zh).toContain("GeneralException");
    expect(error.userMessage.en).toContain("Something broke");
  });

  it("carries the ops already written and the original error", () => {
    const original = officeError("ConnectionFailure");
    const error = translateOfficeError(original, 3);
    expect(error).toBeInstanceOf(HostError);
    expect(error.writtenOps).toBe(3);
    expect(error.cause).toBe(original);
  });

  it("passes a HostError through unchanged", () => {
    const hostError = new HostError("missingSheet", { zh: "缺表", en: "Missing" }, 1);
    expect(translateOfficeError(hostError, 5)).toBe(hostError);
  });
});
