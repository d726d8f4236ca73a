// The answer a trace gives in words (src/graph/answer.ts) and the claim sentences it is written from
// (src/graph/sentences.ts): the flagship question on the real graph-data, and a small hand-made source
// with one claim of each voice (a holder's, the document's, a difference with sides not stated, a
// hedge, an open question, an inferred holder) and a chain through an actor for the kinds filter.
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { type ChainStep, readTrace, type TraceReading } from "../src/graph/answer.ts";
import { InvalidArgumentError } from "../src/graph/errors.ts";
import { claimRecord } from "../src/graph/records.ts";
import { claimSentence, countOf, listOf, numberWord, qualifierJoin } from "../src/graph/sentences.ts";
import { traceLinkages } from "../src/graph/trace.ts";
import type { ClaimAttributes, GraphAttributes, LinkageGraph, NodeAttributes } from "../src/graph/types.ts";
import type { NodeKind } from "../src/model/vocabulary.ts";
import { loadGraphData } from "./support/graph-data.ts";

/** Every claim a reading prints, in order: direct ties, then each group's own first steps and its tree. */
function printedClaims(reading: TraceReading): string[] {
  const tree = (steps: readonly ChainStep[]): string[] =>
    steps.flatMap((branch) => [branch.step.claim.id, ...tree(branch.next)]);
  return [
    ...reading.direct.flatMap((tie) => tie.steps.map((step) => step.claim.id)),
    ...reading.groups.flatMap((group) => [
      ...(group.direct ? [] : group.first.map((step) => step.claim.id)),
      ...tree(group.next),
    ]),
  ];
}

