// The evidence brief: its sections in order, every chain and every cited finding with its source, each
// step's evidence and who the document says holds it, and labels from data escaped so they cannot turn
// into Markdown.
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
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

  it("has the question, the query, the distances, the findings and the link, in that order", () => {
    const headings = lines.filter((line) => line.startsWith("#"));
    expect(headings[0]).toBe("# Which issues does China tie to US arms sales to Taiwan?");
    const sections = headings.filter((h) => h.startsWith("## "));
    expect(sections).toEqual(["## Distance 1: 2 nodes", "## Distance 2: 4 nodes", "## Findings cited (3)"]);
    expect(brief).toContain("- **Traced from:** US arms sales to Taiwan (`issue:taiwan-arms-sales`)");
    expect(brief).toContain("- **Claims held by:** China (`actor:china`) only");
    expect(brief).toContain("- **Relations followed:** links to");
    expect(brief).toContain("- **Longest chain:** 2 claims");
    expect(brief).toContain("- **Answer:** 6 nodes reached through 6 chains, citing 3 findings");
    expect(brief).not.toContain("- **Attribution:**");
    expect(lines.at(-2)).toBe(
      "Made with Linkage Atlas from graph-data. Reopen this trace: <https://example.org/?trace=issue:taiwan-arms-sales&traceHolder=actor:china&traceDepth=2>",
    );
  });

  it("writes every chain, each step with relation, qualifier, direction, holders, evidence and findings", () => {
    expect(lines.filter((line) => /^### \d+\. /.test(line))).toHaveLength(trace.results.length);
    const chains = trace.results.reduce((n, r) => n + r.paths.length, 0);
    expect(lines.filter((line) => /^Chain( \d+ of \d+)?: /.test(line))).toHaveLength(chains);
    expect(brief).toContain(
      "1. US–China nonproliferation cooperation **is linked to** US arms sales to Taiwan, “contingent on” (followed back from target to source). Held by China. Evidence: “further nonproliferation cooperation is contingent on US arms sales toward Taiwan”. Cites F3. Claim `f3-cooperation-contingent-on-arms-sales`.",
    );
    expect(brief).toContain(
      "(followed source to target). Held by United States and China. Evidence: “growing importance of bilateral policy coordination in addressing global proliferation threats”. Cites F2.",
    );
  });

  it("cites every finding the chains use, with its summary and its source", () => {
    const index = findingIndex(graph);
    const source = graph.getAttribute("sources")[0];
    const cited = new Set(
      trace.results.flatMap((r) => r.paths.flatMap((p) => p.claims.flatMap((c) => c.findings))),
    );
    expect(cited.size).toBe(3);
    for (const ref of cited) {
      const finding = index.get(ref);
      const at = lines.findIndex((line) => line.startsWith(`- **${finding?.id}** `));
      expect(at, ref).toBeGreaterThan(0);
      expect(lines[at]).toContain(escapeMarkdown(finding?.summary ?? "?"));
      expect(lines[at]?.endsWith("\\")).toBe(true);
      expect(lines[at + 1]).toContain(
        `Source: *${escapeMarkdown(source?.title ?? "?")}*, ${source?.publisher}`,
      );
      if (source?.url) expect(lines[at + 1]).toContain(`<${source.url}>`);
    }
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
    expect(text).toContain(
      "### 1. TMD \\*for\\* \\[Taiwan\\](javascript:x) \\<b\\> (`issue:tmd-for-taiwan`)",
    );
    expect(text).toContain("“a \\`highly\\` \\_provocative\\_ form”");
    expect(text).not.toContain("<b>");
    expect(text).not.toContain("*for*");
  });

  it("says so when nothing is reached", () => {
    const empty = traceBrief(graph, traceLinkages(graph, { ...flagship, relations: ["supports"] }));
    expect(empty).toContain("Nothing is reached");
    expect(empty).toContain("## Findings cited (0)");
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
  const step = (id: string) => brief.split("\n").find((line) => line.includes(`Claim \`${id}\``)) ?? "";

  it("reads a document claim as the document saying it, with no holder and the actors who differ", () => {
    expect(step("doc")).toBe(
      "1. The document says Proposition **is linked to** Target (followed back from target to source). No actor holds it. Differ, sides not stated: United States and China. Evidence: “whether P is so”. Cites F1. Claim `doc`.",
    );
  });

  it("marks inferred holders with the note that says why, and hedges and open questions", () => {
    expect(step("inf")).toContain(
      "(*hedged*; followed back from target to source). Held by United States (*inferred*). Note of inf.",
    );
    expect(step("inf")).toContain("Evidence: “could tie H”.");
    expect(step("ask")).toContain(
      "(*open question*; followed back from target to source). Held by China. Evidence:",
    );
    expect(step("plain")).toBe(
      "1. Stated thing **is linked to** Target (followed back from target to source). Held by China. Evidence: “S is tied to T”. Cites F1. Claim `plain`.",
    );
  });

  it("says when only stated claims were followed", () => {
    const stated = traceBrief(
      graph,
      traceLinkages(graph, { target: "issue:t", depth: 1, attribution: "stated" }),
    );
    expect(stated).toContain("- **Attribution:** stated claims only");
    expect(stated).toContain("Claim `plain`");
    for (const id of ["doc", "inf"]) expect(stated).not.toContain(`Claim \`${id}\``);
    // The open question is stated: the document attributes it to China.
    expect(stated).toContain("Claim `ask`");
  });
});
