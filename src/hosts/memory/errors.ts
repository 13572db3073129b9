/**
 * Errors shaped like Office.js's OfficeExtension.Error (`code`, `message`,
 * `debugInfo`), thrown by the in-memory Excel where Excel would throw.
 * Messages follow Excel's English wording.
 */

/** Failures a test can inject into a later sync. */
export type InjectedFailure =
  "cellEditMode" | "protectedSheet" | "payloadTooLarge" | "connectionLost";

export class MemoryOfficeError
  extends Error
  implements Pick<OfficeExtension.Error, "code" | "message" | "debugInfo" | "name">
{
  readonly debugInfo: OfficeExtension.DebugInfo;

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(property: string): MemoryOfficeError {
  return new MemoryOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );
}

export function itemNotFound(location: string): MemoryOfficeError {
  return new MemoryOfficeError("ItemNotFound", "The requested resource doesn't exist.", location);
}

export function itemAlreadyExists(location: string): MemoryOfficeError {
  return new MemoryOfficeError(
    "ItemAlreadyExists",
    "A resource with the same name or identifier already exists.",
    location
  );
}

export function invalidArgument(location: string, detail = ""): MemoryOfficeError {
  return new MemoryOfficeError(
    "InvalidArgument",
    `The argument is invalid or missing or has an incorrect format.${detail ? ` ${detail}` : ""}`,
    location
  );
}

export function requestPayloadTooLarge(bytes: number, limit: number): MemoryOfficeError {
  return new MemoryOfficeError(
    "RequestPayloadSizeLimitExceeded",
    `The request payload size has exceeded the limit (${bytes} > ${limit} bytes). See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins`
  );
}

export function responsePayloadTooLarge(location: string): MemoryOfficeError {
  return new MemoryOfficeError(
    "ResponsePayloadSizeLimitExceeded",
    "The response payload size has exceeded the limit.",
    location
  );
}

export function invalidRequestContext(): MemoryOfficeError {
  return new MemoryOfficeError(
    "InvalidRequestContext",
    "Cannot use the object across different request contexts."
  );
}

/** The error Excel gives for each injectable failure. */
export function injectedError(kind: InjectedFailure): MemoryOfficeError {
  switch (kind) {
    case "cellEditMode":
      return new MemoryOfficeError(
        "InvalidOperationInCellEditMode",
        "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again."
      );
    case "protectedSheet":
      return new MemoryOfficeError(
        "AccessDenied",
        "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet."
      );
    case "payloadTooLarge":
      return new MemoryOfficeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit."
      );
    case "connectionLost":
      return new MemoryOfficeError(
        "ConnectionFailure",
        "The connection to the Excel service was lost."
      );
  }
}

/** What Excel says when a protected sheet is changed through the API. */
export function protectedSheet(location: string): MemoryOfficeError {
  return new MemoryOfficeError(
    "AccessDenied",
    "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
    location
  );
}

export function invalidOperation(location: string, detail: string): MemoryOfficeError {
  return new MemoryOfficeError(
    "InvalidOperation",
    `The operation is invalid for the object or its current state. ${detail}`,
    location
  );
}

/** An older Excel asked for a member of a newer requirement set. */
export function apiNotFound(location: string, excelClass: string, set: string): MemoryOfficeError {
  return new MemoryOfficeError(
    "ApiNotFound",
    `The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the versions documentation for more information. (${excelClass} needs ExcelApi ${set}.)`,
    location
  );
}