describe("the flagship answer: what China ties to US arms sales to Taiwan", () => {
  const graph = loadGraphData();
  const reading = readTrace(
    graph,
    traceLinkages(graph, { target: "issue:taiwan-arms-sales", holder: "actor:china" }),
  );

  it("names exactly the two direct ties, with their qualifiers and findings, in the document's order", () => {
    expect(reading.answer.split(". Through ")[0]).toBe(
      "China ties US arms sales to Taiwan directly to two things: US–China nonproliferation cooperation (contingent on, F3) and Transferring TMD to Taiwan (a highly provocative form of, F10)",
    );
    expect(reading.direct.map((tie) => tie.node)).toEqual([
      "issue:nonproliferation-cooperation",
      "issue:tmd-for-taiwan",
    ]);
    expect(reading.direct[0]?.steps[0]?.sentence).toBe(
      "US–China nonproliferation cooperation is contingent on US arms sales to Taiwan",
    );
  });

  it("says where the longer chains lead and through what", () => {
    expect(reading.answer).toContain(
      "Through US–China nonproliferation cooperation and Transferring TMD to Taiwan, chains of two claims reach four more things: Global proliferation threats, Overall international security situation, Sino-US relations and Taiwan.",
    );
    expect(reading.groups.map((group) => [group.via, group.chains, group.direct])).toEqual([
      ["issue:nonproliferation-cooperation", 3, true],
      ["issue:tmd-for-taiwan", 1, true],
    ]);
  });

  it("prints no step twice: the shared first step of a group is the direct tie, written once", () => {
    const claims = printedClaims(reading);
    expect(claims).toHaveLength(6);
    expect(new Set(claims).size).toBe(claims.length);
    expect(claims.filter((id) => id === "f3-cooperation-contingent-on-arms-sales")).toHaveLength(1);
  });

  it("lists the findings cited in source order, F10 after F3", () => {
    expect(reading.findings).toEqual([
      "cns-us-china-2000#F2",
      "cns-us-china-2000#F3",
      "cns-us-china-2000#F10",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------

/** The hand-made source: twelve findings, so that F10 sorts after F9 only if sorted by position. */
function smallSource(): LinkageGraph {
  const graph: LinkageGraph = new MultiDirectedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>();
  graph.replaceAttributes({
    sources: [
      {
        id: "s",
        title: "Small source",
        publisher: "Tests",
        date: "2026",
        findings: Array.from({ length: 12 }, (_, i) => ({ id: `F${i + 1}`, summary: `Finding ${i + 1}.` })),
      },
    ],
  });
  const nodes: [string, NodeKind, string][] = [
    ["issue:t", "issue", "Target"],
    ["issue:x", "issue", "Cooperation"],
    ["issue:y", "issue", "Stability"],
    ["issue:p", "issue", "The plan is aimed at Beta"],
    ["issue:q", "issue", "Consensus"],
    ["issue:z", "issue", "Independence"],
    ["issue:w", "issue", "Guesswork"],
    ["treaty:r", "treaty", "Regime"],
    ["actor:a", "actor", "Alpha"],
    ["actor:b", "actor", "Beta"],
    ["actor:c", "actor", "Gamma"],
  ];
  for (const [id, kind, label] of nodes)
    graph.addNode(id, { kind, label, aliases: [], description: label, sources: ["s"] });
  const claim = (id: string, source: string, target: string, extra: Partial<ClaimAttributes>) =>
    graph.addDirectedEdgeWithKey(id, source, target, {
      relation: "links-to",
      heldBy: ["actor:a"],
      findings: ["s#F1"],
      note: `Note of ${id}.`,
      sourceId: "s",
      attribution: "stated",
      modality: "asserted",
      evidence: `quote of ${id}`,
      ...extra,
    });
  claim("held", "issue:x", "issue:t", { qualifier: "contingent on", findings: ["s#F10"] });
  claim("doc", "issue:t", "issue:y", {
    heldBy: [],
    attribution: "document",
    modality: "hedged",
    qualifier: "could weaken, if mishandled,",
    findings: ["s#F2"],
  });
  claim("disputed", "issue:p", "issue:t", {
    heldBy: [],
    attribution: "document",
    disputedBy: ["actor:a", "actor:b"],
    qualifier: "is disputed as a claim about",
    findings: ["s#F9"],
  });
  claim("asked", "issue:t", "issue:q", {
    heldBy: [],
    attribution: "document",
    modality: "question",
    qualifier: "can it help forge?",
    findings: ["s#F12"],
  });
  claim("inferred", "issue:w", "issue:t", {
    attribution: "inferred",
    qualifier: "shapes",
    findings: ["s#F3"],
  });
  claim("onward", "issue:x", "treaty:r", { qualifier: "a condition of", findings: ["s#F10"] });
  claim("to-actor", "issue:t", "actor:c", { qualifier: "would encourage", findings: ["s#F11"] });
  claim("from-actor", "actor:c", "issue:z", { qualifier: "moves toward", findings: ["s#F11"] });
  return graph;
}

describe("answers on a small hand-made source", () => {
  const graph = smallSource();
  const read = (options: Partial<Parameters<typeof traceLinkages>[1]>) =>
    readTrace(graph, traceLinkages(graph, { target: "issue:t", ...options }));

  it("without a holder, names who voices the direct ties: the document first, then the actors", () => {
    const { answer } = read({ depth: 1, kinds: ["issue"] });
    expect(answer).toMatch(/^The document and Alpha tie Target directly to five issues: /);
    // Each item says whose it is, since several voices share the sentence; the document's order.
    expect(answer).toContain(
      ": Stability (the document, hedged: could weaken, if mishandled, F2), Guesswork (Alpha, inferred: shapes, F3), The plan is aimed at Beta (the document, Alpha and Beta differ on it, sides not stated: is disputed as a claim about, F9), Cooperation (Alpha: contingent on, F10) and Consensus (the document, open question: can it help forge?, F12).",
    );
    // Past five, four are named and the rest counted.
    expect(read({ depth: 1 }).answer).toMatch(
      /^The document and Alpha tie Target directly to six things: .* and two others\.$/,
    );
  });

  it("with a holder, says the holder ties them and never uses the document's claims", () => {
    const reading = read({ holder: "actor:a", depth: 1 });
    expect(reading.answer).toBe(
      "Alpha ties Target directly to three things: Guesswork (inferred: shapes, F3), Cooperation (contingent on, F10) and Gamma (would encourage, F11).",
    );
  });

  it("says plainly when nothing is reached, with what the question was limited to", () => {
    expect(read({ holder: "actor:b" }).answer).toBe(
      "No claim Beta holds ties Target to anything, directly or through chains of up to two claims.",
    );
    expect(read({ holder: "actor:a", attribution: "stated", kinds: ["treaty"], depth: 1 }).answer).toBe(
      "No stated claim Alpha holds ties Target to any treaty or regime.",
    );
    const empty = read({ holder: "actor:b" });
    expect([empty.direct, empty.groups, empty.findings]).toEqual([[], [], []]);
  });

  it("follows only stated claims with the attribution filter", () => {
    const reading = read({ attribution: "stated", depth: 1 });
    expect(reading.direct.map((tie) => tie.node)).toEqual(["issue:x", "actor:c"]);
    expect(reading.answer).toMatch(/^Alpha ties Target directly to two things: /);
  });

  it("with kinds, answers only with nodes of those kinds, reached through any kind", () => {
    const trace = traceLinkages(graph, { target: "issue:t", holder: "actor:a", kinds: ["issue"] });
    expect(trace.kinds).toEqual(["issue"]);
    expect(trace.results.map((r) => r.node).sort()).toEqual(["issue:w", "issue:x", "issue:z"]);
    // Independence is reached through Gamma, an actor, which is not itself an answer.
    expect(trace.results.find((r) => r.node === "issue:z")?.paths[0]?.nodes).toEqual([
      "issue:t",
      "actor:c",
      "issue:z",
    ]);
    const reading = readTrace(graph, trace);
    expect(reading.answer).toBe(
      "Alpha ties Target directly to two issues: Guesswork (inferred: shapes, F3) and Cooperation (contingent on, F10). Through Gamma, chains of two claims reach one more issue: Independence.",
    );
    // Gamma is not an answer, so its first step is written in its group, once.
    const gamma = reading.groups.find((group) => group.via === "actor:c");
    expect(gamma?.direct).toBe(false);
    expect(gamma?.first.map((step) => step.claim.id)).toEqual(["to-actor"]);
    expect(new Set(printedClaims(reading)).size).toBe(printedClaims(reading).length);
  });

  it("refuses kinds outside the vocabulary, or none at all", () => {
    expect(() => traceLinkages(graph, { target: "issue:t", kinds: ["state" as NodeKind] })).toThrow(
      InvalidArgumentError,
    );
    expect(() => traceLinkages(graph, { target: "issue:t", kinds: [] })).toThrow(InvalidArgumentError);
    expect(traceLinkages(graph, { target: "issue:t", kinds: ["treaty", "issue", "issue"] }).kinds).toEqual([
      "issue",
      "treaty",
    ]);
  });

  it("sorts the findings cited by their place in the source: F2, F3, F9, F10, F11, F12", () => {
    expect(read({ depth: 2 }).findings.map((ref) => ref.slice(2))).toEqual([
      "F2",
      "F3",
      "F9",
      "F10",
      "F11",
      "F12",
    ]);
  });
});

describe("claim sentences", () => {
  const graph = smallSource();
  const sentence = (id: string, speaker?: string) =>
    claimSentence(graph, claimRecord(graph, id), speaker ? { speaker } : {});

  it("reads a qualifier as the predicate where it is one, in the claim's own direction", () => {
    expect(sentence("held")).toBe("Cooperation is contingent on Target");
    expect(sentence("to-actor")).toBe("Target would encourage Gamma");
    expect(sentence("onward")).toBe("Cooperation is a condition of Regime");
  });

  it("quotes a qualifier that is not a predicate, keeping the relation's verb", () => {
    expect(sentence("inferred")).toBe("Guesswork is linked to Target (“shapes”)");
    expect(qualifierJoin("links-to", "coordination on it matters for")).toBe("quoted");
    expect(qualifierJoin("supports", "contingent on")).toBe("quoted");
  });

  it("starts the document's own claims with what the document says, and its questions with what it asks", () => {
    expect(sentence("doc")).toBe("The document says Target could weaken, if mishandled, Stability");
    expect(sentence("disputed")).toBe(
      "The document says the plan is aimed at Beta is disputed as a claim about Target",
    );
    expect(sentence("asked")).toBe("The document asks of Target: can it help forge Consensus?");
  });

  it("writes counts in words and lists with commas and and", () => {
    expect([numberWord(2), numberWord(12), numberWord(21)]).toEqual(["two", "twelve", "21"]);
    expect([countOf(0, "thing"), countOf(1, "thing"), countOf(4, "thing")]).toEqual([
      "no things",
      "one thing",
      "four things",
    ]);
    expect([listOf(["a"]), listOf(["a", "b"]), listOf(["a", "b", "c"])]).toEqual([
      "a",
      "a and b",
      "a, b and c",
    ]);
  });
});
