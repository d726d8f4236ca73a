// Claims as readable sentences for the perspective commands (compare, findings): labels instead of
// ids, the relation's verb from the vocabulary table, the qualifier, the holders and the finding ids.
import type { ClaimRecord } from "../../graph/records.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { RELATION_STYLES, type Relation } from "../../model/vocabulary.ts";

export interface ClaimWords {
  label(id: string): string;
  /** A finding reference as shown: `F3` when the graph has one source, `source-id#F3` otherwise. */
  finding(ref: string): string;
  /** With `speaker`, a claim whose source is the speaker starts at its verb: "opposes X". */
  sentence(claim: ClaimRecord, speaker?: string): string;
}

export function claimWords(graph: LinkageGraph): ClaimWords {
  const label = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const oneSource = graph.getAttribute("sources").length === 1;
  const finding = (ref: string) => (oneSource ? ref.slice(ref.lastIndexOf("#") + 1) : ref);
  const sentence = (claim: ClaimRecord, speaker?: string) => {
    const verb = RELATION_STYLES[claim.relation as Relation]?.verb ?? claim.relation;
    const qualifier = claim.qualifier ? ` — “${claim.qualifier}”` : "";
    const holders = claim.heldBy.map(label).join(" + ");
    const subject = claim.source === speaker ? "" : `${label(claim.source)} `;
    return `${subject}${verb} ${label(claim.target)}${qualifier}  [${holders}; ${claim.findings.map(finding).join(", ")}]`;
  };
  return { label, finding, sentence };
}
