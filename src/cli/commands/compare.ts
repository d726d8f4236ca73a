// `linkage compare <holderA> <holderB>`: where two actors agree and disagree, each with its findings,
// and what only one of them speaks to. A printer over compare() in src/graph/perspectives.ts.
import { z } from "zod";
import {
  AGREEMENT_PATTERNS,
  type Comparison,
  compare as compareHolders,
  DISAGREEMENT_PATTERNS,
  PATTERN_TEXT,
} from "../../graph/perspectives.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { defineCommand, EXIT, printJson } from "../command.ts";
import type { Output } from "../io.ts";
import { readGraph } from "../io.ts";
import { claimWords } from "./sentences.ts";
import { reportProblems } from "./shared.ts";

export const compare = defineCommand({
  summary: "Compare two actors: agreements, disagreements by pattern, and what only one holds",
  usage: "compare <actor> <actor> [--json]",
  options: {},
  values: z.object({}),
  positionals: [2, 2],
  run({ positionals, json, io }) {
    const loaded = readGraph();
    if (!loaded.ok) return reportProblems(io, loaded.problems);
    const [holderA, holderB] = positionals as [string, string];
    const comparison = compareHolders(loaded.graph, holderA, holderB);
    if (json) printJson(io, comparison);
    else printComparison(io, loaded.graph, comparison);
    return EXIT.ok;
  },
});

function printComparison(io: Output, graph: LinkageGraph, comparison: Comparison): void {
  const words = claimWords(graph);
  const [a, b] = comparison.holders.map(words.label) as [string, string];
  const { agreements, disagreements, onlyA, onlyB } = comparison;
  const lines = [
    `Comparing ${a} (${comparison.holders[0]}) with ${b} (${comparison.holders[1]})`,
    `${agreements.length} agreements, ${disagreements.length} disagreements; ${onlyA.length} claims only ${a} holds, ${onlyB.length} only ${b}`,
  ];
  const findings = (refs: readonly string[]) => refs.map(words.finding).join(", ");

  lines.push("", `Agreements (${agreements.length})`);
  for (const pattern of AGREEMENT_PATTERNS) {
    const group = agreements.filter((agreement) => agreement.pattern === pattern);
    if (!group.length) continue;
    lines.push("", `  ${PATTERN_TEXT[pattern].title} (${group.length}): ${PATTERN_TEXT[pattern].gloss}`);
    for (const agreement of group) {
      agreement.claims.forEach((claim, i) => {
        lines.push(`    ${i === 0 ? "•" : " "} ${words.sentence(claim)}`);
      });
    }
  }

  lines.push("", `Disagreements (${disagreements.length})`);
  for (const pattern of DISAGREEMENT_PATTERNS) {
    const group = disagreements.filter((d) => d.pattern === pattern);
    if (!group.length) continue;
    lines.push("", `  ${PATTERN_TEXT[pattern].title} (${group.length}): ${PATTERN_TEXT[pattern].gloss}`);
    for (const d of group) {
      lines.push(`    ✗ on ${words.label(d.subject)} (${findings(d.findings)})`);
      lines.push(`        ${a}: ${words.sentence(d.claimA, comparison.holders[0])}`);
      lines.push(`        ${b}: ${words.sentence(d.claimB, comparison.holders[1])}`);
    }
  }

  for (const [holder, other, claims] of [
    [a, b, onlyA],
    [b, a, onlyB],
  ] as const) {
    lines.push("", `Only ${holder} (${claims.length}): claims ${other} neither shares, matches nor contests`);
    for (const claim of claims) lines.push(`    • ${words.sentence(claim)}`);
  }

  lines.push("", `Findings cited (${comparison.findings.length})`);
  for (const finding of comparison.findings) lines.push(`  ${words.finding(finding.id)}  ${finding.summary}`);
  io.out(lines.join("\n"));
}
