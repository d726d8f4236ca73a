// Perspectives on hand-made graphs (one per agreement and disagreement pattern, with the cases that must
// not fire; one with every kind of attribution and modality) and on the conference's graph-data, whose
// stated agreements and differences must come out, and whose unassigned differences must stay unassigned.
import { MultiDirectedGraph } from "graphology";
import { beforeAll, describe, expect, it } from "vitest";
import { readGraph } from "../src/cli/io.ts";
import { InvalidArgumentError, UnknownNodeError } from "../src/graph/errors.ts";
import { findingsTour, UnknownSourceError } from "../src/graph/findings-tour.ts";
import { type Comparison, claimRoles, compare, lensClaims } from "../src/graph/perspectives.ts";
import { positionMatrix } from "../src/graph/position-matrix.ts";
import type { ClaimAttributes, GraphAttributes, LinkageGraph, NodeAttributes } from "../src/graph/types.ts";
import type { Relation } from "../src/model/vocabulary.ts";

type ClaimSpec = [
  id: string,
  source: string,
  relation: Relation,
  target: string,
  heldBy: string[],
  finding?: number,
  /** Model 2 fields: attribution, modality, disputedBy, evidence. */
  extra?: Partial<ClaimAttributes>,
];

/** A graph of the given claims; nodes are made from the ids they use, `about` given separately. */
function graphOf(claims: ClaimSpec[], about: Record<string, string[]> = {}): LinkageGraph {
  const graph: LinkageGraph = new MultiDirectedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>();
  graph.replaceAttributes({
    sources: [
      {
        id: "t",
        title: "Test source",
        publisher: "tests",
        date: "2026",
        findings: [1, 2, 3, 4].map((n) => ({ id: `F${n}`, summary: `Finding ${n}.` })),
      },
    ],
  });
  const ids = [
    "actor:us",
    "actor:china",
    ...claims.flatMap(([, source, , target]) => [source, target]),
    ...Object.keys(about),
  ];
  for (const id of ids) {
    if (graph.hasNode(id)) continue;
    const kind = id.slice(0, id.indexOf(":")) as NodeAttributes["kind"];
    const attributes: NodeAttributes = { kind, label: id, aliases: [], description: id, sources: ["t"] };
    const concerns = about[id];
    if (concerns) attributes.about = concerns;
    graph.addNode(id, attributes);
  }
  for (const [id, source, relation, target, heldBy, finding = 1, extra = {}] of claims) {
    for (const actor of extra.disputedBy ?? [])
      if (!graph.hasNode(actor))
        graph.addNode(actor, {
          kind: "actor",
          label: actor,
          aliases: [],
          description: actor,
          sources: ["t"],
        });
    graph.addDirectedEdgeWithKey(id, source, target, {
      relation,
      heldBy,
      findings: [`t#F${finding}`],
      note: id,
      sourceId: "t",
      ...extra,
    });
  }
  return graph;
}

const US = ["actor:us"];
const CN = ["actor:china"];
const BOTH = ["actor:us", "actor:china"];

const usVsChina = (graph: LinkageGraph) => compare(graph, "actor:us", "actor:china");
const disagreementPairs = (c: Comparison) =>
  c.disagreements.map((d) => [d.pattern, d.subject, d.claimA.id, d.claimB.id]);
const agreementIds = (c: Comparison) => c.agreements.map((a) => [a.pattern, ...a.claims.map((x) => x.id)]);
const only = (c: Comparison) => [c.onlyA.map((x) => x.id), c.onlyB.map((x) => x.id)];

describe("compare: agreements", () => {
  it("counts a claim held by both as a shared agreement, never as a disagreement or one side's", () => {
    const c = usVsChina(graphOf([["both", "issue:x", "links-to", "issue:y", BOTH]]));
    expect(agreementIds(c)).toEqual([["shared", "both"]]);
    expect(c.disagreements).toEqual([]);
    expect(only(c)).toEqual([[], []]);
  });

  it("matches each side's own stance on the same target (US supports X, China supports X)", () => {
    const c = usVsChina(
      graphOf([
        ["us-x", "actor:us", "supports", "treaty:x", US],
        ["cn-x", "actor:china", "supports", "treaty:x", CN],
      ]),
    );
    expect(agreementIds(c)).toEqual([["matching", "us-x", "cn-x"]]);
    expect(c.disagreements).toEqual([]);
  });

  it("matches linkages held separately with the same source, target and relation", () => {
    const c = usVsChina(
      graphOf([
        ["us-link", "issue:x", "links-to", "issue:y", US],
        ["cn-link", "issue:x", "links-to", "issue:y", CN],
        ["cn-reverse", "issue:y", "links-to", "issue:x", CN],
      ]),
    );
    expect(agreementIds(c)).toEqual([["matching", "us-link", "cn-link"]]);
    expect(only(c)).toEqual([[], ["cn-reverse"]]);
  });

  it("does not match rival linkages that each side draws from itself", () => {
    const c = usVsChina(
      graphOf([
        ["us-leads", "actor:us", "links-to", "issue:arms-control", US],
        ["cn-leads", "actor:china", "links-to", "issue:arms-control", CN],
      ]),
    );
    expect(c.agreements).toEqual([]);
    expect(only(c)).toEqual([["us-leads"], ["cn-leads"]]);
  });
});

