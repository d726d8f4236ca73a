// The Compare brief: where two actors differ, as Markdown an analyst can paste. It reads like the trace
// brief (trace-brief.ts): (1) the answer, counts in words; (2) the differences the document states,
// grouped by pattern, then those it reports without saying who holds which view; (3) what rests on
// inference, apart; (4) the agreements; (5) the findings cited, in source order, each once with its
// quotes; (6) the source, named once. Pure text out of a graph and a Comparison (perspectives.ts).
// differenceItems is the list both this brief and the explorer's Differences list are made from.
import { readStep } from "./answer.ts";
import {
  AGREEMENT_PATTERNS,
  type Agreement,
  type Comparison,
  DISAGREEMENT_PATTERNS,
  type Disagreement,
  type DisagreementPattern,
  PATTERN_TEXT,
  type SidesNotStatedPattern,
} from "./perspectives.ts";
import type { ClaimRecord } from "./records.ts";
import { capitalize, countOf, findingName, labelOf, listOf } from "./sentences.ts";
import {
  type BriefOptions,
  briefFooter,
  escapeMarkdown,
  findingsSection,
  sourceSection,
  stepMarkdown,
} from "./trace-brief.ts";
import type { LinkageGraph } from "./types.ts";

/**
 * One difference as a reader sees it: what it is about, each side's claims once, and the findings.
 * Disagreements of one pattern and subject that share a claim make one item (the US rejection of
 * linkage answers three Chinese linkages, F3), so the shared claim is written once; `pairs` says how
 * many of compare()'s disagreements the item stands for.
 */
export interface DifferenceItem {
  pattern: DisagreementPattern | SidesNotStatedPattern;
  subject: string;
  /** The first holder's claims; empty for a difference with sides not stated. */
  claimsA: ClaimRecord[];
  /** The second holder's claims; empty for a difference with sides not stated. */
  claimsB: ClaimRecord[];
  /** The document's claim, for a difference with sides not stated; otherwise empty. */
  document: ClaimRecord[];
  /** Qualified finding references, in the order compare() gave them. */
  findings: string[];
  pairs: number;
}

/** The items of a list of disagreements, pattern by pattern, merging those that share a claim. */
export function differenceItems(disagreements: readonly Disagreement[]): DifferenceItem[] {
  const items: DifferenceItem[] = [];
  for (const pattern of DISAGREEMENT_PATTERNS) {
    const group = disagreements.filter((d) => d.pattern === pattern);
    const byA = mergeBy(group, (d) => `${d.subject}\u0000${d.claimA.id}`);
    const single = byA.filter((list) => list.length === 1).flat();
    const byB = mergeBy(single, (d) => `${d.subject}\u0000${d.claimB.id}`);
    const lists = [...byA.filter((list) => list.length > 1), ...byB];
    lists.sort((x, y) => group.indexOf(x[0] as Disagreement) - group.indexOf(y[0] as Disagreement));
    for (const list of lists) items.push(itemOf(list));
  }
  return items;
}

function mergeBy(disagreements: readonly Disagreement[], key: (d: Disagreement) => string): Disagreement[][] {
  const lists = new Map<string, Disagreement[]>();
  for (const d of disagreements) {
    const list = lists.get(key(d));
    if (list) list.push(d);
    else lists.set(key(d), [d]);
  }
  return [...lists.values()];
}

function itemOf(list: readonly Disagreement[]): DifferenceItem {
  const first = list[0] as Disagreement;
  const once = (claims: ClaimRecord[]) =>
    claims.filter((c, i) => claims.findIndex((x) => x.id === c.id) === i);
  const findings: string[] = [];
  for (const d of list) for (const ref of d.findings) if (!findings.includes(ref)) findings.push(ref);
  return {
    pattern: first.pattern,
    subject: first.subject,
    claimsA: once(list.map((d) => d.claimA)),
    claimsB: once(list.map((d) => d.claimB)),
    document: [],
    findings,
    pairs: list.length,
  };
}

/**
 * Every difference of a comparison the document states, then those it leaves unassigned: one item per
 * subject, since the document often lists several on one thing (F10: three on NMD).
 */
