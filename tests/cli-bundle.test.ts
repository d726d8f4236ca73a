// The bundled CLI (build/cli/linkage.mjs, made by `npm ci` through prepare) answers exactly as the
// TypeScript sources do, and bin/linkage.js falls back to the sources when the bundle is older than them.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = `${root}build/cli/linkage.mjs`;

function linkage(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["bin/linkage.js", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the bundled CLI", () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: root, encoding: "utf8" });
    expect(build.status, build.stderr).toBe(0);
  }, 60_000);

  it("is built into build/cli, two folders deep like src/cli, so it finds graph-data", () => {
    expect(existsSync(bundle)).toBe(true);
    expect(linkage(["validate"]).stdout).toMatch(/^ok: 1 file\(s\), \d+ nodes, \d+ claims/);
  });

  it.each([
    [["stats", "--json"]],
    [["trace", "--target", "issue:taiwan-arms-sales", "--holder", "actor:china", "--json"]],
    [["compare", "actor:us", "actor:china", "--markdown"]],
    [["show", "actor:nobody"]],
  ])(
    "answers %j exactly as the sources do, exit code included",
    (args) => {
      const bundled = linkage(args);
      const sources = linkage(args, { LINKAGE_FROM_SOURCE: "1" });
      expect(bundled).toEqual(sources);
    },
    60_000,
  );

  it("is not used when a source file is newer than it", () => {
    const built = readFileSync(bundle);
    // A stale bundle that would fail if it ran: the sources must answer instead.
    writeFileSync(bundle, 'throw new Error("the stale bundle ran");\n');
    // Older than any checkout's sources, however long ago the checkout was made (an hour ago was not:
    // a working tree left for a while has sources older than that).
    const old = new Date("2000-01-01T00:00:00Z");
    utimesSync(bundle, old, old);
    try {
      const stale = linkage(["stats", "--json"]);
      expect(stale.stderr).not.toContain("the stale bundle ran");
      expect(stale.code).toBe(0);
      // And the same broken file, when fresh, is what runs: the check is what decides.
      const now = new Date(Date.now() + 60_000);
      utimesSync(bundle, now, now);
      expect(linkage(["stats", "--json"]).stderr).toContain("the stale bundle ran");
    } finally {
      writeFileSync(bundle, built);
    }
  }, 60_000);
});
