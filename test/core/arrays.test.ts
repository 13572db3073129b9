import { pushAll } from "../../src/core/arrays";

describe("pushAll", () => {
  it("appends in order and returns the target", () => {
    const target = [1];
    expect(pushAll(target, [2, 3])).toBe(target);
    expect(target).toEqual([1, 2, 3]);
  });

  it("appends more items than a spread call can pass as arguments", () => {
    const many = Array.from({ length: 500_000 }, (_, i) => i);
    const target: number[] = [];
    pushAll(target, many);
    expect(target).toHaveLength(500_000);
    expect(target[499_999]).toBe(499_999);
  });
});
