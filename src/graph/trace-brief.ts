// The evidence brief of a trace: a Markdown document an analyst can paste into a report. It reads as
// the answer does (answer.ts): (1) the answer in a sentence or two, (2) the direct ties, (3) the longer
// chains grouped by the node they pass through, each step once, (4) the findings cited, in source
// order, each once with its summary and the evidence quotes that rest on it, and (5) the source, named
// once. Pure text out of a graph and a Trace; no DOM, so the explorer, the CLI and the tests share it.
// The Markdown pieces that compare-brief.ts shares (escaping, steps, findings, source) live here too.
import { ATTRIBUTION_STYLES, RELATION_STYLES } from "../model/vocabulary.ts";
import { type ChainStep, readTrace, type StepReading, traceQuestion } from "./answer.ts";
import { findingIndex } from "./build.ts";
import type { ClaimRecord } from "./records.ts";
import { asStatement, capitalize, countOf, kindNoun, labelOf, listOf } from "./sentences.ts";
import type { Trace } from "./trace.ts";
import type { LinkageGraph } from "./types.ts";

export { traceQuestion };

export interface BriefOptions {
  /** The question as the user asked it (a preset's wording); by default one is made from the trace. */
  question?: string;
  /** An address that reopens the view, cited at the end. */
  link?: string;
  /** When the brief was made, ISO 8601; omitted when absent so tests stay stable. */
  generatedAt?: string;
}

/** Characters that CommonMark or GFM tables would read as markup anywhere in a line. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~#&!]/g;

/** Text from data, escaped so it reads as itself once rendered. */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, "\\$&").replace(/\s*\n\s*/g, " ");
}

/** An autolink, or the bare escaped text when the address could break out of one. */
function address(url: string): string {
  return /^[a-z][a-z0-9+.-]*:[^\s<>]*$/i.test(url) ? `<${url}>` : escapeMarkdown(url);
}

/** A sentence of ours or from data, with a final stop, escaped. */
const said = (text: string) => escapeMarkdown(asStatement(text.trim()));

/** What a claim's line leaves out when its context already says it. */
export interface StepMarkdownOptions {
  /** False under a side's name (Compare), where the holder is named already. */
  holders?: boolean;
  /** False under "Differ, sides not stated", which already says who differs. */
  dispute?: boolean;
}

/**
 * One claim as a line of Markdown: its sentence, who holds it (and why, when the holders are inferred),
 * its hedge, the actors the document says differ on it, its evidence quote and its findings.
 * "US–China nonproliferation cooperation is contingent on US arms sales to Taiwan. Held by China.
 * Evidence: “further … toward Taiwan” (F3)."
 */
export function stepMarkdown(step: StepReading, options: StepMarkdownOptions = {}): string {
  const parts = [said(step.sentence)];
  const { claim } = step;
  const inferred = ATTRIBUTION_STYLES.inferred.badge;
  const holders = options.holders !== false;
  if (holders && step.holders)
    parts.push(
      `Held by ${escapeMarkdown(step.holders)}${claim.attribution === "inferred" ? ` (*${inferred}*)` : ""}.`,
    );
  else if (holders && !claim.heldBy.length && claim.attribution !== "document")
    parts.push("No holder named.");
  for (const marker of step.markers)
    if (marker !== inferred || !holders) parts.push(`*${capitalize(marker)}.*`);
  if (step.inferredBecause) parts.push(said(step.inferredBecause));
  if (step.dispute && options.dispute !== false) parts.push(said(step.dispute));
  const findings = escapeMarkdown(step.findings.join(", "));
  if (step.evidence)
    parts.push(`Evidence: “${escapeMarkdown(step.evidence)}”${findings ? ` (${findings})` : ""}.`);
  else if (findings) parts.push(`Cites ${findings}.`);
  return parts.join(" ");
}

/**
 * "## Findings cited": each finding the claims cite, once, in source order (F9 before F10), with its
 * summary and, under it, the evidence quotes of the claims that cite it.
 */
export function findingsSection(graph: LinkageGraph, claims: readonly ClaimRecord[]): string[] {
  const quotes = new Map<string, string[]>();
  for (const claim of claims)
    for (const ref of claim.findings) {
      const list = quotes.get(ref) ?? [];
      if (claim.evidence && !list.includes(claim.evidence)) list.push(claim.evidence);
      quotes.set(ref, list);
    }
  const index = findingIndex(graph);
  const oneSource = graph.getAttribute("sources").length === 1;
  const lines = [`## Findings cited (${quotes.size})`, ""];
  if (!quotes.size) lines.push("None.", "");
  const known = [...index.keys()].filter((ref) => quotes.has(ref));
  const unknown = [...quotes.keys()].filter((ref) => !index.has(ref)).sort();
  for (const ref of [...known, ...unknown]) {
    const finding = index.get(ref);
    const name = finding && oneSource ? finding.id : ref;
    const summary = finding ? escapeMarkdown(finding.summary) : "Not among the loaded findings.";
    lines.push(`- **${escapeMarkdown(name)}.** ${summary}`);
    for (const quote of quotes.get(ref) ?? []) lines.push(`  - “${escapeMarkdown(quote)}”`);
  }
  if (quotes.size) lines.push("");
  return lines;
}

