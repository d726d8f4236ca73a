// The CLI's file handling end to end, spawned as a user would (issue 14: #4, #5, #10, #11): outputs
// are written whole or not at all, file-system errors are one line naming the path (exit 1, never a
// stack trace), only regular files are read, the size limit is counted while reading, symlinks are
// not written through, and text must be UTF-8 (a BOM is fine) in `validate` and `import` alike.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { FileError, readTextFile } from "../src/cli/io.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const dataFile = join(root, "graph-data/cns-us-china-2000.json");
const karate = join(root, "tests/fixtures/external/networkx/karate-club.gexf");
const scratchRoot = mkdtempSync(join(tmpdir(), "linkage-cli-files-"));
afterAll(() => rmSync(scratchRoot, { recursive: true, force: true }));
const scratch = () => mkdtempSync(join(scratchRoot, "case-"));

/** Spawns the CLI; a process that blocks (a FIFO read) is killed after 20 s and shows as signal. */
function linkage(...args: string[]) {
  const run = spawnSync(process.execPath, ["bin/linkage.js", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 20_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

/** A file-system failure: exit 1, one line that names the path, no Node stack trace. */
function expectOneLineError(run: ReturnType<typeof linkage>, path: string) {
  expect(run.signal).toBeNull();
  expect(run.code).toBe(1);
  expect(run.stderr).not.toMatch(/\n\s+at |node:fs|^\s*\^/m);
  expect(run.stderr.trim().split("\n")[0]).toContain(path);
}

describe("linkage export: whole outputs or nothing (#4)", () => {
  it("says so in one line when --out is in a directory that does not exist", () => {
    const dir = scratch();
    const out = join(dir, "missing", "graph.gexf");
    const run = linkage("export", "--format", "gexf", "--out", out);
    expectOneLineError(run, out);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("no such directory");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses an existing file where a multi-file format needs a directory, and leaves it alone", () => {
    const dir = scratch();
    const out = join(dir, "taken");
    writeFileSync(out, "keep me");
    const run = linkage("export", "--format", "csv", "--out", out);
    expectOneLineError(run, out);
    expect(run.stderr).toContain("not a directory");
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect(readdirSync(dir)).toEqual(["taken"]);
  });

  it("writes nothing with --force when one target name is a directory", () => {
    const dir = scratch();
    mkdirSync(join(dir, "claims.csv"));
    const run = linkage("export", "--format", "csv", "--out", dir, "--force");
    expectOneLineError(run, join(dir, "claims.csv"));
    expect(run.stderr).toContain("is a directory");
    expect(readdirSync(dir)).toEqual(["claims.csv"]);
    expect(readdirSync(join(dir, "claims.csv"))).toEqual([]);
  });

  it("says ENOTDIR in one line when a parent of --out is a file", () => {
    const dir = scratch();
    writeFileSync(join(dir, "file"), "x");
    const out = join(dir, "file", "graph.gexf");
    const run = linkage("export", "--format", "gexf", "--out", out);
    expectOneLineError(run, out);
    expect(readFileSync(join(dir, "file"), "utf8")).toBe("x");
  });

  it("creates a new --out directory for a multi-file format and leaves no temporary files", () => {
    const dir = join(scratch(), "new", "csv");
    const run = linkage("export", "--format", "csv", "--out", dir);
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["claims.csv", "findings.csv", "nodes.csv"]);
  });

  it("replaces every file with --force, leaving no temporary files beside them", () => {
    const dir = scratch();
    for (const name of ["nodes.csv", "claims.csv", "findings.csv"]) writeFileSync(join(dir, name), "old");
    const run = linkage("export", "--format", "csv", "--out", dir, "--force");
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["claims.csv", "findings.csv", "nodes.csv"]);
    expect(readFileSync(join(dir, "nodes.csv"), "utf8")).toMatch(/^\ufeffid,/);
  });
});

describe("linkage export and import: symlinks are not written through (#10)", () => {
  it("refuses --out onto a dangling symlink unless --force, and --force replaces the link", () => {
    const dir = scratch();
    const link = join(dir, "graph.gexf");
    symlinkSync(join(dir, "elsewhere.gexf"), link);
    const refused = linkage("export", "--format", "gexf", "--out", link);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${link} is a symbolic link; add --force to replace the link`);
    expect(existsSync(join(dir, "elsewhere.gexf"))).toBe(false);
    expect(readlinkSync(link)).toBe(join(dir, "elsewhere.gexf"));

    const forced = linkage("export", "--format", "gexf", "--out", link, "--force");
    expect(forced.code).toBe(0);
    expect(lstatSync(link).isFile()).toBe(true);
    expect(readFileSync(link, "utf8")).toMatch(/^<\?xml/);
    expect(existsSync(join(dir, "elsewhere.gexf"))).toBe(false);
  });

  it("refuses --out onto a symlink to a file, and --force never changes the linked file", () => {
    const dir = scratch();
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "keep me");
    const link = join(dir, "karate.json");
    symlinkSync(victim, link);
    const refused = linkage("import", karate, "--default-kind", "actor", "--out", link);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("is a symbolic link");
    const forced = linkage("import", karate, "--default-kind", "actor", "--out", link, "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(victim, "utf8")).toBe("keep me");
    expect(JSON.parse(readFileSync(link, "utf8")).nodes).toHaveLength(34);
  });
});

describe("reading: regular files only, bounded while read (#4, #5)", () => {
  it("refuses to import a directory in one line", () => {
    const dir = scratch();
    const run = linkage("import", dir);
    expectOneLineError(run, dir);
    expect(run.stderr).toContain("not a regular file (a directory)");
  });

  it("refuses /dev/zero at once instead of reading it", () => {
    const run = linkage("import", "/dev/zero");
    expectOneLineError(run, "/dev/zero");
    expect(run.stderr).toContain("not a regular file (a character device)");
    expect(linkage("validate", "/dev/zero").stderr).toContain("not a regular file");
  });

  it("refuses a FIFO without waiting for a writer", () => {
    const fifo = join(scratch(), "pipe.gexf");
    const made = spawnSync("mkfifo", [fifo]);
    expect(made.status).toBe(0);
    const run = linkage("import", fifo);
    expectOneLineError(run, fifo);
    expect(run.stderr).toContain("not a regular file (a FIFO)");
    const validated = linkage("validate", fifo);
    expect(validated.signal).toBeNull();
    expect(validated.code).toBe(1);
    expect(validated.stderr).toContain("not a regular file (a FIFO)");
  });

  it("says ENOTDIR in one line when a parent of the file is a file", () => {
    const dir = scratch();
    writeFileSync(join(dir, "file"), "x");
    const path = join(dir, "file", "graph.gexf");
    expectOneLineError(linkage("import", path), path);
  });

  it("counts bytes while reading, so a file whose size stat reports as 0 is still bounded", () => {
    // /proc files are regular files that stat as 0 bytes long; their text is longer than 16 bytes.
    expect(lstatSync("/proc/self/status").size).toBe(0);
    expect(() => readTextFile("/proc/self/status", { maxBytes: 16 })).toThrow(FileError);
    expect(() => readTextFile("/proc/self/status", { maxBytes: 16 })).toThrow(/over the 16-byte limit/);
    expect(readTextFile("/proc/self/status", { maxBytes: 1 << 20 })).toMatch(/^Name:/);
  });
});

describe("text: UTF-8 with or without a BOM, the same in validate and import (#11)", () => {
  const withBom = () => {
    const file = join(scratch(), "bom.json");
    writeFileSync(file, `\ufeff${readFileSync(dataFile, "utf8")}`);
    return file;
  };

  it("validate accepts a UTF-8 BOM, as import does", () => {
    const file = withBom();
    const validated = linkage("validate", file);
    expect(validated.stderr).toBe("");
    expect(validated.code).toBe(0);
    expect(linkage("import", file).code).toBe(0);
  });

  it("refuses invalid UTF-8 with its byte offset, in validate and import", () => {
    const bytes = readFileSync(dataFile);
    const offset = bytes.indexOf(Buffer.from("Executive Summary"));
    expect(offset).toBeGreaterThan(0);
    bytes[offset] = 0xff;
    const file = join(scratch(), "latin.json");
    writeFileSync(file, bytes);
    for (const command of ["validate", "import"]) {
      const run = linkage(command, file);
      expect(run.code, command).toBe(1);
      expect(run.stderr, command).toContain(`not UTF-8: byte 0xff at byte offset ${offset}`);
    }
  });

  it("refuses a truncated multi-byte sequence at the end of the file", () => {
    const file = join(scratch(), "cut.gexf");
    const text = Buffer.from(
      '<?xml version="1.0"?><gexf><graph><nodes><node id="é"/></nodes></graph></gexf>\n',
    );
    writeFileSync(file, Buffer.concat([text, Buffer.from([0xe2, 0x80])]));
    expect(linkage("import", file).stderr).toContain(`byte 0xe2 at byte offset ${text.length}`);
  });
});

describe("dates in a source must be calendar dates (#11)", () => {
  it.each([["2000-13-45"], ["2000-02-30"], ["2001-02-29"], ["2000-00"], ["2000-04-31"]])(
    "validate refuses %s",
    (date) => {
      const source = JSON.parse(readFileSync(dataFile, "utf8"));
      source.source.date = date;
      const file = join(scratch(), "dated.json");
      writeFileSync(file, JSON.stringify(source));
      const run = linkage("validate", file);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`source.date: ${date} is not a calendar date`);
    },
  );

  it("validate accepts 29 February of a leap year, and a year-month", () => {
    for (const date of ["2000-02-29", "2000-12"]) {
      const source = JSON.parse(readFileSync(dataFile, "utf8"));
      source.source.date = date;
      const file = join(scratch(), "dated.json");
      writeFileSync(file, JSON.stringify(source));
      expect(linkage("validate", file).code, date).toBe(0);
    }
  });
});
