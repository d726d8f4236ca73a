// The linkage CLI end to end: spawn it as a user would, check exit codes, messages and JSON shapes.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { chainLines, claimWords } from "../src/cli/commands/sentences.ts";
import { claimRecord } from "../src/graph/records.ts";
import { shortestPath } from "../src/graph/trace.ts";
import type { ClaimAttributes, GraphAttributes, LinkageGraph, NodeAttributes } from "../src/graph/types.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixtures = "tests/fixtures/sources";
// Counts come from the data file itself, so editing graph-data does not mean editing these tests.
const data = JSON.parse(
  readFileSync(new URL("../graph-data/cns-us-china-2000.json", import.meta.url), "utf8"),
) as {
  nodes: { kind: string }[];
  claims: { attribution?: string; modality?: string }[];
};
const nodeCount = data.nodes.length;
const claimCount = data.claims.length;
const countOf = (kind: string) => data.nodes.filter((n) => n.kind === kind).length;
// The schema's defaults: a claim that does not say is stated and asserted.
const claimsWith = (field: "attribution" | "modality", value: string, fallback: string) =>
  data.claims.filter((c) => (c[field] ?? fallback) === value).length;

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
    expect(stats.claims.byAttribution).toEqual({
      stated: claimsWith("attribution", "stated", "stated"),
      inferred: claimsWith("attribution", "inferred", "stated"),
      document: claimsWith("attribution", "document", "stated"),
      unrecorded: 0,
    });
    expect(stats.claims.byModality).toEqual({
      asserted: claimsWith("modality", "asserted", "asserted"),
      hedged: claimsWith("modality", "hedged", "asserted"),
      question: claimsWith("modality", "question", "asserted"),
      unrecorded: 0,
    });
    // Each kind occurs in the conference's data, so a count stuck at zero would show.
    const { byAttribution: a, byModality: m } = stats.claims;
    for (const count of [a.stated, a.inferred, a.document, m.asserted, m.hedged, m.question])
      expect(count).toBeGreaterThan(0);
    expect(stats.claims.byHolder["actor:china"]).toBeGreaterThan(0);
    expect(Object.keys(stats.claims.byFinding)).toHaveLength(12);
    expect(Object.values<number>(stats.claims.byFinding).every((n) => n > 0)).toBe(true);
  });

  it("prints a readable table", () => {
    const { stdout } = linkage("stats");
    expect(stdout).toContain(`Nodes: ${nodeCount}`);
    expect(stdout).toMatch(/China \(actor:china\)\s+\d+/);
    expect(stdout).toMatch(
      new RegExp(
        `Claims by attribution:\\n\\s+stated\\s+${claimsWith("attribution", "stated", "stated")}\\n\\s+inferred\\s+\\d+\\n\\s+document\\s+\\d+\\n`,
      ),
    );
    expect(stdout).toMatch(/Claims by modality:\n\s+asserted\s+\d+\n\s+hedged\s+\d+\n\s+question\s+\d+\n/);
    expect(stdout).not.toContain("unrecorded");
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
      "attribution",
      "modality",
      "disputedBy",
      "findings",
      "evidence",
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

  it("lists incoming claims too, each with its evidence", () => {
    const { stdout } = linkage("show", "issue:taiwan-arms-sales");
    expect(stdout).toContain("Claims to this node (2):");
    expect(stdout).toMatch(
      /US–China nonproliferation cooperation is contingent on US arms sales to Taiwan {2}\[China; F3\] {2}\(f3-cooperation-contingent-on-arms-sales\)\n.*said by: .*\n {6}“further nonproliferation cooperation is contingent on US arms sales toward Taiwan”\n/,
    );
    expect(stdout).toContain("cns-us-china-2000#F3");
  });

  it("says when the document speaks in its own voice, who it says differ, and marks inferred and hedged claims", () => {
    const proposition = linkage("show", "issue:nmd-aimed-at-china");
    expect(proposition.stdout).toMatch(
      /^ {2}The document says whether NMD is directed against China is a point of difference over US national missile defense \(NMD\) {2}\[F10\] {2}\(f10-nmd-aimed-at-china-disputed\)\n {6}“whether NMD is directed against China”\n {6}Differ, sides not stated: United States, China\n/m,
    );
    const nmd = linkage("show", "issue:nmd").stdout;
    expect(nmd).toMatch(
      /\[United States; F6\] \[inferred\] {2}\(f6-limited-defenses-answer-nmd-concerns\)\n(?: {6}said by: .*\n)? {6}“limited missile defenses that remain limited”\n {6}Why inferred: The summary gives/,
    );
    expect(nmd).toContain("[F5] [hedged]  (f5-nmd-risks-relations)");
    expect(nmd).toContain("[F12] [open question]  (f12-csbms-resolve-nmd-concerns)");
  });

  it("exits 1 on an unknown id and suggests the nearest", () => {
    const { code, stderr } = linkage("show", "actor:chna");
    expect(code).toBe(1);
    expect(stderr).toContain('unknown id "actor:chna"; did you mean "actor:china"?');
  });

  // The graph keys these ids apart (build.ts: graphKey); show must still find them as the file says them.
  const hostile = `${fixtures}/hostile-ids.json`;

  it("finds a node the --file source calls __proto__, and prints every id as the file writes it", () => {
    const json = linkage("show", "__proto__", "--file", hostile, "--json");
    expect(json.code, json.stderr).toBe(0);
    const shown = JSON.parse(json.stdout);
    expect(shown.node).toMatchObject({ id: "__proto__", kind: "actor", label: "Proto" });
    expect(shown.claims).toMatchObject([
      { id: "toString", source: "__proto__", target: "constructor", heldBy: ["__proto__"] },
      { id: "tied", source: "~tilde", target: "__proto__" },
    ]);
    const text = linkage("show", "__proto__", "--file", hostile);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("Proto  (__proto__, actor)");
    expect(text.stdout).toContain("Claims from this node (1):\n  Proto supports Constructor");
    expect(text.stdout).toContain("Claims to this node (1):\n  Starts with the key mark is linked to Proto");
  });

  it("finds an id that starts with the key mark, and suggests hostile ids as the file writes them", () => {
    const tilde = linkage("show", "~tilde", "--file", hostile, "--json");
    expect(tilde.code, tilde.stderr).toBe(0);
    expect(JSON.parse(tilde.stdout).node).toMatchObject({ id: "~tilde", label: "Starts with the key mark" });
    const typo = linkage("show", "__proto_", "--file", hostile);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('unknown id "__proto_"; did you mean "__proto__"?');
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

describe("claim sentences (sentences.ts), on a hand-made graph", () => {
  const graph: LinkageGraph = new MultiDirectedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>();
  graph.replaceAttributes({
    sources: [
      { id: "s", title: "S", publisher: "p", date: "2026", findings: [{ id: "F1", summary: "One." }] },
    ],
  });
  for (const id of ["actor:us", "actor:china", "treaty:ctbt", "issue:p", "issue:t"])
    graph.addNode(id, {
      kind: id.startsWith("actor") ? "actor" : "issue",
      label: id.slice(id.indexOf(":") + 1).toUpperCase(),
      aliases: [],
      description: id,
      sources: ["s"],
    });
  const add = (id: string, source: string, target: string, extra: Partial<ClaimAttributes>) =>
    graph.addDirectedEdgeWithKey(id, source, target, {
      relation: "links-to",
      heldBy: [],
      findings: ["s#F1"],
      note: `Why ${id}.`,
      sourceId: "s",
      ...extra,
    });
  add("joint", "actor:us", "treaty:ctbt", {
    relation: "supports",
    heldBy: ["actor:us", "actor:china"],
    attribution: "stated",
    modality: "asserted",
    evidence: "jointly called for it",
  });
  add("doc", "issue:p", "issue:t", {
    attribution: "document",
    modality: "hedged",
    disputedBy: ["actor:us", "actor:china"],
    evidence: "whether P could be",
  });
  add("inf", "issue:t", "treaty:ctbt", {
    heldBy: ["actor:china"],
    attribution: "inferred",
    modality: "question",
    evidence: "can T help",
  });
  const words = claimWords(graph);
  const claim = (id: string) => claimRecord(graph, id);

  it("starts the document's own claims with what the document says, and lists the actors it says differ", () => {
    expect(words.sentence(claim("doc"))).toBe("The document says P is linked to T  [F1] [hedged]");
    expect(words.details(claim("doc"))).toEqual([
      "“whether P could be”",
      "Differ, sides not stated: US, CHINA",
    ]);
    expect(words.holders(claim("doc"))).toBe("The document says");
  });

  it("marks inferred holders and open questions, with the note that says why", () => {
    expect(words.sentence(claim("inf"))).toBe("T is linked to CTBT  [CHINA; F1] [inferred] [open question]");
    expect(words.details(claim("inf"))).toEqual(["“can T help”", "Why inferred: Why inf."]);
    // A stated claim shows its note only when asked (show does).
    expect(words.details(claim("joint"))).toEqual(["“jointly called for it”"]);
    expect(words.details(claim("joint"), { note: true })).toEqual(["“jointly called for it”", "Why joint."]);
  });

  it("reads a joint stance from its verb for each of its holders", () => {
    expect(words.sentence(claim("joint"), "actor:china")).toBe("supports CTBT  [US + CHINA; F1]");
    expect(words.sentence(claim("joint"), "actor:us")).toBe("supports CTBT  [US + CHINA; F1]");
    expect(words.sentence(claim("joint"))).toBe("US supports CTBT  [US + CHINA; F1]");
  });

  it("prints a chain step with its holders or the document's voice, its markers and its evidence", () => {
    const path = shortestPath(graph, "issue:p", "treaty:ctbt");
    expect(path && chainLines(graph, path, "")).toEqual([
      "P",
      "  —links-to→  [doc; The document says; s#F1] [hedged]",
      "      “whether P could be”",
      "      Differ, sides not stated: US, CHINA",
      "T",
      "  —links-to→  [inf; held by CHINA; s#F1] [inferred] [open question]",
      "      “can T help”",
      "      Why inferred: Why inf.",
      "CTBT",
    ]);
  });
});
