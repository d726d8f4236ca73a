// How every command reads its options (issue 14, #11): whole-number options take plain decimal
// digits only, and a single-value option given twice is a usage error rather than "the last one wins".
// Run in-process through runCli, which is what bin/linkage.js calls.
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli/main.ts";

async function linkage(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const TRACE = ["trace", "--target", "issue:taiwan-arms-sales", "--holder", "actor:china", "--json"];

describe("whole-number options take plain decimal digits only", () => {
  it.each([["0x2"], ["1e0"], [" 3 "], ["+3"], ["3.0"], [""], ["0b10"], ["٣"]])(
    "--depth %j is a usage error naming the option and what it expects",
    async (depth) => {
      const { code, stderr } = await linkage(...TRACE, "--depth", depth);
      expect(code).toBe(2);
      expect(stderr).toContain("--depth: must be a whole number from 1 to 6, in decimal digits");
      expect(stderr).toContain(`got ${JSON.stringify(depth)}`);
    },
  );

  it("--max-depth is read the same way", async () => {
    const { code, stderr } = await linkage("path", "treaty:fmct", "treaty:paros", "--max-depth", "0x3");
    expect(code).toBe(2);
    expect(stderr).toContain('--max-depth: must be a whole number from 1 to 6, in decimal digits; got "0x3"');
  });

  it("plain digits still work, leading zeros included", async () => {
    for (const [given, depth] of [
      ["3", 3],
      ["03", 3],
    ] as const) {
      const { code, stdout } = await linkage(...TRACE, "--depth", given);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).depth).toBe(depth);
    }
  });
});

describe("a single-value option given twice is a usage error", () => {
  it("--depth 2 --depth 3 names the option", async () => {
    const { code, stderr } = await linkage(...TRACE, "--depth", "2", "--depth", "3");
    expect(code).toBe(2);
    expect(stderr).toContain("--depth was given 2 times; give it once");
    expect(stderr).toContain("Usage: linkage trace");
  });

  it("counts the short and the long spelling as the same option", async () => {
    const { code, stderr } = await linkage("export", "-f", "gexf", "--format", "graphml");
    expect(code).toBe(2);
    expect(stderr).toContain("--format was given 2 times; give it once");
  });

  it("--holder given twice is refused rather than silently taking the last", async () => {
    const { code, stderr } = await linkage(...TRACE, "--holder", "actor:us");
    expect(code).toBe(2);
    expect(stderr).toContain("--holder was given 2 times");
  });

  it("options meant to repeat, such as --relation, still repeat", async () => {
    const { code, stdout } = await linkage(...TRACE, "--relation", "links-to", "--relation", "opposes");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).relations).toEqual(["opposes", "links-to"]);
  });
});
