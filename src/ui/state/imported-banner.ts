// What the banner over an imported graph says about it: its name, its size, and what it carries of
// the model. It says only what the file gave: holders and findings are named when some claim has them,
// and said to be absent only when none has. Pure: reads the graph, writes nothing.
import { plural } from "../../graph/sentences.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { isImported } from "../../model/schema.ts";

/** How many claims name holders, and how many cite findings. */
function carried(graph: LinkageGraph): { held: number; cited: number } {
  let held = 0;
  let cited = 0;
  graph.forEachEdge((_claim, attributes) => {
    if (attributes.heldBy.length) held++;
    if (attributes.findings.length) cited++;
  });
  return { held, cited };
}

/** The part after the size: where the graph comes from, and what of holders and findings it has. */
export function importedStanding(graph: LinkageGraph): string {
  const curatedToo = graph.getAttribute("sources").some((source) => !isImported(source));
  if (curatedToo) return "a project file, not checked against graph-data";
  const { held, cited } = carried(graph);
  if (!held && !cited) return "not curated: no holders or findings";
  const holders = held ? `holders on ${plural(held, "claim")}` : "no holders";
  const findings = cited ? `findings on ${plural(cited, "claim")}` : "no findings";
  return `not curated: ${holders}, ${findings}, as the file gives them`;
}

export function importedBanner(name: string, graph: LinkageGraph): string {
  return `${name} · ${plural(graph.order, "node")}, ${plural(graph.size, "claim")} · ${importedStanding(graph)}`;
}
