// The integrity rules that hold across all loaded sources: unique ids, endpoints that exist,
// holders that are actors, stances held by their actor, findings that exist and are all cited,
// no node without a claim, holders that match the attribution, and propositions tied to their subject. Pure: takes loaded sources, returns Problems. An imported graph
// (provenance "imported") keeps the rules on ids and references, but not those that only a curated
// reading can meet: stance and linkage shapes, every finding cited, no node without a claim.
import { isImported, kindOf, qualifyFinding, splitFindingRef } from "../model/schema.ts";
import type { NodeKind } from "../model/vocabulary.ts";
import type { AnyLoadedSource } from "./load.ts";
import type { Problem } from "./problems.ts";

export function checkIntegrity(sources: readonly AnyLoadedSource[]): Problem[] {
  const problems: Problem[] = [];
  const nodeIds = new Set<string>();
  const claimIds = new Map<string, string>();
  const sourceIds = new Map<string, string>();
  const findingsBySource = new Map<string, Set<string>>();
  const cited = new Set<string>();
  const touched = new Set<string>();
  // Nodes at one end of a links-to claim whose other end is not an actor: what a proposition needs.
  const tiedToSubject = new Set<string>();
  // Imported ids carry no kind prefix, so an imported holder's kind comes from its node.
  const kinds = new Map<string, NodeKind>();

  for (const { file, data } of sources) {
    const previous = sourceIds.get(data.source.id);
    if (previous !== undefined) {
      problems.push({
        rule: "duplicate-id",
        file,
        path: "source.id",
        message: `source id "${data.source.id}" is already used by ${previous}`,
      });
    }
    sourceIds.set(data.source.id, file);
    const findingIds = new Set<string>();
    data.source.findings.forEach((finding, index) => {
      if (findingIds.has(finding.id)) {
        problems.push({
          rule: "duplicate-id",
          file,
          path: `source.findings[${index}].id`,
          message: `finding id "${finding.id}" appears twice in this source`,
        });
      }
      findingIds.add(finding.id);
    });
    findingsBySource.set(data.source.id, findingIds);

    // The same node id in two files is the same node, so uniqueness is per file.
    const inThisFile = new Set<string>();
    data.nodes.forEach((node, index) => {
      if (inThisFile.has(node.id)) {
        problems.push({
          rule: "duplicate-id",
          file,
          path: `nodes[${index}].id`,
          message: `node id "${node.id}" appears twice in this file`,
        });
      }
      inThisFile.add(node.id);
      nodeIds.add(node.id);
      if (!kinds.has(node.id)) kinds.set(node.id, node.kind);
    });
  }

  for (const { file, data } of sources) {
    const imported = isImported(data.source);
    data.nodes.forEach((node, index) => {
      node.about?.forEach((ref, refIndex) => {
        if (!nodeIds.has(ref)) {
          problems.push({
            rule: "dangling-reference",
            file,
            path: `nodes[${index}].about[${refIndex}]`,
            message: `node "${node.id}" is about "${ref}", which no source defines`,
          });
        }
      });
    });

    data.claims.forEach((claim, index) => {
      const at = (suffix: string) => `claims[${index}]${suffix}`;
      const previous = claimIds.get(claim.id);
      if (previous !== undefined) {
        problems.push({
          rule: "duplicate-id",
          file,
          path: at(".id"),
          message: `claim id "${claim.id}" is already used in ${previous}`,
        });
      }
      claimIds.set(claim.id, file);

      for (const end of ["source", "target"] as const) {
        if (!nodeIds.has(claim[end])) {
          problems.push({
            rule: "dangling-endpoint",
            file,
            path: at(`.${end}`),
            message: `claim "${claim.id}" has ${end} "${claim[end]}", which no source defines`,
          });
        } else {
          touched.add(claim[end]);
        }
      }

      const heldBy = claim.heldBy ?? [];
      // An actor that holds a claim, or that the document says differs on one, is part of the graph
      // even at neither end of a claim: a file of what both sides agree on keeps both sides.
      for (const actor of [...heldBy, ...(claim.disputedBy ?? [])]) touched.add(actor);
      heldBy.forEach((holder, holderIndex) => {
        const holderKind = imported ? (kinds.get(holder) ?? kindOf(holder)) : kindOf(holder);
        if (holderKind !== "actor") {
          problems.push({
            rule: "holder-not-actor",
            file,
            path: at(`.heldBy[${holderIndex}]`),
            message: `claim "${claim.id}" is held by "${holder}", which is not an actor`,
          });
        } else if (!nodeIds.has(holder)) {
          problems.push({
            rule: "dangling-reference",
            file,
            path: at(`.heldBy[${holderIndex}]`),
            message: `claim "${claim.id}" is held by "${holder}", which no source defines`,
          });
        }
      });
      if (new Set(heldBy).size !== heldBy.length) {
        problems.push({
          rule: "duplicate-id",
          file,
          path: at(".heldBy"),
          message: `claim "${claim.id}" names the same holder twice`,
        });
      }

      checkAttribution(claim, imported, (problem) => problems.push({ file, ...problem }), at, kinds, nodeIds);

      const sourceKind = kindOf(claim.source);
      const targetKind = kindOf(claim.target);
      if (claim.relation === "links-to") {
        if (targetKind !== "actor") tiedToSubject.add(claim.source);
        if (sourceKind !== "actor") tiedToSubject.add(claim.target);
      }
      if (imported) {
        // A foreign graph's edges need not have a curated claim's shape.
      } else if (claim.relation === "links-to") {
        if (claim.source === claim.target) {
          problems.push({
            rule: "linkage-shape",
            file,
            path: at(".target"),
            message: `linkage "${claim.id}" ties "${claim.source}" to itself`,
          });
        } else if (sourceKind === "actor" && targetKind === "actor") {
          problems.push({
            rule: "linkage-shape",
            file,
            path: at(".source"),
            message: `linkage "${claim.id}" joins two actors; a linkage needs an issue or treaty at one end at least`,
          });
        }
      } else {
        if (sourceKind !== "actor" || targetKind === "actor") {
          problems.push({
            rule: "stance-shape",
            file,
            path: at(".relation"),
            message: `claim "${claim.id}" is a stance ("${claim.relation}"), so it must run from an actor to an issue or treaty, not from "${claim.source}" to "${claim.target}"`,
          });
        } else if (!heldBy.includes(claim.source)) {
          problems.push({
            rule: "stance-holder",
            file,
            path: at(".heldBy"),
            message: `stance "${claim.id}" is ${claim.source}'s, so heldBy must include "${claim.source}"`,
          });
        }
      }

      (claim.findings ?? []).forEach((ref, refIndex) => {
        const qualified = qualifyFinding(ref, data.source.id);
        const { source, finding } = splitFindingRef(qualified);
        if (!findingsBySource.get(source)?.has(finding)) {
          problems.push({
            rule: "unknown-finding",
            file,
            path: at(`.findings[${refIndex}]`),
            message: `claim "${claim.id}" cites "${ref}", but ${findingsBySource.has(source) ? `source "${source}" has no finding ${finding}` : `no source "${source}" is loaded`}`,
          });
        } else {
          cited.add(qualified);
        }
      });
    });
  }

  for (const { file, data } of sources) {
    if (isImported(data.source)) continue;
    data.source.findings.forEach((finding, index) => {
      if (!cited.has(`${data.source.id}#${finding.id}`)) {
        problems.push({
          rule: "uncited-finding",
          file,
          path: `source.findings[${index}]`,
          message: `finding ${finding.id} of "${data.source.id}" is cited by no claim`,
        });
      }
    });
    data.nodes.forEach((node, index) => {
      if (node.proposition && !tiedToSubject.has(node.id)) {
        problems.push({
          rule: "proposition-subject",
          file,
          path: `nodes[${index}]`,
          message: `"${node.id}" is a proposition, so a links-to claim must tie it to what it is about (an issue or treaty); none does`,
        });
      }
      if (!touched.has(node.id)) {
        problems.push({
          rule: "orphan-node",
          file,
          path: `nodes[${index}]`,
          message: `node "${node.id}" is the source or target of no claim, and holds none`,
        });
        touched.add(node.id); // report a node defined in two files once
      }
    });
  }
  return problems;
}

