// The evidence brief: the answer first, then the direct ties, the chains (each step once), the findings
// in source order with their quotes, and the source named once; each step's evidence and who the
// document says holds it; and labels from data escaped so they cannot turn into Markdown.
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { readTrace } from "../src/graph/answer.ts";
import { findingIndex } from "../src/graph/build.ts";
import { traceLinkages } from "../src/graph/trace.ts";
import { escapeMarkdown, traceBrief, traceQuestion } from "../src/graph/trace-brief.ts";
import type { ClaimAttributes, GraphAttributes, LinkageGraph, NodeAttributes } from "../src/graph/types.ts";
import { loadGraphData } from "./support/graph-data.ts";

const graph = loadGraphData();
const flagship = { target: "issue:taiwan-arms-sales", holder: "actor:china", depth: 2 };

describe("traceBrief", () => {
  const trace = traceLinkages(graph, flagship);
  const brief = traceBrief(graph, trace, {
    question: "Which issues does China tie to US arms sales to Taiwan?",
    link: "https://example.org/?trace=issue:taiwan-arms-sales&traceHolder=actor:china&traceDepth=2",
  });
  const lines = brief.split("\n");
  const source = graph.getAttribute("sources")[0];

  it("opens with the answer, then the direct ties, the chains, the findings and the source, in that order", () => {
    expect(lines[0]).toBe("# Which issues does China tie to US arms sales to Taiwan?");
    expect(lines[2]).toBe(escapeMarkdown(readTrace(graph, trace).answer));
    expect(lines[2]).toMatch(/^China ties US arms sales to Taiwan directly to two things: /);
    expect(lines.filter((line) => line.startsWith("#"))).toEqual([
      "# Which issues does China tie to US arms sales to Taiwan?",
      "## Direct ties (2)",
      "## Chains (4)",
      "### Through US–China nonproliferation cooperation",
      "### Through Transferring TMD to Taiwan",
      "## Findings cited (3)",
      "## Source",
    ]);
    expect(lines[4]).toBe(
      "*Traced from US arms sales to Taiwan; claims China holds; relations followed: links to; chains of up to two claims.*",
    );
    expect(lines.at(-2)).toBe(
      "Made with Linkage Atlas from graph-data. Reopen this trace: <https://example.org/?trace=issue:taiwan-arms-sales&traceHolder=actor:china&traceDepth=2>",
    );
  });

  it("writes each step once, as a sentence with its holders, evidence and findings, never as arrows", () => {
    expect(brief).toContain(
      "- US–China nonproliferation cooperation is contingent on US arms sales to Taiwan. Held by China. Evidence: “further nonproliferation cooperation is contingent on US arms sales toward Taiwan” (F3).",
    );
    expect(brief).toContain(
      "Held by United States and China. Evidence: “growing importance of bilateral policy coordination in addressing global proliferation threats” (F2).",
    );
    const claims = trace.results.flatMap((r) => r.paths.flatMap((p) => p.claims));
    for (const claim of new Set(claims)) {
      const evidence = `Evidence: “${escapeMarkdown(claim.evidence ?? "?")}”`;
      expect(brief.split(evidence).length - 1, claim.id).toBe(1);
    }
    expect(brief).not.toMatch(/[←→]/);
    // The group under a direct tie does not write its first step again.
    const group = brief.slice(
      brief.indexOf("### Through US–China"),
      brief.indexOf("### Through Transferring"),
    );
    expect(group).toContain("A direct tie (above), from which three chains go on:");
    expect(group).not.toContain("is contingent on US arms sales to Taiwan");
  });

  it("cites each finding once, sorted by its place in the source (F10 last), with the quotes that rest on it", () => {
    const findings = lines
      .filter((line) => /^- \*\*F\d+\.\*\* /.test(line))
      .map((line) => line.split("**")[1]);
    expect(findings).toEqual(["F2.", "F3.", "F10."]);
    const index = findingIndex(graph);
    const f3 = lines.indexOf(
      `- **F3.** ${escapeMarkdown(index.get("cns-us-china-2000#F3")?.summary ?? "?")}`,
    );
    expect(f3).toBeGreaterThan(0);
    expect(lines.slice(f3 + 1, f3 + 4)).toEqual([
      "  - “further nonproliferation cooperation is contingent on US arms sales toward Taiwan”",
      "  - “the overall international security situation”",
      "  - “the state of Sino-US ties”",
    ]);
  });

  it("names the source once, with its title, publisher, date and address", () => {
    expect(brief.split(escapeMarkdown(source?.title ?? "?")).length - 1).toBe(1);
    expect(brief).not.toContain("Source:");
    const at = lines.indexOf("## Source");
    expect(lines[at + 2]).toBe(
      `*${escapeMarkdown(source?.title ?? "?")}*, ${escapeMarkdown(source?.publisher ?? "?")}, ${source?.date}. <${source?.url}>`,
    );
  });

  it("asks the question the way the CLI does when no wording is given", () => {
    expect(traceBrief(graph, trace).split("\n")[0]).toBe("# What does China tie to US arms sales to Taiwan?");
    expect(traceQuestion(graph, { target: "treaty:fmct", holder: null })).toBe("What is tied to FMCT?");
  });

  it("escapes Markdown in labels, qualifiers and summaries", () => {
    expect(escapeMarkdown("a *b* _c_ [d](e) <f> `g` # h | i ~ j & k \\ l")).toBe(
      "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\`g\\` \\# h \\| i \\~ j \\& k \\\\ l",
    );
    const tricky = loadGraphData();
    tricky.setNodeAttribute("issue:tmd-for-taiwan", "label", "TMD *for* [Taiwan](javascript:x) <b>");
    tricky.setEdgeAttribute(
      "f10-tmd-to-taiwan-is-military-aid",
      "qualifier",
      "a `highly` _provocative_ form",
    );
    const text = traceBrief(tricky, traceLinkages(tricky, flagship));
    expect(text).toContain("### Through TMD \\*for\\* \\[Taiwan\\](javascript:x) \\<b\\>");
    expect(text).toContain("is a \\`highly\\` \\_provocative\\_ form US arms sales to Taiwan");
    expect(text).not.toContain("<b>");
    expect(text).not.toContain("*for*");
  });

  it("says so when nothing is reached, and still names the source", () => {
    const empty = traceBrief(graph, traceLinkages(graph, { ...flagship, relations: ["supports"] }));
    expect(empty.split("\n")[2]).toBe(
      "No claim China holds ties US arms sales to Taiwan to anything, directly or through chains of up to two claims.",
    );
    expect(empty).not.toContain("## Direct ties");
    expect(empty).not.toContain("## Chains");
    expect(empty).toContain("## Findings cited (0)\n\nNone.");
    expect(empty).toContain("## Source");
  });

  it("says which kinds were asked for, and writes the first step of a group that is no answer itself", () => {
    const actors = traceBrief(graph, traceLinkages(graph, { ...flagship, kinds: ["actor"] }));
    expect(actors.split("\n")[2]).toBe(
      "China ties no actor to US arms sales to Taiwan directly. Through Transferring TMD to Taiwan, chains of two claims reach one actor: Taiwan.",
    );
    expect(actors).toContain("; actors only;");
    expect(actors).toContain(
      "Tied to US arms sales to Taiwan by:\n\n- Transferring TMD to Taiwan is a highly provocative form of US arms sales to Taiwan.",
    );
  });
});