/** "## Source": each source the findings come from, named once; every loaded source when none is cited. */
export function sourceSection(graph: LinkageGraph, claims: readonly ClaimRecord[]): string[] {
  const sources = graph.getAttribute("sources");
  const cited = new Set(
    claims.flatMap((claim) => claim.findings.map((ref) => ref.slice(0, ref.lastIndexOf("#")))),
  );
  const named = sources.some((source) => cited.has(source.id))
    ? sources.filter((source) => cited.has(source.id))
    : sources;
  const lines = [named.length === 1 ? "## Source" : "## Sources", ""];
  for (const source of named) {
    const about = [
      source.title ? `*${escapeMarkdown(source.title)}*` : escapeMarkdown(source.id),
      source.publisher ? escapeMarkdown(source.publisher) : null,
      source.date ? escapeMarkdown(source.date) : null,
    ].filter((part): part is string => part !== null);
    const url = source.url ? ` ${address(source.url)}` : "";
    lines.push(`${named.length === 1 ? "" : "- "}${about.join(", ")}.${url}`);
  }
  lines.push("");
  return lines;
}

/** The closing rule and line: where the brief came from, when, and the link that reopens it. */
export function briefFooter(options: BriefOptions, what: string): string[] {
  const footer = ["Made with Linkage Atlas from graph-data"];
  if (options.generatedAt) footer.push(`on ${escapeMarkdown(options.generatedAt)}`);
  const link = options.link ? ` Reopen this ${what}: ${address(options.link)}` : "";
  return ["---", "", `${footer.join(" ")}.${link}`];
}

/** "Traced from …; claims China holds; relations followed: links to; chains of up to two claims." */
function queryLine(graph: LinkageGraph, trace: Trace): string {
  const parts = [`Traced from ${escapeMarkdown(labelOf(graph, trace.target))}`];
  parts.push(
    trace.holder ? `claims ${escapeMarkdown(labelOf(graph, trace.holder))} holds` : "claims anyone holds",
  );
  if (trace.attribution)
    parts.push(`${ATTRIBUTION_STYLES[trace.attribution].label.toLowerCase()} claims only`);
  const relations = trace.relations.map((relation) => RELATION_STYLES[relation].label.toLowerCase());
  parts.push(`relations followed: ${listOf(relations)}`);
  if (trace.kinds) parts.push(`${kindNoun(trace.kinds).many} only`);
  parts.push(`chains of up to ${countOf(trace.depth, "claim")}`);
  return `*${parts.join("; ")}.*`;
}

/** A group's tree below its first node, as nested bullets, each step once. */
function chainLines(steps: readonly ChainStep[], indent: string): string[] {
  const lines: string[] = [];
  for (const branch of steps) {
    lines.push(`${indent}- ${stepMarkdown(branch.step)}`);
    lines.push(...chainLines(branch.next, `${indent}  `));
  }
  return lines;
}

export function traceBrief(graph: LinkageGraph, trace: Trace, options: BriefOptions = {}): string {
  const reading = readTrace(graph, trace);
  const lines = [`# ${escapeMarkdown(options.question ?? reading.question)}`, ""];
  lines.push(escapeMarkdown(reading.answer), "", queryLine(graph, trace), "");

  if (reading.direct.length) {
    lines.push(`## Direct ties (${reading.direct.length})`, "");
    for (const tie of reading.direct) for (const step of tie.steps) lines.push(`- ${stepMarkdown(step)}`);
    lines.push("");
  }
  if (reading.groups.length) {
    const chains = reading.groups.reduce((sum, group) => sum + group.chains, 0);
    lines.push(`## Chains (${chains})`, "");
    lines.push(
      "Longer chains, grouped by the node they pass through first. Each step is written in its claim's own direction; a step that several chains share is written once.",
      "",
    );
    for (const group of reading.groups) {
      lines.push(`### Through ${escapeMarkdown(group.label)}`, "");
      const goOn = `${countOf(group.chains, "chain goes", "chains go")} on`;
      if (group.direct) lines.push(`A direct tie (above), from which ${goOn}:`, "");
      else {
        lines.push(`Tied to ${escapeMarkdown(labelOf(graph, trace.target))} by:`, "");
        for (const step of group.first) lines.push(`- ${stepMarkdown(step)}`);
        lines.push("", `From there ${goOn}:`, "");
      }
      lines.push(...chainLines(group.next, ""), "");
    }
  }
  const claims = trace.results.flatMap((result) => result.paths.flatMap((path) => path.claims));
  lines.push(...findingsSection(graph, claims), ...sourceSection(graph, claims));
  lines.push(...briefFooter(options, "trace"));
  return `${lines.join("\n")}\n`;
}