type ClaimShape = {
  id: string;
  heldBy?: string[] | undefined;
  attribution?: string | undefined;
  disputedBy?: string[] | undefined;
  note?: string | undefined;
};

/**
 * Holders must match the attribution: none exactly when the document speaks in its own voice; a
 * difference with unassigned sides (disputedBy) is the document's report, between actors; an inferred
 * holder needs a note that says why. An imported edge that records no attribution is not checked.
 */
function checkAttribution(
  claim: ClaimShape,
  imported: boolean,
  report: (problem: Omit<Problem, "file">) => void,
  at: (suffix: string) => string,
  kinds: Map<string, NodeKind>,
  nodeIds: Set<string>,
): void {
  const heldBy = claim.heldBy ?? [];
  const attribution = claim.attribution ?? (imported ? undefined : "stated");
  if (attribution === "document" && heldBy.length > 0) {
    report({
      rule: "attribution-holders",
      path: at(".heldBy"),
      message: `claim "${claim.id}" is in the document's own voice (attribution "document"), so heldBy must be empty; name the actors in disputedBy if the document says they differ on it`,
    });
  } else if (attribution !== undefined && attribution !== "document" && heldBy.length === 0) {
    report({
      rule: "attribution-holders",
      path: at(".heldBy"),
      message: `claim "${claim.id}" has no holders, so its attribution must be "document" (the summary's own voice), not "${attribution}"`,
    });
  }
  if (claim.disputedBy) {
    if (attribution !== "document") {
      report({
        rule: "disputed-by",
        path: at(".disputedBy"),
        message: `claim "${claim.id}" names actors in disputedBy, which only a claim with attribution "document" may do: the document reports the difference without assigning sides`,
      });
    }
    claim.disputedBy.forEach((actor, index) => {
      const kind = kinds.get(actor) ?? kindOf(actor);
      if (kind !== "actor" || !nodeIds.has(actor)) {
        report({
          rule: "disputed-by",
          path: at(`.disputedBy[${index}]`),
          message: `claim "${claim.id}" is disputed by "${actor}", which is ${nodeIds.has(actor) ? "not an actor" : "defined by no source"}; disputedBy names actors`,
        });
      }
    });
    if (new Set(claim.disputedBy).size !== claim.disputedBy.length) {
      report({
        rule: "disputed-by",
        path: at(".disputedBy"),
        message: `claim "${claim.id}" names the same actor twice in disputedBy`,
      });
    }
  }
  if (attribution === "inferred" && !claim.note?.trim()) {
    report({
      rule: "inferred-note",
      path: at(".note"),
      message: `claim "${claim.id}" has inferred holders, so its note must say why they are read as holding it`,
    });
  }
}
