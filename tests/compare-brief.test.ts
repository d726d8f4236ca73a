// The Compare brief (src/graph/compare-brief.ts) on the real graph-data: the answer with its counts in
// words, the differences by pattern with both sides' claims as sentences and a shared claim written once,
// inference apart, the agreements, the findings in source order and the source named once.
import { describe, expect, it } from "vitest";
import {
  compareAnswer,
  compareBrief,
  comparisonDifferences,
  differenceItems,
} from "../src/graph/compare-brief.ts";
import { compare } from "../src/graph/perspectives.ts";
import { claimSentence } from "../src/graph/sentences.ts";
import { escapeMarkdown } from "../src/graph/trace-brief.ts";
import { loadGraphData } from "./support/graph-data.ts";

const graph = loadGraphData();
const comparison = compare(graph, "actor:us", "actor:china");
const brief = compareBrief(graph, comparison);
const lines = brief.split("\n");
const section = (from: string, to: string) => brief.slice(brief.indexOf(from), brief.indexOf(to));

describe("compareBrief: where the United States and China differ", () => {
  it("opens with the answer, counts in words, then differences, inference, agreements, findings and source", () => {
    expect(lines[0]).toBe("# Where United States and China differ");
    expect(lines[2]).toBe(
      "The document states six differences between United States and China: three opposite stances and three contested linkages. It says they differ on six more points without saying who holds which view, three more differences rest on inference and the two agree on fifteen points.",
    );
    expect(lines.filter((line) => /^##? /.test(line))).toEqual([
      "# Where United States and China differ",
      "## Differences (12)",
      "## Resting on inference (3)",
      "## Agreements (15)",
      "## Findings cited (11)",
      "## Source",
    ]);
    const differences = section("## Differences", "## Resting on inference");
    expect(differences.match(/^### .*$/gm)).toEqual([
      "### Opposite stances (3)",
      "### Contested linkage (3)",
      "### Differ, sides not stated (6)",
    ]);
    expect(section("## Resting on inference", "## Agreements").match(/^### .*$/gm)).toEqual([
      "### Opposite stances (1)",
      "### Conditioned stance (1)",
      "### Disputed premise (1)",
    ]);
  });

  it("lists every stated disagreement with both sides' claims as sentences", () => {
    const differences = section("## Differences", "## Resting on inference");
    for (const d of comparison.disagreements)
      for (const claim of [d.claimA, d.claimB])
        expect(differences, claim.id).toContain(escapeMarkdown(claimSentence(graph, claim)));
    for (const item of comparison.sidesNotStated)
      expect(differences, item.claim.id).toContain(escapeMarkdown(claimSentence(graph, item.claim)));
    expect(differences).not.toMatch(/[←→]/);
  });

  it("writes a claim that answers several others once: the US rejection of linkage against China's three linkages (F3)", () => {
    const contested = section("### Contested linkage", "### Differ, sides not stated");
    expect(contested.match(/^- \*\*On .*$/gm)).toEqual([
      "- **On Linking nonproliferation to bilateral relations** (F3)",
    ]);
    expect(contested.split("United States opposes Linking nonproliferation").length - 1).toBe(1);
    expect(
      contested.match(/^ {2}- China: US–China nonproliferation cooperation is contingent on .*$/gm),
    ).toHaveLength(3);
    const items = differenceItems(comparison.disagreements);
    expect(items.reduce((sum, item) => sum + item.pairs, 0)).toBe(comparison.disagreements.length);
    expect(comparisonDifferences(comparison).reduce((sum, item) => sum + item.pairs, 0)).toBe(
      comparison.disagreements.length + comparison.sidesNotStated.length,
    );
  });

  it("keeps what rests on inference apart, marked with why", () => {
    const inference = section("## Resting on inference", "## Agreements");
    expect(inference).toContain(
      "United States supports FMCT (“cites China's 1994 pledge to work towards”). *Inferred.* US officials cited",
    );
    expect(section("## Differences", "## Resting on inference")).not.toContain("FMCT");
  });

  it("cites each finding once, in source order, and names the source once", () => {
    const findings = lines
      .filter((line) => /^- \*\*F\d+\.\*\* /.test(line))
      .map((line) => line.split("**")[1]);
    expect(findings).toEqual(["F1.", "F2.", "F3.", "F4.", "F5.", "F6.", "F7.", "F8.", "F9.", "F10.", "F11."]);
    const source = graph.getAttribute("sources")[0];
    expect(brief.split(escapeMarkdown(source?.title ?? "?")).length - 1).toBe(1);
  });

  it("says so when two actors neither differ nor agree", () => {
    const none = compare(graph, "actor:india", "actor:pakistan");
    expect(compareAnswer(graph, none)).toBe(
      "The document states no differences between India and Pakistan. The two agree on no points.",
    );
    const text = compareBrief(graph, none);
    expect(text).toContain("## Differences (0)\n\nNone stated.");
    expect(text).toContain("## Agreements (0)\n\nNone stated.");
    expect(text).not.toContain("## Resting on inference");
  });
});