describe("compare: opposite stances", () => {
  const graph = graphOf([
    ["us-for", "actor:us", "supports", "issue:tmd", US, 2],
    ["cn-against", "actor:china", "opposes", "issue:tmd", CN, 3],
  ]);

  it("pairs one side's support with the other's opposition, with both claims and their findings", () => {
    const [d, ...rest] = usVsChina(graph).disagreements;
    expect(rest).toEqual([]);
    expect(d?.pattern).toBe("opposite-stances");
    expect(d?.subject).toBe("issue:tmd");
    expect(d?.claimA.id).toBe("us-for");
    expect(d?.claimB.id).toBe("cn-against");
    expect(d?.findings).toEqual(["t#F2", "t#F3"]);
  });

  it("keeps claimA on the first holder's side when the holders are swapped", () => {
    expect(disagreementPairs(compare(graph, "actor:china", "actor:us"))).toEqual([
      ["opposite-stances", "issue:tmd", "cn-against", "us-for"],
    ]);
  });

  it("never sets a holder's two claims against each other", () => {
    const c = usVsChina(
      graphOf([
        ["us-for", "actor:us", "supports", "issue:tmd", US],
        ["us-against", "actor:us", "opposes", "issue:tmd", US],
      ]),
    );
    expect(c.disagreements).toEqual([]);
    expect(only(c)).toEqual([["us-against", "us-for"], []]);
  });

  it("never counts a shared claim in a disagreement", () => {
    const c = usVsChina(
      graphOf([
        ["both-for", "actor:us", "supports", "issue:tmd", BOTH],
        ["cn-against", "actor:china", "opposes", "issue:tmd", CN],
      ]),
    );
    expect(c.disagreements).toEqual([]);
    expect(agreementIds(c)).toEqual([["shared", "both-for"]]);
  });
});

describe("compare: contested linkage", () => {
  const about = { "issue:linkage": ["issue:coop", "issue:arms-sales", "issue:relations"] };

  it("sets a linkage one side draws against the other's opposition to linking those two", () => {
    const c = usVsChina(
      graphOf(
        [
          ["cn-contingent", "issue:coop", "links-to", "issue:arms-sales", CN],
          ["cn-reverse", "issue:relations", "links-to", "issue:coop", CN],
          ["us-rejects", "actor:us", "opposes", "issue:linkage", US],
        ],
        about,
      ),
    );
    expect(disagreementPairs(c)).toEqual([
      ["contested-linkage", "issue:linkage", "us-rejects", "cn-contingent"],
      ["contested-linkage", "issue:linkage", "us-rejects", "cn-reverse"],
    ]);
  });

  it("leaves alone a linkage whose ends the opposed node is not about", () => {
    const c = usVsChina(
      graphOf(
        [
          ["cn-other", "issue:coop", "links-to", "issue:trade", CN],
          ["us-rejects", "actor:us", "opposes", "issue:linkage", US],
        ],
        about,
      ),
    );
    expect(c.disagreements).toEqual([]);
  });

  it("leaves alone a linkage both sides draw, and one the objector draws itself", () => {
    const c = usVsChina(
      graphOf(
        [
          ["both-link", "issue:coop", "links-to", "issue:relations", BOTH],
          ["us-link", "issue:coop", "links-to", "issue:arms-sales", US],
          ["us-rejects", "actor:us", "opposes", "issue:linkage", US],
        ],
        about,
      ),
    );
    expect(c.disagreements).toEqual([]);
  });

  it("needs opposition: supporting the linkage issue is no objection", () => {
    const c = usVsChina(
      graphOf(
        [
          ["cn-contingent", "issue:coop", "links-to", "issue:arms-sales", CN],
          ["us-backs", "actor:us", "supports", "issue:linkage", US],
        ],
        about,
      ),
    );
    expect(c.disagreements).toEqual([]);
  });
});

