// The linkage CLI end to end: spawn it as a user would, check exit codes, messages and JSON shapes.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixtures = "tests/fixtures/sources";
// Counts come from the data file itself, so editing graph-data does not mean editing these tests.
const data = JSON.parse(
  readFileSync(new URL("../graph-data/cns-us-china-2000.json", import.meta.url), "utf8"),
) as {
  nodes: { kind: string }[];
  claims: unknown[];
};
const nodeCount = data.nodes.length;
const claimCount = data.claims.length;
const countOf = (kind: string) => data.nodes.filter((n) => n.kind === kind).length;

function linkage(...args: string[]) {
  const run = spawnSync(process.execPath, ["bin/linkage.js", ...args], { cwd: root, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("linkage validate", () => {
  it("passes graph-data by default", () => {
    const { code, stdout } = linkage("validate");
    expect(code).toBe(0);
    expect(stdout).toContain(`ok: 1 file(s), ${nodeCount} nodes, ${claimCount} claims, no problems`);
  });

  it("prints stable JSON", () => {
    const { code, stdout } = linkage("validate", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      ok: true,
      files: ["graph-data/cns-us-china-2000.json"],
      counts: { sources: 1, nodes: nodeCount, claims: claimCount },
      problems: [],
    });
  });

  it("names the file, line and column of malformed JSON and exits 1", () => {
    const { code, stderr } = linkage("validate", `${fixtures}/bad-syntax.json`);
    expect(code).toBe(1);
    expect(stderr).toContain(`${fixtures}/bad-syntax.json: line 5, column 5: malformed JSON`);
  });

  it("names the file, the JSON path and what was expected for a schema error", () => {
    const { code, stderr } = linkage("validate", `${fixtures}/bad-schema.json`);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad-schema\.json: claims\[0\]\.relation: .*"supports"/);
    expect(stderr).toMatch(/bad-schema\.json: nodes\[1\]\.id: the id's prefix must match the kind/);
  });

  it("names the claim and the missing id of a dangling reference", () => {
    const { code, stderr } = linkage("validate", `${fixtures}/bad-dangling.json`);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'claim "pact-tied-to-trade" has target "issue:tariffs", which no source defines',
    );
  });

  it("reports a missing file rather than crashing", () => {
    const { code, stderr } = linkage("validate", "no/such/file.json");
    expect(code).toBe(1);
    expect(stderr).toContain("cannot read the file: no such file");
  });

  it("accepts a good file given explicitly", () => {
    expect(linkage("validate", `${fixtures}/good-minimal.json`).code).toBe(0);
  });
});

describe("linkage stats", () => {
  it("counts nodes by kind and claims by relation, holder and finding", () => {
    const { code, stdout } = linkage("stats", "--json");
    expect(code).toBe(0);
    const stats = JSON.parse(stdout);
    expect(stats.nodes).toEqual({
      total: nodeCount,
      byKind: { actor: countOf("actor"), issue: countOf("issue"), treaty: countOf("treaty") },
    });
    expect(stats.claims.total).toBe(claimCount);
    expect(Object.keys(stats.claims.byRelation)).toEqual(["supports", "opposes", "links-to"]);
    expect(stats.claims.byHolder["actor:china"]).toBeGreaterThan(0);
    expect(Object.keys(stats.claims.byFinding)).toHaveLength(12);
    expect(Object.values<number>(stats.claims.byFinding).every((n) => n > 0)).toBe(true);
  });

  it("prints a readable table", () => {
    const { stdout } = linkage("stats");
    expect(stdout).toContain(`Nodes: ${nodeCount}`);
    expect(stdout).toMatch(/China \(actor:china\)\s+\d+/);
  });
});

describe("linkage show", () => {
  it("shows a node, its claims in both directions and the findings they cite", () => {
    const { code, stdout } = linkage("show", "actor:china", "--json");
    expect(code).toBe(0);
    const shown = JSON.parse(stdout);
    expect(shown.node).toMatchObject({ id: "actor:china", kind: "actor", label: "China" });
    expect(Object.keys(shown.claims[0])).toEqual([
      "id",
      "source",
      "target",
      "relation",
      "heldBy",
      "findings",
      "qualifier",
      "speaker",
      "note",
    ]);
    expect(
      shown.claims.every((c: { source: string; target: string }) =>
        [c.source, c.target].includes("actor:china"),
      ),
    ).toBe(true);
    expect(shown.findings[0]).toEqual({
      id: expect.stringMatching(/#F\d+$/),
      source: "cns-us-china-2000",
      summary: expect.any(String),
    });
  });

  it("lists incoming claims too", () => {
    const { stdout } = linkage("show", "issue:taiwan-arms-sales");
    expect(stdout).toContain("Claims to this node (2):");
    expect(stdout).toContain("contingent on");
    expect(stdout).toContain("cns-us-china-2000#F3");
  });

  it("exits 1 on an unknown id and suggests the nearest", () => {
    const { code, stderr } = linkage("show", "actor:chna");
    expect(code).toBe(1);
    expect(stderr).toContain('unknown id "actor:chna"; did you mean "actor:china"?');
  });
});

describe("output into a pipe", () => {
  it("stops quietly when the reader closes the pipe early", () => {
    const run = spawnSync("sh", ["-c", "node bin/linkage.js compare actor:us actor:china | head -n 1"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(run.stdout).toMatch(/^Comparing United States/);
    expect(run.stderr).not.toMatch(/EPIPE/);
  });
});

describe("usage errors", () => {
  it.each([
    [["show"], /takes 1 argument/],
    [["stats", "extra"], /takes no arguments/],
    [["validate", "--bogus"], /Unknown option '--bogus'/],
    [["frobnicate"], /unknown command "frobnicate"/],
    [[], /Usage: linkage <command>/],
  ])("linkage %j prints usage and exits 2", (args, message) => {
    const { code, stderr } = linkage(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/Usage: linkage/);
  });

  it("prints help on --help and exits 0", () => {
    const { code, stdout } = linkage("--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/validate/);
  });
});
