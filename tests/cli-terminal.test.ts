// Text from data or from the command line never reaches the reader's terminal as control characters
// (issue 14, #6): escape sequences are shown as \u001b, not obeyed; an export to standard output stays
// byte for byte what the file would hold.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { showControls } from "../src/cli/io.ts";

const linkage = (...args: string[]) =>
  spawnSync(process.execPath, ["bin/linkage.js", ...args], { encoding: "utf8" });

describe("terminal output", () => {
  it("shows control characters other than newline and tab", () => {
    expect(showControls("a\u001b[31mred\tok\nnext\u0085\u2028\u0000")).toBe(
      "a\\u001b[31mred\tok\nnext\\u0085\\u2028\\u0000",
    );
    expect(showControls("plain “text” – 中文 🙂")).toBe("plain “text” – 中文 🙂");
  });

  it("prints an escape sequence typed as an id as text, in the error message", () => {
    const result = linkage("show", "actor:\u001b[31mred");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("\\u001b[31mred");
    expect(result.stderr).not.toContain("\u001b");
  });

  it("writes an export to standard output exactly", () => {
    const result = linkage("export", "--format", "project-json");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).modelVersion).toBe(2);
  });
});
