// Every integrity rule, each with a fixture that breaks it, plus the real graph-data passing them all.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../src/graph/build.ts";
import { checkIntegrity } from "../src/graph/integrity.ts";
import { type LoadedSource, loadSourceText } from "../src/graph/load.ts";
import type { ProblemRule } from "../src/graph/problems.ts";
import type { SourceFile } from "../src/model/schema.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/sources/${name}`, import.meta.url), "utf8");

function good(): SourceFile {
  const loaded = loadSourceText("good-minimal.json", fixture("good-minimal.json"));
  if (!loaded.ok) throw new Error("fixture must load");
  return structuredClone(loaded.source.data);
}

const rulesOf = (sources: LoadedSource[]) => checkIntegrity(sources).map((p) => p.rule);
const one = (data: SourceFile, file = "test.json"): LoadedSource[] => [{ file, data }];

describe("integrity rules", () => {
  it("passes a clean source", () => {
    expect(checkIntegrity(one(good()))).toEqual([]);
  });

  const cases: [string, ProblemRule, (d: SourceFile) => void][] = [
    ["a claim id used twice", "duplicate-id", (d) => d.claims.push({ ...d.claims[0]!, note: "copy" })],
    ["a node id used twice in one file", "duplicate-id", (d) => d.nodes.push({ ...d.nodes[0]! })],
    ["a finding id used twice", "duplicate-id", (d) => d.source.findings.push({ ...d.source.findings[0]! })],
    [
      "a claim whose target does not exist",
      "dangling-endpoint",
      (d) => (d.claims[2]!.target = "issue:tariffs"),
    ],
    [
      "a claim whose source does not exist",
      "dangling-endpoint",
      (d) => (d.claims[2]!.source = "treaty:other"),
    ],
    ["a holder that is an issue", "holder-not-actor", (d) => (d.claims[2]!.heldBy = ["issue:trade"])],
    ["a holder no source defines", "dangling-reference", (d) => (d.claims[2]!.heldBy = ["actor:gamma"])],
    ["a stance from an issue", "stance-shape", (d) => (d.claims[2]!.relation = "supports")],
    ["a stance its actor does not hold", "stance-holder", (d) => (d.claims[0]!.heldBy = ["actor:beta"])],
    [
      "a linkage between two actors",
      "linkage-shape",
      (d) => Object.assign(d.claims[2]!, { source: "actor:alpha", target: "actor:beta" }),
    ],
    ["a cited finding that does not exist", "unknown-finding", (d) => (d.claims[2]!.findings = ["F9"])],
    ["a finding of an unknown source", "unknown-finding", (d) => (d.claims[2]!.findings = ["elsewhere#F1"])],
    [
      "a finding that no claim cites",
      "uncited-finding",
      (d) => d.source.findings.push({ id: "F3", summary: "Extra." }),
    ],
    [
      "a node with no claim",
      "orphan-node",
      (d) => d.nodes.push({ id: "issue:lonely", kind: "issue", label: "Lonely", description: "Unused." }),
    ],
    [
      "an about reference to a missing node",
      "dangling-reference",
      (d) => (d.nodes[3]!.about = ["treaty:pact", "issue:missing"]),
    ],
  ];

  it.each(cases)("reports %s", (_name, rule, breakIt) => {
    const data = good();
    breakIt(data);
    expect(rulesOf(one(data))).toContain(rule);
  });

  it("names the file, the JSON path and the ids involved", () => {
    const data = good();
    data.claims[2]!.target = "issue:tariffs";
    const problem = checkIntegrity(one(data, "graph-data/x.json")).find(
      (p) => p.rule === "dangling-endpoint",
    );
    expect(problem).toMatchObject({ file: "graph-data/x.json", path: "claims[2].target" });
    expect(problem?.message).toContain("pact-tied-to-trade");
    expect(problem?.message).toContain("issue:tariffs");
  });
});