describe("traceBrief and attribution", () => {
  // One claim of each voice around issue:t: the document's own (the sides differ, not stated which holds
  // what), an inferred holder with a hedge, a stated open question, and a plain stated claim.
  const graph: LinkageGraph = new MultiDirectedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>();
  graph.replaceAttributes({
    sources: [
      { id: "s", title: "S", publisher: "p", date: "2026", findings: [{ id: "F1", summary: "One." }] },
    ],
  });
  for (const [id, label] of [
    ["issue:t", "Target"],
    ["issue:p", "Proposition"],
    ["issue:h", "Hedged thing"],
    ["issue:q", "Question"],
    ["issue:s", "Stated thing"],
    ["actor:us", "United States"],
    ["actor:china", "China"],
  ] as const)
    graph.addNode(id, {
      kind: id.startsWith("actor") ? "actor" : "issue",
      label,
      aliases: [],
      description: label,
      sources: ["s"],
    });
  const claim = (id: string, source: string, heldBy: string[], extra: Partial<ClaimAttributes>) =>
    graph.addDirectedEdgeWithKey(id, source, "issue:t", {
      relation: "links-to",
      heldBy,
      findings: ["s#F1"],
      note: `Note of ${id}.`,
      sourceId: "s",
      attribution: "stated",
      modality: "asserted",
      ...extra,
    });
  claim("doc", "issue:p", [], {
    attribution: "document",
    disputedBy: ["actor:us", "actor:china"],
    evidence: "whether P is so",
  });
  claim("inf", "issue:h", ["actor:us"], {
    attribution: "inferred",
    modality: "hedged",
    evidence: "could tie H",
  });
  claim("ask", "issue:q", ["actor:china"], { modality: "question", evidence: "can Q help T" });
  claim("plain", "issue:s", ["actor:china"], { evidence: "S is tied to T" });
  const brief = traceBrief(graph, traceLinkages(graph, { target: "issue:t", depth: 1 }));
  const step = (quote: string) => brief.split("\n").find((line) => line.includes(`“${quote}”`)) ?? "";

  it("reads a document claim as the document saying it, with no holder and the actors who differ", () => {
    expect(step("whether P is so")).toBe(
      "- The document says Proposition is linked to Target. Differ, sides not stated: United States and China. Evidence: “whether P is so” (F1).",
    );
    expect(brief.split("\n")[2]).toMatch(
      /^The document, United States and China tie Target directly to four things: /,
    );
  });

  it("marks inferred holders with the note that says why, and hedges and open questions", () => {
    expect(step("could tie H")).toBe(
      "- Hedged thing is linked to Target. Held by United States (*inferred*). *Hedged.* Note of inf. Evidence: “could tie H” (F1).",
    );
    expect(step("can Q help T")).toBe(
      "- Question is linked to Target. Held by China. *Open question.* Evidence: “can Q help T” (F1).",
    );
    expect(step("S is tied to T")).toBe(
      "- Stated thing is linked to Target. Held by China. Evidence: “S is tied to T” (F1).",
    );
  });

  it("says when only stated claims were followed", () => {
    const stated = traceBrief(
      graph,
      traceLinkages(graph, { target: "issue:t", depth: 1, attribution: "stated" }),
    );
    expect(stated).toContain("; stated claims only;");
    expect(stated).toContain("“S is tied to T”");
    for (const quote of ["whether P is so", "could tie H"]) expect(stated).not.toContain(quote);
    // The open question is stated: the document attributes it to China.
    expect(stated).toContain("“can Q help T”");
    expect(stated.split("\n")[2]).toMatch(/^China ties Target directly to two things: /);
  });
});