describe("compare: conditioned stance", () => {
  it("sets one side's support against a condition the other, silent on it, ties it to", () => {
    const c = usVsChina(
      graphOf([
        ["us-fmct", "actor:us", "supports", "treaty:fmct", US],
        ["cn-fmct-needs-space", "treaty:fmct", "links-to", "treaty:paros", CN],
      ]),
    );
    expect(disagreementPairs(c)).toEqual([
      ["conditioned-stance", "treaty:fmct", "us-fmct", "cn-fmct-needs-space"],
    ]);
  });

  it("reads the linkage as a reason, not a condition, when its holder opposes the target", () => {
    const c = usVsChina(
      graphOf([
        ["us-tmd", "actor:us", "supports", "issue:tmd-taiwan", US],
        ["cn-tmd", "actor:china", "opposes", "issue:tmd-taiwan", CN],
        ["cn-tmd-provokes", "issue:tmd-taiwan", "links-to", "actor:taiwan", CN],
      ]),
    );
    expect(disagreementPairs(c)).toEqual([["opposite-stances", "issue:tmd-taiwan", "us-tmd", "cn-tmd"]]);
    expect(only(c)).toEqual([[], ["cn-tmd-provokes"]]);
  });

  it("reads the linkage as an elaboration when both sides support the target", () => {
    const c = usVsChina(
      graphOf([
        ["us-coop", "actor:us", "supports", "issue:coop", US],
        ["cn-coop", "actor:china", "supports", "issue:coop", CN],
        ["us-common-interest", "issue:coop", "links-to", "issue:common-interests", US],
      ]),
    );
    expect(c.disagreements).toEqual([]);
    expect(only(c)).toEqual([["us-common-interest"], []]);
  });

  it("leaves alone a condition both sides draw", () => {
    const c = usVsChina(
      graphOf([
        ["us-fmct", "actor:us", "supports", "treaty:fmct", US],
        ["both-fmct-space", "treaty:fmct", "links-to", "treaty:paros", BOTH],
      ]),
    );
    expect(c.disagreements).toEqual([]);
  });
});

describe("compare: disputed premise", () => {
  it("sets an argument built on a node against the other side's rejection of it", () => {
    const c = usVsChina(
      graphOf([
        ["cn-no-influence", "actor:china", "opposes", "issue:china-influence", CN],
        ["us-influence-sways", "issue:china-influence", "links-to", "issue:us-debate", US],
      ]),
    );
    expect(disagreementPairs(c)).toEqual([
      ["disputed-premise", "issue:china-influence", "us-influence-sways", "cn-no-influence"],
    ]);
  });

  it("leaves alone an argument from a node its own holder rejects", () => {
    const c = usVsChina(
      graphOf([
        ["cn-no-influence", "actor:china", "opposes", "issue:china-influence", CN],
        ["us-no-influence", "actor:us", "opposes", "issue:china-influence", US],
        ["us-influence-sways", "issue:china-influence", "links-to", "issue:us-debate", US],
      ]),
    );
    expect(c.disagreements).toEqual([]);
    expect(agreementIds(c)).toEqual([["matching", "us-no-influence", "cn-no-influence"]]);
  });
});

describe("compare: shape, order and arguments", () => {
  const graph = graphOf([
    ["b-late", "actor:us", "supports", "issue:p", US, 3],
    ["a-late", "actor:china", "opposes", "issue:p", CN, 3],
    ["z-early", "actor:us", "supports", "issue:q", US, 1],
    ["y-early", "actor:china", "opposes", "issue:q", CN, 1],
    ["shared-mid", "issue:p", "links-to", "issue:q", BOTH, 2],
    ["us-alone", "issue:r", "links-to", "issue:s", US, 4],
  ]);

  it("orders by finding, then by claim id, and lists each cited finding once", () => {
    const c = usVsChina(graph);
    expect(c.holders).toEqual(["actor:us", "actor:china"]);
    expect(c.disagreements.map((d) => d.claimA.id)).toEqual(["z-early", "b-late"]);
    expect(c.findings.map((f) => f.id)).toEqual(["t#F1", "t#F2", "t#F3", "t#F4"]);
    expect(c.findings[0]?.summary).toBe("Finding 1.");
  });

  it("says which role each claim plays, for the compare mode", () => {
    expect(claimRoles(usVsChina(graph))).toEqual({
      "b-late": "contested",
      "a-late": "contested",
      "z-early": "contested",
      "y-early": "contested",
      "shared-mid": "shared",
      "us-alone": "only-a",
    });
  });

  it("sees only what the filter shows", () => {
    const c = compare(graph, "actor:us", "actor:china", {
      filter: { node: (id) => id !== "issue:q", claim: (id) => id !== "a-late" },
    });
    expect(c.disagreements).toEqual([]);
    expect(only(c)).toEqual([["b-late", "us-alone"], []]);
  });

  it("throws UnknownNodeError with the nearest actors for an unknown holder", () => {
    expect(() => compare(graph, "actor:us", "actor:chna")).toThrow(UnknownNodeError);
    try {
      compare(graph, "actor:us", "actor:chna");
    } catch (error) {
      expect((error as UnknownNodeError).suggestions).toContain("actor:china");
    }
  });

  it("throws InvalidArgumentError for a holder that is not an actor, or the same holder twice", () => {
    expect(() => compare(graph, "actor:us", "issue:p")).toThrow(InvalidArgumentError);
    expect(() => compare(graph, "actor:us", "actor:us")).toThrow(InvalidArgumentError);
  });
});

