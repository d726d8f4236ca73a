// The evidence brief: its sections in order, every chain and every cited finding with its source,
// and labels from data escaped so they cannot turn into Markdown.
import { describe, expect, it } from "vitest";
import { findingIndex } from "../src/graph/build.ts";
import { traceLinkages } from "../src/graph/trace.ts";
import { escapeMarkdown, traceBrief, traceQuestion } from "../src/graph/trace-brief.ts";
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
    expect(sections).toEqual(["## Distance 1: 2 nodes", "## Distance 2: 11 nodes", "## Findings cited (4)"]);
    expect(brief).toContain("- **Traced from:** US arms sales to Taiwan (`issue:taiwan-arms-sales`)");
    expect(brief).toContain("- **Claims held by:** China (`actor:china`) only");
    expect(brief).toContain("- **Relations followed:** links to");
    expect(brief).toContain("- **Longest chain:** 2 claims");
    expect(brief).toContain("- **Answer:** 13 nodes reached through 14 chains, citing 4 findings");
    expect(lines.at(-2)).toBe(
      "Made with Linkage Atlas from graph-data. Reopen this trace: <https://example.org/?trace=issue:taiwan-arms-sales&traceHolder=actor:china&traceDepth=2>",
    );
  });

  it("writes every chain, each step with relation, qualifier, direction, holders and findings", () => {
    expect(lines.filter((line) => /^### \d+\. /.test(line))).toHaveLength(trace.results.length);
    const chains = trace.results.reduce((n, r) => n + r.paths.length, 0);
    expect(lines.filter((line) => /^Chain( \d+ of \d+)?: /.test(line))).toHaveLength(chains);
    expect(brief).toContain(
      "1. US–China nonproliferation cooperation **is linked to** US arms sales to Taiwan, “contingent on” (followed back from target to source). Held by China. Cites F3. Claim `f3-cooperation-contingent-on-arms-sales`.",
    );
    expect(brief).toContain("(followed source to target). Held by United States and China. Cites F12.");
  });

  it("cites every finding the chains use, with its summary and its source", () => {
    const index = findingIndex(graph);
    const source = graph.getAttribute("sources")[0];
    const cited = new Set(
      trace.results.flatMap((r) => r.paths.flatMap((p) => p.claims.flatMap((c) => c.findings))),
    );
    expect(cited.size).toBe(4);
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
