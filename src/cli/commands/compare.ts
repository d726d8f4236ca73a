// `linkage compare <holderA> <holderB>`: where two actors agree and disagree, each with its findings and
// evidence, where the document says they differ without assigning sides, what rests on inference, and
// what only one of them speaks to. A printer over compare() in src/graph/perspectives.ts; --markdown
// prints the Compare brief (src/graph/compare-brief.ts), as the explorer downloads it.
import { z } from "zod";
import { compareBrief } from "../../graph/compare-brief.ts";
import {
  AGREEMENT_PATTERNS,
  type Agreement,
  type Comparison,
  compare as compareHolders,
  DISAGREEMENT_PATTERNS,
  type Disagreement,
  PATTERN_TEXT,
} from "../../graph/perspectives.ts";
import type { ClaimRecord } from "../../graph/records.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { defineCommand, EXIT, printJson, UsageError } from "../command.ts";
import { readGraph } from "../io.ts";
import { type ClaimWords, claimWords } from "./sentences.ts";
import { reportProblems } from "./shared.ts";

export const compare = defineCommand({
  summary:
    "Compare two actors: agreements, disagreements by pattern, differences with sides not stated, what rests on inference, and what only one holds",
  usage: "compare <actor> <actor> [--json | --markdown]",
  options: {
    markdown: {
      type: "boolean",
      description: "print where the two differ as a Markdown brief, as the explorer downloads it",
    },
  },
  values: z.object({ markdown: z.boolean().optional() }),
  positionals: [2, 2],
  run({ values, positionals, json, io }) {
    if (json && values.markdown)
      throw new UsageError("--json and --markdown print different things; give one");
    const loaded = readGraph();
    if (!loaded.ok) return reportProblems(io, loaded.problems);
    const [holderA, holderB] = positionals as [string, string];
    const comparison = compareHolders(loaded.graph, holderA, holderB);
    if (values.markdown) io.out(compareBrief(loaded.graph, comparison).trimEnd());
    else if (json) printJson(io, comparison);
    else io.out(comparisonLines(loaded.graph, comparison).join("\n"));
    return EXIT.ok;
  },
});

/** A claim's sentence after `bullet`, and its evidence and markers' reasons under it. */
function claimLines(words: ClaimWords, claim: ClaimRecord, bullet: string, speaker?: string): string[] {
  const under = " ".repeat(bullet.length + 2);
  return [
    `${bullet} ${words.sentence(claim, speaker)}`,
    ...words.details(claim).map((line) => `${under}${line}`),
  ];
}

function heading(pattern: keyof typeof PATTERN_TEXT, count: number): string {
  return `  ${PATTERN_TEXT[pattern].title} (${count}): ${PATTERN_TEXT[pattern].gloss}`;
}

/** Agreements, then disagreements, each grouped by pattern under its heading. */
function groupLines(
  words: ClaimWords,
  comparison: Comparison,
  agreements: readonly Agreement[],
  disagreements: readonly Disagreement[],
): string[] {
  const [a, b] = comparison.holders.map(words.label) as [string, string];
  const findings = (refs: readonly string[]) => refs.map(words.finding).join(", ");
  const lines: string[] = [];
  for (const pattern of AGREEMENT_PATTERNS) {
    const group = agreements.filter((agreement) => agreement.pattern === pattern);
    if (!group.length) continue;
    lines.push("", heading(pattern, group.length));
    for (const agreement of group)
      agreement.claims.forEach((claim, i) => {
        lines.push(...claimLines(words, claim, `    ${i === 0 ? "•" : " "}`));
      });
  }
  for (const pattern of DISAGREEMENT_PATTERNS) {
    const group = disagreements.filter((d) => d.pattern === pattern);
    if (!group.length) continue;
    lines.push("", heading(pattern, group.length));
    for (const d of group) {
      lines.push(`    ✗ on ${words.label(d.subject)} (${findings(d.findings)})`);
      lines.push(...claimLines(words, d.claimA, `        ${a}:`, comparison.holders[0]));
      lines.push(...claimLines(words, d.claimB, `        ${b}:`, comparison.holders[1]));
    }
  }
  return lines;
}

function comparisonLines(graph: LinkageGraph, comparison: Comparison): string[] {
  const words = claimWords(graph);
  const [a, b] = comparison.holders.map(words.label) as [string, string];
  const { agreements, disagreements, sidesNotStated, inferred, onlyA, onlyB } = comparison;
  const inferredCount = inferred.agreements.length + inferred.disagreements.length;
  const findings = (refs: readonly string[]) => refs.map(words.finding).join(", ");
  const lines = [
    `Comparing ${a} (${comparison.holders[0]}) with ${b} (${comparison.holders[1]})`,
    `${agreements.length} agreements, ${disagreements.length} disagreements stated; ${sidesNotStated.length} differences with sides not stated; ${inferredCount} resting on inference; ${onlyA.length} claims only ${a} holds, ${onlyB.length} only ${b}`,
  ];

  lines.push("", `Agreements (${agreements.length})`);
  lines.push(...groupLines(words, comparison, agreements, []));
  lines.push("", `Disagreements (${disagreements.length})`);
  lines.push(...groupLines(words, comparison, [], disagreements));

  lines.push("", heading("sides-not-stated", sidesNotStated.length).trimStart());
  for (const item of sidesNotStated) {
    lines.push(`    ? on ${words.label(item.subject)} (${findings(item.findings)})`);
    lines.push(...claimLines(words, item.claim, "       "));
  }

  lines.push(
    "",
    `Resting on inference (${inferredCount}): agreements and disagreements that use a claim whose holders are our reading, not the document's words`,
  );
  lines.push(...groupLines(words, comparison, inferred.agreements, inferred.disagreements));

  for (const [holder, other, claims] of [
    [a, b, onlyA],
    [b, a, onlyB],
  ] as const) {
    lines.push("", `Only ${holder} (${claims.length}): claims ${other} neither shares, matches nor contests`);
    for (const claim of claims) lines.push(...claimLines(words, claim, "    •"));
  }

  lines.push("", `Findings cited (${comparison.findings.length})`);
  for (const finding of comparison.findings) lines.push(`  ${words.finding(finding.id)}  ${finding.summary}`);
  return lines;
}