describe("attribution, modality and joint stances", () => {
  const RU = ["actor:russia"];
  const DOC: Partial<ClaimAttributes> = { attribution: "document" };
  const US_CN = ["actor:us", "actor:china"];
  // One of each: a document claim the two differ on (sides not stated), a plain document claim and a
  // document stance, an inferred stance and an inferred match, a hedged match, and a joint stance.
  const graph = graphOf([
    ["doc-differ", "issue:nmd-aimed", "links-to", "issue:nmd", [], 2, { ...DOC, disputedBy: US_CN }],
    ["doc-plain", "issue:nmd", "links-to", "issue:relations", [], 1, { ...DOC, modality: "hedged" }],
    ["doc-stance", "actor:china", "supports", "issue:tmd", [], 1, DOC],
    ["us-tmd", "actor:us", "supports", "issue:tmd", US, 1, { attribution: "stated" }],
    ["us-fmct", "actor:us", "supports", "treaty:fmct", US, 3, { attribution: "inferred" }],
    ["cn-fmct-space", "treaty:fmct", "links-to", "treaty:paros", CN, 3, { attribution: "stated" }],
    ["us-coop", "actor:us", "supports", "issue:coop", US, 1, { attribution: "inferred" }],
    ["cn-coop", "actor:china", "supports", "issue:coop", CN, 1, { attribution: "stated" }],
    ["us-csbm", "actor:us", "supports", "issue:csbms", US, 4, { attribution: "stated" }],
    [
      "cn-csbm",
      "actor:china",
      "supports",
      "issue:csbms",
      CN,
      4,
      { attribution: "stated", modality: "hedged" },
    ],
    ["joint-ctbt", "actor:us", "supports", "treaty:ctbt", BOTH, 2, { attribution: "stated" }],
    ["ru-ctbt", "actor:russia", "opposes", "treaty:ctbt", RU, 2, { attribution: "stated" }],
    ["ru-nmd", "actor:russia", "links-to", "issue:nmd", RU, 2, { attribution: "stated" }],
  ]);
  const c = usVsChina(graph);
  const everyPlaced = (comparison: Comparison) => [
    ...[...comparison.agreements, ...comparison.inferred.agreements].flatMap((a) =>
      a.claims.map((x) => x.id),
    ),
    ...[...comparison.disagreements, ...comparison.inferred.disagreements].flatMap((d) => [
      d.claimA.id,
      d.claimB.id,
    ]),
    ...only(comparison).flat(),
  ];

  it("reports a claim the document says both differ on as sides not stated, subject its target", () => {
    expect(c.sidesNotStated).toEqual([
      {
        pattern: "sides-not-stated",
        subject: "issue:nmd",
        claim: expect.objectContaining({ id: "doc-differ", heldBy: [], disputedBy: US_CN }),
        findings: ["t#F2"],
      },
    ]);
    expect(c.findings.map((f) => f.id)).toContain("t#F2");
    // Only when the document names both: Russia is not among those who differ on it.
    expect(compare(graph, "actor:us", "actor:russia").sidesNotStated).toEqual([]);
  });

  it("never counts the document's own claims as an agreement, a disagreement or either side's", () => {
    // doc-stance says China supports TMD in the document's voice; the US's own stance must not match it.
    for (const id of ["doc-differ", "doc-plain", "doc-stance"]) expect(everyPlaced(c)).not.toContain(id);
    expect(only(c)[0]).toContain("us-tmd");
  });

  it("keeps agreements and disagreements that rest on an inferred claim apart from the stated ones", () => {
    expect(disagreementPairs(c)).toEqual([]);
    expect(c.inferred.disagreements.map((d) => [d.pattern, d.claimA.id, d.claimB.id])).toEqual([
      ["conditioned-stance", "us-fmct", "cn-fmct-space"],
    ]);
    expect(c.inferred.agreements.map((a) => [a.pattern, ...a.claims.map((x) => x.id)])).toEqual([
      ["matching", "us-coop", "cn-coop"],
    ]);
    expect(agreementIds(c)).not.toContainEqual(["matching", "us-coop", "cn-coop"]);
  });

  it("keeps a hedged stated claim among the stated agreements", () => {
    expect(agreementIds(c)).toContainEqual(["matching", "us-csbm", "cn-csbm"]);
  });

  it("counts a joint stance as each holder's own: shared by both, set against a third side", () => {
    expect(agreementIds(c)).toContainEqual(["shared", "joint-ctbt"]);
    // China holds the joint stance whose source is the US; it is China's own support for the CTBT.
    expect(disagreementPairs(compare(graph, "actor:china", "actor:russia"))).toContainEqual([
      "opposite-stances",
      "treaty:ctbt",
      "joint-ctbt",
      "ru-ctbt",
    ]);
  });

  it("gives the sides-not-stated claims the role differ-unassigned, and inferred ones their pattern's role", () => {
    const roles = claimRoles(c);
    expect(roles["doc-differ"]).toBe("differ-unassigned");
    expect(roles["us-fmct"]).toBe("contested");
    expect(roles["us-coop"]).toBe("matching");
    expect(roles["doc-plain"]).toBeUndefined();
  });

  it("fills the position matrix: joint stances, disputed cells, hedges and rows named only in disputedBy", () => {
    const differ = graphOf([
      [
        "doc-differ",
        "issue:nmd-aimed",
        "links-to",
        "issue:nmd",
        [],
        2,
        { ...DOC, disputedBy: ["actor:china", "actor:india"] },
      ],
      ["joint-ctbt", "actor:us", "supports", "treaty:ctbt", BOTH, 2, { attribution: "stated" }],
      [
        "cn-csbm",
        "actor:china",
        "supports",
        "issue:csbms",
        CN,
        4,
        { attribution: "stated", modality: "question" },
      ],
      ["us-csbm", "actor:us", "supports", "issue:csbms", US, 4, { attribution: "stated" }],
    ]);
    const matrix = positionMatrix(differ);
    expect(matrix.rows.map((r) => r.holder)).toEqual(["actor:us", "actor:china", "actor:india"]);
    const cell = (holder: string, column: string) =>
      matrix.rows.find((r) => r.holder === holder)?.cells[matrix.columns.findIndex((x) => x.id === column)];
    expect(cell("actor:china", "treaty:ctbt")).toMatchObject({ position: "supports", linkages: [] });
    expect(cell("actor:china", "treaty:ctbt")?.stances.map((x) => x.id)).toEqual(["joint-ctbt"]);
    expect(cell("actor:india", "issue:nmd")).toMatchObject({
      position: "differ-unassigned",
      stances: [],
      linkages: [],
    });
    expect(cell("actor:india", "issue:nmd")?.disputed.map((x) => x.id)).toEqual(["doc-differ"]);
    expect(cell("actor:india", "issue:nmd")?.findings).toEqual(["t#F2"]);
    expect(cell("actor:us", "issue:nmd")).toMatchObject({ position: "none", disputed: [] });
    expect(cell("actor:china", "issue:csbms")?.hedged).toBe(true);
    expect(cell("actor:us", "issue:csbms")?.hedged).toBe(false);
    // China and India differ on doc-differ: one count for each node it touches.
    const score = Object.fromEntries(matrix.columns.map((x) => [x.id, x.contestedness]));
    expect(score).toMatchObject({ "issue:nmd": 1, "issue:nmd-aimed": 1, "treaty:ctbt": 0 });
  });

  it("lists in the lens the claims the document says the holder differs on, and joint stances as shared", () => {
    const lens = lensClaims(graph, "actor:china");
    expect(lens.disputed).toEqual(["doc-differ"]);
    expect(lens.others).toEqual(expect.arrayContaining(["doc-differ", "doc-plain", "doc-stance"]));
    expect(lens.shared).toEqual(["joint-ctbt"]);
  });
});