export function comparisonDifferences(comparison: Comparison): DifferenceItem[] {
  const unassigned = new Map<string, DifferenceItem>();
  for (const item of comparison.sidesNotStated) {
    const found = unassigned.get(item.subject);
    if (!found) {
      unassigned.set(item.subject, {
        pattern: item.pattern,
        subject: item.subject,
        claimsA: [],
        claimsB: [],
        document: [item.claim],
        findings: [...item.findings],
        pairs: 1,
      });
      continue;
    }
    found.document.push(item.claim);
    found.pairs++;
    for (const ref of item.findings) if (!found.findings.includes(ref)) found.findings.push(ref);
  }
  return [...differenceItems(comparison.disagreements), ...unassigned.values()];
}

/** "three opposite stances", "one contested linkage": a pattern's title counted in words. */
function patternCount(pattern: DisagreementPattern, count: number): string {
  const title = PATTERN_TEXT[pattern].title.toLowerCase();
  const one = title.endsWith("s") ? title.slice(0, -1) : title;
  return countOf(count, one, title.endsWith("s") ? title : `${title}s`);
}

/** The answer: how many differences the document states, of which kinds, and what else it says. */
export function compareAnswer(graph: LinkageGraph, comparison: Comparison): string {
  const [a, b] = comparison.holders.map((id) => labelOf(graph, id)) as [string, string];
  const stated = comparison.disagreements;
  const kinds = DISAGREEMENT_PATTERNS.map((p) => [p, stated.filter((d) => d.pattern === p).length] as const)
    .filter(([, count]) => count > 0)
    .map(([p, count]) => patternCount(p, count));
  const first = `The document states ${countOf(stated.length, "difference")} between ${a} and ${b}${kinds.length ? `: ${listOf(kinds)}` : ""}.`;
  const rest: string[] = [];
  const unassigned = comparison.sidesNotStated.length;
  if (unassigned)
    rest.push(
      `it says they differ on ${countOf(unassigned, "more point")} without saying who holds which view`,
    );
  const { agreements: inferredAgreements, disagreements: inferredDifferences } = comparison.inferred;
  const inferred = [
    inferredDifferences.length ? countOf(inferredDifferences.length, "more difference") : "",
    inferredAgreements.length ? countOf(inferredAgreements.length, "agreement") : "",
  ].filter(Boolean);
  const one = inferredDifferences.length + inferredAgreements.length === 1;
  if (inferred.length) rest.push(`${listOf(inferred)} ${one ? "rests" : "rest"} on inference`);
  rest.push(`the two agree on ${countOf(comparison.agreements.length, "point")}`);
  return `${first} ${capitalize(listOf(rest))}.`;
}

/** A claim under a side's name: "China: cooperation is contingent on …", or its own stance as it is. */
function sideLine(graph: LinkageGraph, holder: string, claim: ClaimRecord): string {
  const line = stepMarkdown(readStep(graph, claim, claim.source, claim.target), { holders: false });
  return claim.source === holder ? line : `${escapeMarkdown(labelOf(graph, holder))}: ${line}`;
}

function itemLines(graph: LinkageGraph, comparison: Comparison, item: DifferenceItem): string[] {
  const name = findingName(graph);
  const [a, b] = comparison.holders;
  const findings = item.findings.length ? ` (${escapeMarkdown(item.findings.map(name).join(", "))})` : "";
  const lines = [`- **On ${escapeMarkdown(labelOf(graph, item.subject))}**${findings}`];
  for (const claim of item.claimsA) lines.push(`  - ${sideLine(graph, a, claim)}`);
  for (const claim of item.claimsB) lines.push(`  - ${sideLine(graph, b, claim)}`);
  for (const claim of item.document)
    lines.push(`  - ${stepMarkdown(readStep(graph, claim, claim.source, claim.target), { dispute: false })}`);
  return lines;
}

function patternHeading(pattern: keyof typeof PATTERN_TEXT, count: number): string[] {
  const text = PATTERN_TEXT[pattern];
  return [`### ${text.title} (${count})`, "", `*${capitalize(text.gloss)}.*`, ""];
}

