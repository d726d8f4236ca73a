// src/cli/output-files.ts on its own (issue 14, #4): when a rename fails after others have been made,
// every replaced file comes back and every new one goes, so the directory is as it was. A failing
// rename cannot be caused from outside once the targets have been checked, so node:fs is wrapped.
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { UsageError } from "../src/cli/command.ts";
import { FileError } from "../src/cli/io.ts";
import { writeOutputs } from "../src/cli/output-files.ts";

const failing = { rename: "" };
vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs")>();
  return {
    ...actual,
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      if (failing.rename && String(to).endsWith(failing.rename) && String(from).endsWith(".new")) {
        throw Object.assign(new Error(`EIO: i/o error, rename '${from}' -> '${to}'`), {
          code: "EIO",
          syscall: "rename",
        });
      }
      return actual.renameSync(from, to);
    },
  };
});

const scratchRoot = fs.mkdtempSync(join(tmpdir(), "linkage-output-files-"));
afterAll(() => fs.rmSync(scratchRoot, { recursive: true, force: true }));
const files = (dir: string) =>
  ["nodes.csv", "claims.csv", "findings.csv"].map((name) => ({ path: join(dir, name), text: `new ${name}` }));

describe("writeOutputs", () => {
  it("puts everything back when the second of three renames fails", () => {
    const dir = fs.mkdtempSync(join(scratchRoot, "case-"));
    fs.writeFileSync(join(dir, "nodes.csv"), "old nodes");
    fs.writeFileSync(join(dir, "claims.csv"), "old claims");
    failing.rename = "claims.csv";
    try {
      expect(() => writeOutputs(files(dir), { force: true })).toThrow(FileError);
      expect(() => writeOutputs(files(dir), { force: true })).toThrow(/claims\.csv: cannot write: EIO/);
    } finally {
      failing.rename = "";
    }
    expect(fs.readdirSync(dir).sort()).toEqual(["claims.csv", "nodes.csv"]);
    expect(fs.readFileSync(join(dir, "nodes.csv"), "utf8")).toBe("old nodes");
    expect(fs.readFileSync(join(dir, "claims.csv"), "utf8")).toBe("old claims");
  });

  it("removes a directory it made when the write fails", () => {
    const parent = fs.mkdtempSync(join(scratchRoot, "case-"));
    failing.rename = "findings.csv";
    try {
      expect(() =>
        writeOutputs(files(join(parent, "a", "b")), { force: false, directory: join(parent, "a", "b") }),
      ).toThrow(FileError);
    } finally {
      failing.rename = "";
    }
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it("writes all three and leaves nothing else when nothing fails", () => {
    const dir = fs.mkdtempSync(join(scratchRoot, "case-"));
    fs.writeFileSync(join(dir, "claims.csv"), "old claims");
    fs.chmodSync(join(dir, "claims.csv"), 0o640);
    writeOutputs(files(dir), { force: true });
    expect(fs.readdirSync(dir).sort()).toEqual(["claims.csv", "findings.csv", "nodes.csv"]);
    expect(fs.readFileSync(join(dir, "claims.csv"), "utf8")).toBe("new claims.csv");
    expect(fs.statSync(join(dir, "claims.csv")).mode & 0o777).toBe(0o640);
  });

  it("refuses an existing file without force, before writing anything", () => {
    const dir = fs.mkdtempSync(join(scratchRoot, "case-"));
    fs.writeFileSync(join(dir, "findings.csv"), "old");
    expect(() => writeOutputs(files(dir), { force: false })).toThrow(UsageError);
    expect(fs.readdirSync(dir)).toEqual(["findings.csv"]);
  });
});