describe("lensClaims", () => {
  it("splits the claims into the holder's own, its shared ones and everyone else's", () => {
    const graph = graphOf([
      ["us-own", "actor:us", "supports", "issue:x", US],
      ["shared", "issue:x", "links-to", "issue:y", BOTH],
      ["cn-own", "actor:china", "opposes", "issue:z", CN],
    ]);
    expect(lensClaims(graph, "actor:us")).toEqual({
      holder: "actor:us",
      own: ["us-own"],
      shared: ["shared"],
      others: ["cn-own"],
      disputed: [],
      nodes: ["actor:us", "issue:x", "issue:y"],
    });
    expect(() => lensClaims(graph, "issue:x")).toThrow(InvalidArgumentError);
  });
});

describe("positionMatrix", () => {
  const graph = graphOf(
    [
      ["us-tmd", "actor:us", "supports", "issue:tmd", US, 2],
      ["cn-tmd", "actor:china", "opposes", "issue:tmd", CN, 3],
      ["cn-link", "issue:coop", "links-to", "issue:sales", CN, 1],
      ["us-rejects", "actor:us", "opposes", "issue:linkage", US, 1],
      ["us-both-ways", "actor:us", "opposes", "issue:mixed", US, 4],
      ["us-both-ways-2", "actor:us", "supports", "issue:mixed", US, 4],
    ],
    { "issue:linkage": ["issue:coop", "issue:sales"] },
  );

  it("has a row per holding actor, a column per issue or treaty touched, and cells with their claims", () => {
    const matrix = positionMatrix(graph);
    expect(matrix.rows.map((r) => r.holder)).toEqual(["actor:us", "actor:china"]);
    const cell = (holder: string, column: string) => {
      const row = matrix.rows.find((r) => r.holder === holder);
      return row?.cells[matrix.columns.findIndex((c) => c.id === column)];
    };
    expect(cell("actor:us", "issue:tmd")?.position).toBe("supports");
    expect(cell("actor:china", "issue:tmd")?.position).toBe("opposes");
    expect(cell("actor:china", "issue:tmd")?.findings).toEqual(["t#F3"]);
    expect(cell("actor:china", "issue:sales")?.position).toBe("linkage");
    expect(cell("actor:china", "issue:sales")?.linkages.map((c) => c.id)).toEqual(["cn-link"]);
    expect(cell("actor:us", "issue:sales")?.position).toBe("none");
    expect(cell("actor:us", "issue:mixed")?.position).toBe("mixed");
    expect(matrix.columns.map((c) => c.id)).not.toContain("actor:us");
  });

  it("scores each column by the disagreements touching it, and sorts by that on request", () => {
    const matrix = positionMatrix(graph, { sort: "contestedness" });
    const score = Object.fromEntries(matrix.columns.map((c) => [c.id, c.contestedness]));
    expect(score).toMatchObject({ "issue:tmd": 1, "issue:linkage": 1, "issue:coop": 1, "issue:mixed": 0 });
    expect(matrix.columns.at(-1)?.contestedness).toBe(0);
    expect(matrix.columns[0]?.contestedness).toBe(1);
  });

  it("counts disagreements between actors beyond the thirtieth as well", () => {
    // The scan gives the first 30 holders a bit each; later ones are looked up in heldBy instead.
    const crowd = Array.from({ length: 32 }, (_, i) => `actor:a${i}`);
    const many = graphOf([
      ...crowd.map(
        (actor, i): ClaimSpec => [`c${i}`, actor, i === 31 ? "opposes" : "supports", "issue:x", [actor]],
      ),
      ["a31-shares", "issue:x", "links-to", "issue:y", ["actor:a30", "actor:a31"]],
    ]);
    const matrix = positionMatrix(many);
    expect(matrix.rows).toHaveLength(32);
    // a31 opposes x, which each of the 31 others supports.
    expect(matrix.columns.find((c) => c.id === "issue:x")?.contestedness).toBe(31);
    expect(disagreementPairs(compare(many, "actor:a30", "actor:a31"))).toEqual([
      ["opposite-stances", "issue:x", "c30", "c31"],
    ]);
  });

  it("takes its rows from the holders given, and checks them", () => {
    expect(positionMatrix(graph, { holders: ["actor:china"] }).rows.map((r) => r.holder)).toEqual([
      "actor:china",
    ]);
    expect(() => positionMatrix(graph, { holders: ["actor:chna"] })).toThrow(UnknownNodeError);
  });
});

