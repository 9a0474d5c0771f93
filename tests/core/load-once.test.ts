import { describe, expect, it } from "vitest";
import { lazy } from "../../functions/core/load-once.js";

describe("lazy: a heavy library loads once, on first need", () => {
  it("runs the loader once however many callers ask at the same time, and keeps the value", async () => {
    let calls = 0;
    const lib = lazy(async () => ({ n: ++calls }));
    expect(lib.value).toBeUndefined();
    const [a, b] = await Promise.all([lib.load(), lib.load()]);
    expect(a).toBe(b);
    expect(lib.value).toBe(a);
    await lib.load();
    expect(calls).toBe(1);
  });

  it("forgets a failed load, so the next caller tries again instead of failing for the process's life", async () => {
    let calls = 0;
    const lib = lazy(async () => {
      calls++;
      if (calls === 1) throw new Error("disk hiccup");
      return "ok";
    });
    await expect(lib.load()).rejects.toThrow("disk hiccup");
    expect(lib.value).toBeUndefined();
    await expect(lib.load()).resolves.toBe("ok");
    expect(lib.value).toBe("ok");
    expect(calls).toBe(2);
  });

  it("does not load anything until asked", () => {
    let calls = 0;
    lazy(async () => ++calls);
    expect(calls).toBe(0);
  });
});
