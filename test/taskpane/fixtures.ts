/** Fixture builders for the task pane tests: each takes overrides. */
import type { Command, CommandResult, Lang } from "../../src/workbook/command";
import type { ExecuteOutcome } from "../../src/workbook/execute";
import type { CellIssue } from "../../src/workbook/issues";
import type { TaskpaneActions } from "../../src/taskpane/actions";

export function makeIssue(overrides: Partial<CellIssue> = {}): CellIssue {
  return {
    code: "negative",
    severity: "error",
    sheet: "物资储备",
    cell: "F7",
    message: {
      zh: "现有库存不能为负数，请改为 0 或正数",
      en: "Stock cannot be negative; use 0 or more",
    },
    ...overrides,
  };
}

export function makeResult(overrides: Partial<CommandResult> = {}): CommandResult {
  return {
    ops: [],
    issues: [],
    summary: { zh: "已完成计算", en: "Computed" },
    ...overrides,
  };
}

export function makeSuccess(
  result: Partial<CommandResult> = {},
  cells = 0
): Extract<ExecuteOutcome, { ok: true }> {
  return {
    ok: true,
    result: makeResult(result),
    report: { syncs: 1, cells, maxRequestBytes: 0, totalBytes: 0 },
    readSyncs: 1,
  };
}

export function makeFailure(
  overrides: Partial<Extract<ExecuteOutcome, { ok: false }>["error"]> = {}
): ExecuteOutcome {
  return {
    ok: false,
    error: {
      kind: "cellEditMode",
      message: {
        zh: "请先退出单元格编辑（按 Enter 或 Esc）后重试",
        en: "Finish editing the cell (press Enter or Esc) and try again",
      },
      writtenOps: 0,
      ...overrides,
    },
  };
}

export function makeActions<O extends Partial<TaskpaneActions> = Record<never, never>>(
  overrides?: O
) {
  const base = {
    run: jest.fn<ReturnType<TaskpaneActions["run"]>, Parameters<TaskpaneActions["run"]>>(async () =>
      makeSuccess()
    ),
    select: jest.fn<Promise<void>, [string, string]>(async () => undefined),
    lang: "zh" as Lang,
  };
  return { ...base, ...overrides } as Omit<typeof base, keyof O> & O;
}

export function makeCommand(overrides: Partial<Command> = {}): Command {
  return {
    id: "computeStockpile",
    label: { zh: "计算物资储备", en: "Compute stockpile" },
    reads: () => [],
    run: () => makeResult(),
    ...overrides,
  };
}
