// `linkage show <id>`: a node, its claims in both directions (each with its evidence and how the document
// voices it), and the findings they cite.
import { z } from "zod";
import { citedFindings, claimRecord, nodeRecord } from "../../graph/records.ts";
import { defineCommand, EXIT, printJson } from "../command.ts";
import { readGraph } from "../io.ts";
import { claimWords } from "./sentences.ts";
import { reportProblems, requireNode } from "./shared.ts";

export const show = defineCommand({
  summary: "Show a node, its claims in both directions and the findings they cite",
  usage: "show <id> [--json]",
  options: {},
  values: z.object({}),
  positionals: [1, 1],
  run({ positionals, json, io }) {
    const loaded = readGraph();
    if (!loaded.ok) return reportProblems(io, loaded.problems);
    const { graph } = loaded;
    const id = positionals[0] as string;
    requireNode(graph, id);
    const node = nodeRecord(graph, id);
    const claims = [...graph.outEdges(id), ...graph.inEdges(id)].map((edge) => claimRecord(graph, edge));
    const findings = citedFindings(graph, claims);
    if (json) {
      printJson(io, { node, claims, findings });
      return EXIT.ok;
    }
    io.out(`${node.label}  (${node.id}, ${node.kind})`);
    if (node.aliases.length) io.out(`also: ${node.aliases.join("; ")}`);
    io.out(`\n${node.description}`);
    const words = claimWords(graph);
    const outgoing = claims.filter((c) => c.source === id);
    const incoming = claims.filter((c) => c.target === id);
    for (const [title, group] of [
      ["Claims from this node", outgoing],
      ["Claims to this node", incoming],
    ] as const) {
      if (!group.length) continue;
      io.out(`\n${title} (${group.length}):`);
      for (const claim of group) {
        io.out(`  ${words.sentence(claim)}  (${claim.id})`);
        if (claim.speaker) io.out(`      said by: ${claim.speaker}`);
        for (const line of words.details(claim, { note: true })) io.out(`      ${line}`);
      }
    }
    io.out(`\nFindings cited (${findings.length}):`);
    for (const finding of findings) io.out(`  ${finding.id}  ${finding.summary}`);
    return EXIT.ok;
  },
});
