// Claims as readable text for the terminal, for every command that prints them (show, trace, path,
// compare, findings): the claim's sentence as src/graph/sentences.ts writes it for every front end, then
// its holders and finding ids in brackets, and how the document voices it (claimVoice in records.ts):
// [inferred] with why, [hedged] or [open question], and the evidence quote under it.
import { PATTERN_TEXT } from "../../graph/perspectives.ts";
import { type ClaimRecord, claimVoice } from "../../graph/records.ts";
import { claimSentence, findingName, labelOf } from "../../graph/sentences.ts";
import { type LinkagePath, pathSteps } from "../../graph/trace.ts";
import type { LinkageGraph } from "../../graph/types.ts";

export interface ClaimWords {
  label(id: string): string;
  /** A finding reference as shown: `F3` when the graph has one source, `source-id#F3` otherwise. */
  finding(ref: string): string;
  /**
   * The claim as a sentence with its holders, findings and markers. With `speaker`, the speaker's own
   * stance (its source the speaker, or a joint stance the speaker holds) starts at its verb: "opposes X".
   * The document's own claims start "The document says".
   */
  sentence(claim: ClaimRecord, speaker?: string): string;
  /** "[inferred] [hedged]": the claim's markers, each in brackets, after a space; "" when it has none. */
  markers(claim: ClaimRecord): string;
  /** Who holds it, for a chain step: "held by China + United States", or "The document says". */
  holders(claim: ClaimRecord): string;
  /**
   * The lines under a claim: its evidence quote, the actors it says differ on it (sides not stated), and
   * for inferred holders why they are read so. With `note`, the note is shown for every claim.
   */
  details(claim: ClaimRecord, options?: { note?: boolean }): string[];
}

export function claimWords(graph: LinkageGraph): ClaimWords {
  const label = (id: string) => labelOf(graph, id);
  const finding = findingName(graph);
  const markers = (claim: ClaimRecord) =>
    claimVoice(claim)
      .markers.map((marker) => ` [${marker}]`)
      .join("");
  const holders = (claim: ClaimRecord) =>
    claimVoice(claim).lead ?? `held by ${claim.heldBy.map(label).join(" + ")}`;
  const sentence = (claim: ClaimRecord, speaker?: string) => {
    const cited = claim.findings.map(finding).join(", ");
    const about = claimVoice(claim).lead ? cited : `${claim.heldBy.map(label).join(" + ")}; ${cited}`;
    const said = claimSentence(graph, claim, speaker === undefined ? {} : { speaker });
    return `${said}  [${about}]${markers(claim)}`;
  };
  const details = (claim: ClaimRecord, options: { note?: boolean } = {}) => {
    const voice = claimVoice(claim);
    const lines: string[] = [];
    if (voice.evidence) lines.push(`“${voice.evidence}”`);
    if (claim.disputedBy.length)
      lines.push(`${PATTERN_TEXT["sides-not-stated"].title}: ${claim.disputedBy.map(label).join(", ")}`);
    // The [inferred] marker is on the claim's own line; its note says why.
    if (voice.inferredBecause) lines.push(`Why inferred: ${voice.inferredBecause}`);
    else if (options.note && claim.note) lines.push(claim.note);
    return lines;
  };
  return { label, finding, sentence, markers, holders, details };
}

/**
 * A path as lines: each node's label, and between two nodes the claim that joins them, with its evidence
 * under it. The arrow always points from the claim's source to its target, so `A ←links-to (contingent
 * on)— B` reads "B is linked to A, contingent on", reached by walking the claim backwards.
 */
export function chainLines(graph: LinkageGraph, path: LinkagePath, indent: string): string[] {
  const words = claimWords(graph);
  const lines = [`${indent}${words.label(path.nodes[0] as string)}`];
  for (const step of pathSteps(path)) {
    const { claim } = step;
    const how = `${claim.relation}${claim.qualifier ? ` (${claim.qualifier})` : ""}`;
    const arrow = step.forward ? `—${how}→` : `←${how}—`;
    lines.push(
      `${indent}  ${arrow}  [${claim.id}; ${words.holders(claim)}; ${claim.findings.join(", ")}]${words.markers(claim)}`,
    );
    for (const line of words.details(claim)) lines.push(`${indent}      ${line}`);
    lines.push(`${indent}${words.label(step.to)}`);
  }
  return lines;
}