function differenceLines(
  graph: LinkageGraph,
  comparison: Comparison,
  items: readonly DifferenceItem[],
): string[] {
  const lines: string[] = [];
  for (const pattern of [...DISAGREEMENT_PATTERNS, "sides-not-stated"] as const) {
    const group = items.filter((item) => item.pattern === pattern);
    if (!group.length) continue;
    lines.push(
      ...patternHeading(
        pattern,
        group.reduce((sum, item) => sum + item.pairs, 0),
      ),
    );
    for (const item of group) lines.push(...itemLines(graph, comparison, item));
    lines.push("");
  }
  return lines;
}

function agreementLines(
  graph: LinkageGraph,
  comparison: Comparison,
  agreements: readonly Agreement[],
): string[] {
  const lines: string[] = [];
  const name = findingName(graph);
  for (const pattern of AGREEMENT_PATTERNS) {
    const group = agreements.filter((agreement) => agreement.pattern === pattern);
    if (!group.length) continue;
    lines.push(...patternHeading(pattern, group.length));
    for (const agreement of group) {
      const [only] = agreement.claims;
      if (agreement.claims.length === 1 && only) {
        lines.push(`- ${stepMarkdown(readStep(graph, only, only.source, only.target))}`);
        continue;
      }
      const subject = agreement.claims[0]?.target ?? "";
      const findings = agreement.findings.length
        ? ` (${escapeMarkdown(agreement.findings.map(name).join(", "))})`
        : "";
      lines.push(`- **On ${escapeMarkdown(labelOf(graph, subject))}**${findings}`);
      for (const claim of agreement.claims) {
        const holder = comparison.holders.find((h) => claim.heldBy.includes(h)) ?? claim.source;
        lines.push(`  - ${sideLine(graph, holder, claim)}`);
      }
    }
    lines.push("");
  }
  return lines;
}

export interface CompareBriefOptions extends BriefOptions {
  /** The heading; by default "Where A and B differ". */
  title?: string;
}

export function compareBrief(
  graph: LinkageGraph,
  comparison: Comparison,
  options: CompareBriefOptions = {},
): string {
  const [a, b] = comparison.holders.map((id) => labelOf(graph, id)) as [string, string];
  const differences = comparisonDifferences(comparison);
  const inferredItems = differenceItems(comparison.inferred.disagreements);
  const lines = [`# ${escapeMarkdown(options.title ?? `Where ${a} and ${b} differ`)}`, ""];
  lines.push(escapeMarkdown(compareAnswer(graph, comparison)), "");

  const statedCount = comparison.disagreements.length + comparison.sidesNotStated.length;
  lines.push(`## Differences (${statedCount})`, "");
  if (!differences.length) lines.push("None stated.", "");
  lines.push(...differenceLines(graph, comparison, differences));

  const { inferred } = comparison;
  const inferredCount = inferred.disagreements.length + inferred.agreements.length;
  if (inferredCount) {
    lines.push(`## Resting on inference (${inferredCount})`, "");
    lines.push(
      "*Differences and agreements that use a claim whose holders are our reading of the context, not the document's words.*",
      "",
    );
    lines.push(...differenceLines(graph, comparison, inferredItems));
    lines.push(...agreementLines(graph, comparison, inferred.agreements));
  }

  lines.push(`## Agreements (${comparison.agreements.length})`, "");
  if (!comparison.agreements.length) lines.push("None stated.", "");
  lines.push(...agreementLines(graph, comparison, comparison.agreements));

  const claims = [
    ...differences.flatMap((item) => [...item.claimsA, ...item.claimsB, ...item.document]),
    ...inferredItems.flatMap((item) => [...item.claimsA, ...item.claimsB]),
    ...[...comparison.agreements, ...inferred.agreements].flatMap((agreement) => agreement.claims),
  ];
  lines.push(...findingsSection(graph, claims), ...sourceSection(graph, claims));
  lines.push(...briefFooter(options, "comparison"));
  return `${lines.join("\n")}\n`;
}