describe("findingsTour", () => {
  const graph = graphOf([
    ["second", "actor:us", "supports", "issue:x", US, 2],
    ["first", "issue:x", "links-to", "issue:y", BOTH, 1],
  ]);

  it("steps through the findings in order, each with the claims citing it and the nodes they join", () => {
    const tour = findingsTour(graph, "t");
    expect(tour.steps.map((s) => s.finding)).toEqual(["F1", "F2", "F3", "F4"]);
    expect(tour.steps[0]).toMatchObject({ index: 1, id: "t#F1", summary: "Finding 1." });
    expect(tour.steps[0]?.claims.map((c) => c.id)).toEqual(["first"]);
    expect(tour.steps[0]?.nodes).toEqual(["issue:x", "issue:y"]);
    expect(tour.steps[1]?.nodes).toEqual(["actor:us", "issue:x"]);
    expect(tour.steps[2]?.claims).toEqual([]);
  });

  it("throws an unknown-id error with the nearest source ids", () => {
    expect(() => findingsTour(graph, "tt")).toThrow(UnknownSourceError);
    expect(() => findingsTour(graph, "tt")).toThrow(UnknownNodeError);
  });
});

describe("the conference's graph-data", () => {
  let graph: LinkageGraph;
  let c: Comparison;
  beforeAll(() => {
    const loaded = readGraph();
    if (!loaded.ok) throw new Error("graph-data does not load");
    graph = loaded.graph;
    c = compare(graph, "actor:us", "actor:china");
  });
  const agreed = (...ids: string[]) =>
    c.agreements.some((a) => ids.every((id) => a.claims.some((claim) => claim.id === id)));
  const disagreed = (pattern: string, a: string, b: string) =>
    c.disagreements.some((d) => d.pattern === pattern && d.claimA.id === a && d.claimB.id === b);

  it("finds the stated agreements: 1172 for South Asia, cooperation, NMD not gone, regime challenges", () => {
    // F7 and F2 are joint stances now: one claim each, held by both, so shared agreements.
    for (const id of [
      "f7-both-back-1172",
      "f7-both-back-south-asia-restraint",
      "f2-both-value-and-call-for-cooperation",
    ])
      expect(c.agreements).toContainEqual(
        expect.objectContaining({ pattern: "shared", claims: [expect.objectContaining({ id })] }),
      );
    expect(agreed("f2-coordination-against-threats")).toBe(true);
    expect(agreed("f5-deferral-did-not-settle-nmd")).toBe(true);
    for (const id of [
      "f9-technology-spread-challenges-regimes",
      "f9-universality-gap-undermines-regimes",
      "f9-regimes-need-upkeep",
    ])
      expect(agreed(id)).toBe(true);
  });

  it("never counts the document's own claims as an agreement, nor as either side's", () => {
    const documentClaims = graph.filterEdges((_id, a) => a.attribution === "document");
    expect(documentClaims.length).toBeGreaterThan(0);
    const placed = new Set([
      ...[...c.agreements, ...c.inferred.agreements].flatMap((a) => a.claims.map((claim) => claim.id)),
      ...[...c.disagreements, ...c.inferred.disagreements].flatMap((d) => [d.claimA.id, d.claimB.id]),
      ...[...c.onlyA, ...c.onlyB].map((claim) => claim.id),
    ]);
    for (const id of documentClaims) expect(placed.has(id), id).toBe(false);
  });

  it("finds the linkage difference: China's conditions against the US rejection of linkage", () => {
    for (const id of ["f3-cooperation-contingent-on-arms-sales", "f3-cooperation-contingent-on-ties"])
      expect(disagreed("contested-linkage", "f3-us-rejects-linkage", id)).toBe(true);
    expect(disagreed("opposite-stances", "f3-us-rejects-linkage", "f3-china-argues-linkage")).toBe(true);
  });

  it("finds the missile norm and China's influence as stated differences", () => {
    expect(
      disagreed("opposite-stances", "f4-us-upholds-missile-norm", "f4-china-denies-universal-missile-norm"),
    ).toBe(true);
    expect(
      disagreed("opposite-stances", "f11-us-stresses-china-influence", "f11-china-downplays-own-influence"),
    ).toBe(true);
  });

  it("counts FMCT, TMD for Taiwan and China's influence on the US debate apart: their US side is inferred", () => {
    const inferredPair = (pattern: string, a: string, b: string) =>
      c.inferred.disagreements.some((d) => d.pattern === pattern && d.claimA.id === a && d.claimB.id === b);
    for (const [pattern, us, china] of [
      ["conditioned-stance", "f8-us-presses-fmct", "f8-fmct-contingent-on-space-talks"],
      ["opposite-stances", "f10-us-rationales-for-tmd-to-taiwan", "f10-china-rejects-tmd-to-taiwan"],
      ["disputed-premise", "f11-china-influence-on-us-debate", "f11-china-downplays-own-influence"],
    ] as const) {
      expect(inferredPair(pattern, us, china), `${us} vs ${china}`).toBe(true);
      expect(disagreed(pattern, us, china), `${us} vs ${china}`).toBe(false);
    }
    const stated = [
      ...c.agreements.flatMap((a) => a.claims),
      ...c.disagreements.flatMap((d) => [d.claimA, d.claimB]),
    ];
    expect(stated.filter((claim) => claim.attribution !== "stated")).toEqual([]);
  });

  it("reports F10's missile-defence differences with the sides not stated, never as either side's stance", () => {
    const f10 = c.sidesNotStated.filter((item) => item.findings.includes("cns-us-china-2000#F10"));
    expect(f10.map((item) => [item.claim.id, item.subject])).toEqual(
      expect.arrayContaining([
        ["f10-rogue-threat-assessed-differently", "issue:nmd"],
        ["f10-nmd-aimed-at-china-disputed", "issue:nmd"],
        ["f10-defence-stability-disputed", "issue:nmd"],
        ["f10-tmd-offensive-disputed", "issue:tmd"],
        ["f10-csbm-stability-disputed", "issue:strategic-stability"],
      ]),
    );
    for (const item of c.sidesNotStated) {
      expect(item.claim.heldBy).toEqual([]);
      expect(item.claim.disputedBy).toEqual(expect.arrayContaining(["actor:us", "actor:china"]));
    }
    // F7: they differ on the means of holding India and Pakistan to 1172, sides not stated either.
    expect(c.sidesNotStated.map((item) => item.claim.id)).toContain("f7-means-differ");
    const agreedF10 = c.agreements.filter((a) => a.findings.includes("cns-us-china-2000#F10"));
    expect(agreedF10).toEqual([]);
  });

  it("does not turn the stated agreements into disagreements", () => {
    const contested = new Set(c.disagreements.flatMap((d) => [d.claimA.id, d.claimB.id]));
    for (const id of [
      "f7-both-back-1172",
      "f2-both-value-and-call-for-cooperation",
      "f5-deferral-did-not-settle-nmd",
    ])
      expect(contested.has(id)).toBe(false);
    expect(c.disagreements.every((d) => d.findings.length > 0)).toBe(true);
  });

  it("puts the most contested issues first in the position matrix", () => {
    const matrix = positionMatrix(graph, { sort: "contestedness" });
    expect(matrix.rows.map((r) => r.holder)).toEqual(["actor:us", "actor:china"]);
    expect(matrix.columns[0]?.id).toBe("issue:nonproliferation-linkage");
    const column = matrix.columns.findIndex((col) => col.id === "issue:tmd-for-taiwan");
    expect(matrix.rows.map((r) => r.cells[column]?.position)).toEqual(["supports", "opposes"]);
  });

  it("shows in the matrix that the sides differ on whether NMD is aimed at China, neither side assigned", () => {
    const matrix = positionMatrix(graph, { sort: "contestedness" });
    const column = matrix.columns.findIndex((col) => col.id === "issue:nmd-aimed-at-china");
    expect(
      matrix.rows.map((r) => [r.cells[column]?.position, r.cells[column]?.disputed.map((x) => x.id)]),
    ).toEqual([
      ["differ-unassigned", ["f10-nmd-aimed-at-china-disputed"]],
      ["differ-unassigned", ["f10-nmd-aimed-at-china-disputed"]],
    ]);
    // F10's three unassigned differences about NMD make it the most contested column after linkage.
    expect(matrix.columns[1]).toMatchObject({ id: "issue:nmd", contestedness: 3 });
    // F6: China's willingness to discuss CSBMs "was unclear".
    const csbms = matrix.columns.findIndex((col) => col.id === "issue:csbms");
    expect(matrix.rows.map((r) => r.cells[csbms]?.hedged)).toEqual([false, true]);
  });

  it("tours the document's twelve findings, every one with claims resting on it", () => {
    const tour = findingsTour(graph, "cns-us-china-2000");
    expect(tour.steps.map((s) => s.finding)).toEqual(Array.from({ length: 12 }, (_, i) => `F${i + 1}`));
    expect(tour.steps.every((s) => s.claims.length > 0)).toBe(true);
  });
});
