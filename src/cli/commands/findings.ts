// `linkage findings [--source ID]`: each finding of each source (or of one), in order, with the claims
// that rest on it. A printer over findingsTour() in src/graph/findings-tour.ts.
import { z } from "zod";
import { findingsTour } from "../../graph/findings-tour.ts";
import { defineCommand, EXIT, printJson } from "../command.ts";
import { readGraph } from "../io.ts";
import { claimWords } from "./sentences.ts";
import { reportProblems } from "./shared.ts";

export const findings = defineCommand({
  summary: "List each finding with the claims that rest on it",
  usage: "findings [--source <id>] [--json]",
  options: {
    source: { type: "string", description: "only this source's findings (default: every source)" },
  },
  values: z.object({ source: z.string().min(1, { message: "needs a source id" }).optional() }),
  positionals: [0, 0],
  run({ values, json, io }) {
    const loaded = readGraph();
    if (!loaded.ok) return reportProblems(io, loaded.problems);
    const { graph } = loaded;
    const sources = values.source ? [values.source] : graph.getAttribute("sources").map((s) => s.id);
    const tours = sources.map((source) => findingsTour(graph, source));
    if (json) {
      printJson(io, { findings: tours.flatMap((tour) => tour.steps) });
      return EXIT.ok;
    }
    const words = claimWords(graph);
    const lines: string[] = [];
    for (const tour of tours) {
      if (lines.length) lines.push("");
      lines.push(`${tour.title} (${tour.source}): ${tour.steps.length} findings`);
      for (const step of tour.steps) {
        lines.push("", `${words.finding(step.id)}  ${step.summary}`);
        if (!step.claims.length) lines.push("    (no claim rests on this finding)");
        for (const claim of step.claims) {
          lines.push(`    • ${words.sentence(claim)}`);
          for (const line of words.details(claim)) lines.push(`        ${line}`);
        }
      }
    }
    io.out(lines.join("\n"));
    return EXIT.ok;
  },
});
