// `linkage show <id> [--file F…]`: a node, its claims in both directions (each with its evidence and how
// the document voices it), and the findings they cite, from graph-data or the source files given. Ids are
// looked up and printed as the files write them, whatever key the graph gives them (build.ts: graphKey).
import { z } from "zod";
import { originalId } from "../../graph/build.ts";
import { type ClaimRecord, citedFindings, claimRecord, nodeRecord } from "../../graph/records.ts";
import { defineCommand, EXIT, printJson } from "../command.ts";
import { readGraph } from "../io.ts";
import { claimWords } from "./sentences.ts";
import { reportProblems, requireNode } from "./shared.ts";

/** A claim record with the ids its files give, where the graph holds keys. */
function filedClaim(claim: ClaimRecord): ClaimRecord {
  return {
    ...claim,
    id: originalId(claim.id),
    source: originalId(claim.source),
    target: originalId(claim.target),
    heldBy: claim.heldBy.map(originalId),
    disputedBy: claim.disputedBy.map(originalId),
  };
}

export const show = defineCommand({
  summary: "Show a node, its claims in both directions and the findings they cite",
  usage: "show <id> [--file <source file or directory>…] [--json]",
  options: {
    file: {
      type: "string",
      multiple: true,
      description: "read this source file or directory instead of graph-data (repeat for more)",
    },
  },
  values: z.object({ file: z.array(z.string().min(1, { message: "needs a file name" })).optional() }),
  positionals: [1, 1],
  run({ values, positionals, json, io }) {
    const loaded = readGraph(values.file ?? []);
    if (!loaded.ok) return reportProblems(io, loaded.problems);
    const { graph } = loaded;
    const key = requireNode(graph, positionals[0] as string);
    const node = { ...nodeRecord(graph, key), id: originalId(key) };
    const claims = [...graph.outEdges(key), ...graph.inEdges(key)].map((edge) => claimRecord(graph, edge));
    const findings = citedFindings(graph, claims);
    if (json) {
      printJson(io, { node, claims: claims.map(filedClaim), findings });
      return EXIT.ok;
    }
    io.out(`${node.label}  (${node.id}, ${node.kind})`);
    if (node.aliases.length) io.out(`also: ${node.aliases.join("; ")}`);
    io.out(`\n${node.description}`);
    const words = claimWords(graph);
    for (const [title, group] of [
      ["Claims from this node", claims.filter((c) => c.source === key)],
      ["Claims to this node", claims.filter((c) => c.target === key)],
    ] as const) {
      if (!group.length) continue;
      io.out(`\n${title} (${group.length}):`);
      for (const claim of group) {
        io.out(`  ${words.sentence(claim)}  (${originalId(claim.id)})`);
        if (claim.speaker) io.out(`      said by: ${claim.speaker}`);
        for (const line of words.details(claim, { note: true })) io.out(`      ${line}`);
      }
    }
    io.out(`\nFindings cited (${findings.length}):`);
    for (const finding of findings) io.out(`  ${finding.id}  ${finding.summary}`);
    return EXIT.ok;
  },
});
