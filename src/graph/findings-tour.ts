// The findings tour: a source's findings in order, F1 to Fn, each with the claims that rest on it and
// the nodes those claims join, so a presenter can walk through a document. Pure: reads a LinkageGraph
// and returns plain records (records.ts); runs in Node and in the browser.
//
// A claim rests on a finding when it cites it, whichever source the claim was read from. Claims in a
// step keep the graph's order (the order of the source file), which is the order an author chose.
import { UnknownNodeError } from "./errors.ts";
import type { PerspectiveOptions } from "./perspectives.ts";
import { type ClaimRecord, claimRecord } from "./records.ts";
import { suggestIds } from "./suggest.ts";
import type { LinkageGraph } from "./types.ts";

/** A source id the graph does not have; a kind of unknown id, so callers treat both alike. */
export class UnknownSourceError extends UnknownNodeError {
  override name = "UnknownSourceError";
}

export interface TourStep {
  /** 1-based position in the tour. */
  index: number;
  /** Qualified reference, `source-id#F3`. */
  id: string;
  /** The finding's own id, `F3`. */
  finding: string;
  source: string;
  summary: string;
  /** Visible claims that cite this finding, in graph order. */
  claims: ClaimRecord[];
  /** Nodes those claims join, in order of first appearance. */
  nodes: string[];
}

export interface FindingsTour {
  source: string;
  title: string;
  steps: TourStep[];
}

/** Throws UnknownSourceError, with the nearest source ids, for a source the graph does not have. */
export function findingsTour(
  graph: LinkageGraph,
  sourceId: string,
  options: PerspectiveOptions = {},
): FindingsTour {
  const sources = graph.getAttribute("sources");
  const source = sources.find((s) => s.id === sourceId);
  if (!source) {
    throw new UnknownSourceError(
      sourceId,
      suggestIds(
        sourceId,
        sources.map((s) => ({ id: s.id, label: s.title })),
      ),
    );
  }
  const prefix = `${sourceId}#`;
  const citing = new Map<string, string[]>();
  const { claim: claimShown, node: nodeShown } = options.filter ?? {};
  graph.forEachEdge((id, attributes, from, to, fromAttributes, toAttributes) => {
    let visible: boolean | undefined;
    for (const ref of attributes.findings) {
      if (!ref.startsWith(prefix)) continue;
      visible ??=
        (!claimShown || claimShown(id, attributes)) &&
        (!nodeShown || (nodeShown(from, fromAttributes) && nodeShown(to, toAttributes)));
      if (!visible) return;
      const list = citing.get(ref);
      if (list) list.push(id);
      else citing.set(ref, [id]);
    }
  });
  const steps = source.findings.map((finding, i): TourStep => {
    const id = `${prefix}${finding.id}`;
    const claims = (citing.get(id) ?? []).map((claim) => claimRecord(graph, claim));
    return {
      index: i + 1,
      id,
      finding: finding.id,
      source: sourceId,
      summary: finding.summary,
      claims,
      nodes: [...new Set(claims.flatMap((c) => [c.source, c.target]))],
    };
  });
  return { source: sourceId, title: source.title, steps };
}
