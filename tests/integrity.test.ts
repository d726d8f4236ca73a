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
      (d) => d.source.findings.push({ id: "F3", summary: "Extra.", opening: "Extra" }),
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
    [
      "a claim in the document's own voice that names holders",
      "attribution-holders",
      (d) => (d.claims[2]!.attribution = "document"),
    ],
    ["a stated claim with no holders", "attribution-holders", (d) => (d.claims[2]!.heldBy = [])],
    [
      "disputedBy on a claim that is not the document's",
      "disputed-by",
      (d) => (d.claims[2]!.disputedBy = ["actor:alpha", "actor:beta"]),
    ],
    [
      "disputedBy naming an issue",
      "disputed-by",
      (d) =>
        Object.assign(d.claims[2]!, {
          heldBy: [],
          attribution: "document",
          disputedBy: ["actor:alpha", "issue:trade"],
        }),
    ],
    [
      "disputedBy naming an actor no source defines",
      "disputed-by",
      (d) =>
        Object.assign(d.claims[2]!, {
          heldBy: [],
          attribution: "document",
          disputedBy: ["actor:alpha", "actor:gamma"],
        }),
    ],
    [
      "an inferred claim without a note",
      "inferred-note",
      (d) => Object.assign(d.claims[2]!, { attribution: "inferred", note: " " }),
    ],
    [
      "a proposition tied only to an actor, not to anything it is about",
      "proposition-subject",
      (d) => {
        d.nodes[3]!.proposition = true;
        d.claims[2]!.source = "actor:beta";
      },
    ],
  ];

  it.each(cases)("reports %s", (_name, rule, breakIt) => {
    const data = good();
    breakIt(data);
    expect(rulesOf(one(data))).toContain(rule);
  });

  it("accepts the document's own voice, with or without a difference it leaves unassigned", () => {
    const data = good();
    Object.assign(data.claims[2]!, {
      heldBy: [],
      attribution: "document",
      disputedBy: ["actor:alpha", "actor:beta"],
    });
    data.nodes[3]!.proposition = true;
    expect(checkIntegrity(one(data))).toEqual([]);
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
    b.source.findings = [{ id: "F1", summary: "Another document on the pact.", opening: "Another" }];
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
        attribution: "stated",
        modality: "asserted",
        findings: ["F1", "mini#F1"],
        evidence: "back the treaty",
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

  it("refuses a file of the first model as a whole, saying what to add", () => {
    const old = JSON.parse(fixture("good-minimal.json"));
    delete old.modelVersion;
    const result = loadSourceText("old.json", JSON.stringify(old));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ rule: "model-version", file: "old.json" });
    for (const words of ['"modelVersion": 2', '"opening"', '"evidence"', '"attribution"', '"modality"'])
      expect(result.problems[0]?.message).toContain(words);
  });

  it("does not default a missing evidence quote", () => {
    const data = JSON.parse(fixture("good-minimal.json"));
    delete data.claims[1].evidence;
    const result = loadSourceText("x.json", JSON.stringify(data));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual(["claims[1].evidence"]);
  });

  it.each([
    ["one word", "treaty"],
    ["thirteen words", "one two three four five six seven eight nine ten eleven twelve thirteen"],
  ])("refuses an evidence quote of %s", (_name, quote) => {
    const data = JSON.parse(fixture("good-minimal.json"));
    data.claims[0].evidence = quote;
    const result = loadSourceText("x.json", JSON.stringify(data));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ rule: "schema", path: "claims[0].evidence" });
    expect(result.problems[0]?.message).toContain("2 to 12 words");
  });

  it("defaults attribution to stated and modality to asserted", () => {
    const result = loadSourceText("good-minimal.json", fixture("good-minimal.json"));
    if (!result.ok) throw new Error("fixture must load");
    expect(result.source.data.claims[0]).toMatchObject({ attribution: "stated", modality: "asserted" });
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

  it("records the agreement on UNSCR 1172 as one joint stance of both sides (F7)", () => {
    const stances = graph
      .filterEdges((_e, a, _s, target) => target === "treaty:unscr-1172" && a.relation === "supports")
      .map((e) => graph.getEdgeAttributes(e));
    expect(stances).toHaveLength(1);
    expect(stances[0]).toMatchObject({ heldBy: ["actor:us", "actor:china"], attribution: "stated" });
    expect(stances[0]?.findings).toContain("cns-us-china-2000#F7");
  });

  it("makes shared positions one claim with both holders", () => {
    const shared = graph.filterEdges((_e, a) => a.heldBy.length === 2);
    expect(shared.length).toBeGreaterThan(10);
    expect(graph.getEdgeAttribute("f6-csbms-address-nmd", "heldBy")).toEqual(["actor:us", "actor:china"]);
  });

  it("gives F10's unassigned differences no sides: the document's voice, disputed by both", () => {
    const differences = graph.filterEdges(
      (_e, a) => a.findings.includes("cns-us-china-2000#F10") && (a.disputedBy?.length ?? 0) > 0,
    );
    expect(differences).toHaveLength(5);
    for (const id of differences) {
      expect(graph.getEdgeAttributes(id)).toMatchObject({
        heldBy: [],
        attribution: "document",
        disputedBy: ["actor:us", "actor:china"],
      });
    }
    // No stance of either side on the F10 propositions is invented.
    for (const node of [
      "issue:nmd-aimed-at-china",
      "issue:tmd-offensive-missiles",
      "issue:rogue-missile-threat",
    ])
      expect(graph.inEdges(node).filter((e) => graph.getEdgeAttribute(e, "relation") !== "links-to")).toEqual(
        [],
      );
  });

  it("keeps the document's own conclusion and questions out of both sides' mouths (F12)", () => {
    const f12 = graph.filterEdges((_e, a) => a.findings.includes("cns-us-china-2000#F12"));
    for (const id of f12)
      expect(graph.getEdgeAttributes(id)).toMatchObject({ heldBy: [], attribution: "document" });
    const questions = f12.filter((id) => graph.getEdgeAttribute(id, "modality") === "question");
    expect(questions).toHaveLength(3);
  });

  it("marks China's unclear willingness to discuss CSBMs as hedged (F6)", () => {
    expect(graph.getEdgeAttributes("f6-china-willingness-unclear")).toMatchObject({
      heldBy: ["actor:china"],
      modality: "hedged",
    });
  });

  it("gives every claim an evidence quote of 2 to 12 words, and every inferred claim a reason", () => {
    graph.forEachEdge((id, a) => {
      const words = (a.evidence ?? "").split(/\s+/).filter(Boolean).length;
      expect(words, id).toBeGreaterThanOrEqual(2);
      expect(words, id).toBeLessThanOrEqual(12);
      if (a.attribution === "inferred") expect(a.note, id).toMatch(/\bour(s| reading)\b/);
    });
  });
});