describe("several sources", () => {
  it("merges a node id defined in two files into one node, and lets claims cite across sources", () => {
    const a = good();
    const b = good();
    b.source.id = "second";
    b.source.findings = [{ id: "F1", summary: "Another document on the pact." }];
    b.nodes = [
      {
        id: "treaty:pact",
        kind: "treaty",
        label: "Pact again",
        aliases: ["The Treaty"],
        description: "Same.",
      },
    ];
    b.claims = [
      {
        id: "alpha-backs-pact-again",
        source: "actor:alpha",
        target: "treaty:pact",
        relation: "supports",
        heldBy: ["actor:alpha"],
        findings: ["F1", "mini#F1"],
        note: "Cites both documents.",
      },
    ];
    const sources = [
      { file: "a.json", data: a },
      { file: "b.json", data: b },
    ];
    expect(checkIntegrity(sources)).toEqual([]);
    const graph = buildGraph(sources);
    expect(graph.order).toBe(4);
    expect(graph.getNodeAttribute("treaty:pact", "label")).toBe("The Pact");
    expect(graph.getNodeAttribute("treaty:pact", "aliases")).toEqual(["Pact", "The Treaty"]);
    expect(graph.getNodeAttribute("treaty:pact", "sources")).toEqual(["mini", "second"]);
    expect(graph.getEdgeAttribute("alpha-backs-pact-again", "findings")).toEqual(["second#F1", "mini#F1"]);
  });

  it("rejects the same source id in two files", () => {
    expect(
      rulesOf([
        { file: "a.json", data: good() },
        { file: "b.json", data: good() },
      ]),
    ).toContain("duplicate-id");
  });
});

describe("loading text", () => {
  it("names the line and column of a JSON syntax error", () => {
    const result = loadSourceText("bad-syntax.json", fixture("bad-syntax.json"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({
      rule: "json-syntax",
      file: "bad-syntax.json",
      line: 5,
      column: 5,
    });
  });

  it("names the JSON path and what was expected for a schema error", () => {
    const result = loadSourceText("bad-schema.json", fixture("bad-schema.json"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path);
    expect(paths).toContain("claims[0].relation");
    expect(paths).toContain("nodes[1].id");
    const relation = result.problems.find((p) => p.path === "claims[0].relation");
    expect(relation?.message).toMatch(/supports|opposes|links-to/);
  });
});

describe("the conference's graph-data", () => {
  const text = readFileSync(new URL("../graph-data/cns-us-china-2000.json", import.meta.url), "utf8");
  const loaded = loadSourceText("cns-us-china-2000.json", text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const graph = buildGraph([loaded.source]);

  it("passes every integrity rule", () => {
    expect(checkIntegrity([loaded.source])).toEqual([]);
  });

  it("keeps the fixed ids that links and tests rely on", () => {
    for (const id of [
      "actor:us",
      "actor:china",
      "actor:russia",
      "actor:north-korea",
      "actor:india",
      "actor:pakistan",
      "actor:taiwan",
      "treaty:abm",
      "treaty:ctbt",
      "treaty:npt",
      "treaty:mtcr",
      "treaty:fmct",
      "treaty:unscr-1172",
      "issue:nmd",
      "issue:tmd",
      "issue:taiwan-arms-sales",
    ]) {
      expect(graph.hasNode(id), id).toBe(true);
    }
  });

  it("cites all twelve findings", () => {
    const cited = new Set(graph.mapEdges((_e, a) => a.findings).flat());
    for (let i = 1; i <= 12; i++) expect(cited.has(`cns-us-china-2000#F${i}`), `F${i}`).toBe(true);
  });

  it("records China's linkage of cooperation to US arms sales to Taiwan, held by China alone (F3)", () => {
    const claim = graph.getEdgeAttributes("f3-cooperation-contingent-on-arms-sales");
    expect(graph.source("f3-cooperation-contingent-on-arms-sales")).toBe(
      "issue:nonproliferation-cooperation",
    );
    expect(graph.target("f3-cooperation-contingent-on-arms-sales")).toBe("issue:taiwan-arms-sales");
    expect(claim).toMatchObject({
      relation: "links-to",
      heldBy: ["actor:china"],
      qualifier: "contingent on",
    });
    expect(claim.findings).toEqual(["cns-us-china-2000#F3"]);
  });

  it("records the agreement on UNSCR 1172 as a stance of each side (F7)", () => {
    for (const actor of ["actor:us", "actor:china"]) {
      const stances = graph
        .outEdges(actor, "treaty:unscr-1172")
        .map((e) => graph.getEdgeAttributes(e))
        .filter((a) => a.relation === "supports");
      expect(stances.length, actor).toBe(1);
      expect(stances[0]?.findings).toContain("cns-us-china-2000#F7");
    }
  });

  it("makes shared positions one claim with both holders", () => {
    const shared = graph.filterEdges((_e, a) => a.heldBy.length === 2);
    expect(shared.length).toBeGreaterThan(10);
    expect(graph.getEdgeAttribute("f6-csbms-address-nmd", "heldBy")).toEqual(["actor:us", "actor:china"]);
  });
});
