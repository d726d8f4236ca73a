// The evidence brief of a trace: a Markdown document an analyst can paste into a report, with the
// question, every chain step by step (each step quoting its evidence and saying who the document says
// holds it), and every cited finding with its source. Pure text out of a graph and a Trace (trace.ts);
// no DOM, so the explorer, the CLI and the tests share it.
import { ATTRIBUTION_STYLES, RELATION_STYLES, type Relation } from "../model/vocabulary.ts";
import { findingIndex } from "./build.ts";
import { PATTERN_TEXT } from "./perspectives.ts";
import { type ClaimRecord, claimVoice } from "./records.ts";
import { pathSteps, type Trace } from "./trace.ts";
import type { LinkageGraph } from "./types.ts";

export interface BriefOptions {
  /** The question as the user asked it (a preset's wording); by default one is made from the trace. */
  question?: string;
  /** An address that reopens the trace, cited at the end. */
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

/** An inline code span that survives backticks in the text. */
function code(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = "`".repeat(Math.max(0, ...runs.map((run) => run.length)) + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** An autolink, or the bare escaped text when the address could break out of one. */
function address(url: string): string {
  return /^[a-z][a-z0-9+.-]*:[^\s<>]*$/i.test(url) ? `<${url}>` : escapeMarkdown(url);
}

const labelOf = (graph: LinkageGraph, id: string): string =>
  graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id;

function relationVerb(relation: string): string {
  return RELATION_STYLES[relation as Relation]?.verb ?? relation;
}

function relationLabel(relation: string): string {
  return (RELATION_STYLES[relation as Relation]?.label ?? relation).toLowerCase();
}

/** The question a trace answers, as the CLI asks it: "What does China tie to US arms sales to Taiwan?" */
export function traceQuestion(graph: LinkageGraph, trace: Pick<Trace, "target" | "holder">): string {
  const target = labelOf(graph, trace.target);
  return trace.holder
    ? `What does ${labelOf(graph, trace.holder)} tie to ${target}?`
    : `What is tied to ${target}?`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Who holds a step's claim, as the document puts it: its holders, why they are inferred, or no one. */
function holdersSentence(graph: LinkageGraph, claim: ClaimRecord): string {
  const voice = claimVoice(claim);
  const names = (ids: readonly string[]) => ids.map((id) => escapeMarkdown(labelOf(graph, id))).join(" and ");
  if (voice.lead) {
    const differ = claim.disputedBy.length
      ? ` ${PATTERN_TEXT["sides-not-stated"].title}: ${names(claim.disputedBy)}.`
      : "";
    return `No actor holds it.${differ}`;
  }
  const holders = `Held by ${names(claim.heldBy) || "no one named"}`;
  return voice.inferredBecause
    ? `${holders} (*${ATTRIBUTION_STYLES.inferred.badge}*). ${escapeMarkdown(voice.inferredBecause.trim().replace(/[^.!?]$/, "$&."))}`
    : `${holders}.`;
}

/**
 * One step of a chain, as a sentence in the claim's own direction ("The document says …" for its own
 * voice), with its hedge, its holders, its evidence quote and its findings.
 */
function stepLine(
  graph: LinkageGraph,
  claim: ClaimRecord,
  forward: boolean,
  shortFinding: (ref: string) => string,
): string {
  const voice = claimVoice(claim);
  const lead = voice.lead ? `${voice.lead} ` : "";
  const sentence = `${lead}${escapeMarkdown(labelOf(graph, claim.source))} **${relationVerb(claim.relation)}** ${escapeMarkdown(labelOf(graph, claim.target))}`;
  const qualifier = claim.qualifier ? `, “${escapeMarkdown(claim.qualifier)}”` : "";
  const direction = forward ? "followed source to target" : "followed back from target to source";
  const how = voice.hedge ? `*${voice.hedge}*; ${direction}` : direction;
  const evidence = voice.evidence ? ` Evidence: “${escapeMarkdown(voice.evidence)}”.` : "";
  const findings = claim.findings.map(shortFinding).join(", ");
  return `${sentence}${qualifier} (${how}). ${holdersSentence(graph, claim)}${evidence} Cites ${findings || "no finding"}. Claim ${code(claim.id)}.`;
}

export function traceBrief(graph: LinkageGraph, trace: Trace, options: BriefOptions = {}): string {
  const findings = findingIndex(graph);
  const sources = new Map(graph.getAttribute("sources").map((source) => [source.id, source]));
  const cited: string[] = [];
  const citedSet = new Set<string>();
  const chains = trace.results.reduce((sum, result) => sum + result.paths.length, 0);
  for (const result of trace.results)
    for (const path of result.paths)
      for (const claim of path.claims)
        for (const ref of claim.findings)
          if (!citedSet.has(ref)) {
            citedSet.add(ref);
            cited.push(ref);
          }
  // Short ids (F3) read best; a graph of several sources needs the qualified ref to stay unambiguous.
  const shortIds = new Map<string, string[]>();
  for (const ref of cited) {
    const id = findings.get(ref)?.id ?? ref;
    shortIds.set(id, [...(shortIds.get(id) ?? []), ref]);
  }
  const shortFinding = (ref: string): string => {
    const id = findings.get(ref)?.id ?? ref;
    return (shortIds.get(id)?.length ?? 0) > 1 ? code(ref) : escapeMarkdown(id);
  };

  const lines: string[] = [];
  const question = options.question ?? traceQuestion(graph, trace);
  lines.push(`# ${escapeMarkdown(question)}`, "");
  lines.push(`- **Traced from:** ${escapeMarkdown(labelOf(graph, trace.target))} (${code(trace.target)})`);
  lines.push(
    `- **Claims held by:** ${trace.holder ? `${escapeMarkdown(labelOf(graph, trace.holder))} (${code(trace.holder)}) only` : "anyone"}`,
  );
  lines.push(`- **Relations followed:** ${trace.relations.map(relationLabel).join(", ")}`);
  if (trace.attribution)
    lines.push(`- **Attribution:** ${ATTRIBUTION_STYLES[trace.attribution].label.toLowerCase()} claims only`);
  lines.push(`- **Longest chain:** ${plural(trace.depth, "claim")}`);
  lines.push(
    `- **Answer:** ${plural(trace.results.length, "node")} reached through ${plural(chains, "chain")}, citing ${plural(cited.length, "finding")}`,
  );
  lines.push("");
  if (trace.results.length === 0) {
    lines.push(
      `Nothing is reached: no claim with these relations${trace.attribution ? ", this attribution" : ""} and this holder touches the target.`,
      "",
    );
  } else {
    lines.push(
      "A chain runs from the traced node outwards, one claim a step. Each step is written in its claim's own direction; being tied is mutual, so a chain may follow a claim back from its target to its source, and the step says so.",
      "",
    );
  }

  let distance = 0;
  trace.results.forEach((result, index) => {
    if (result.distance !== distance) {
      distance = result.distance;
      const count = trace.results.filter((r) => r.distance === distance).length;
      lines.push(`## Distance ${distance}: ${plural(count, "node")}`, "");
    }
    lines.push(`### ${index + 1}. ${escapeMarkdown(result.label)} (${code(result.node)})`, "");
    result.paths.forEach((path, p) => {
      const route = path.nodes.map((node) => escapeMarkdown(labelOf(graph, node))).join(" → ");
      const heading = result.paths.length > 1 ? `Chain ${p + 1} of ${result.paths.length}` : "Chain";
      lines.push(`${heading}: ${route}`, "");
      pathSteps(path).forEach((step, s) => {
        lines.push(`${s + 1}. ${stepLine(graph, step.claim, step.forward, shortFinding)}`);
      });
      lines.push("");
    });
  });

  lines.push(`## Findings cited (${cited.length})`, "");
  if (cited.length === 0) lines.push("None.", "");
  for (const ref of cited) {
    const finding = findings.get(ref);
    if (!finding) {
      lines.push(`- ${code(ref)}: not among the loaded findings.`);
      continue;
    }
    const source = sources.get(finding.sourceId);
    const about = [
      source?.title ? `*${escapeMarkdown(source.title)}*` : escapeMarkdown(finding.sourceId),
      source?.publisher ? escapeMarkdown(source.publisher) : null,
      source?.date ? escapeMarkdown(source.date) : null,
    ].filter((part): part is string => part !== null);
    const url = source?.url ? ` ${address(source.url)}` : "";
    // A trailing backslash is CommonMark's hard line break: the source sits under its finding.
    lines.push(`- **${shortFinding(ref)}** ${escapeMarkdown(finding.summary)}\\`);
    lines.push(`  Source: ${about.join(", ")}.${url}`);
  }
  lines.push("");
  const footer = ["Made with Linkage Atlas from graph-data"];
  if (options.generatedAt) footer.push(`on ${escapeMarkdown(options.generatedAt)}`);
  lines.push(
    `---`,
    "",
    `${footer.join(" ")}.${options.link ? ` Reopen this trace: ${address(options.link)}` : ""}`,
  );
  return `${lines.join("\n")}\n`;
}
