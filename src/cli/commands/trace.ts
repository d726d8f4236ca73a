// `linkage trace --target ID [--holder ID] [--depth N] [--relation R…] [--kind K…] [--attribution stated]
// [--json | --markdown]`: what a holder ties to a target. It opens with the answer in a sentence or two,
// then the direct ties and the longer chains grouped by the node they pass through, each step once, as
// readTrace (src/graph/answer.ts) reads them; --markdown prints the explorer's brief (trace-brief.ts).
import { z } from "zod";
import { type ChainStep, readTrace, type StepReading } from "../../graph/answer.ts";
import { citedFindings } from "../../graph/records.ts";
import { countOf, labelOf } from "../../graph/sentences.ts";
import { TRACE_DEPTH, traceLinkages } from "../../graph/trace.ts";
import { traceBrief } from "../../graph/trace-brief.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { NODE_KINDS } from "../../model/vocabulary.ts";
import { defineCommand, EXIT, printJson, UsageError } from "../command.ts";
import { type Output, readGraph } from "../io.ts";
import {
  depthOption,
  describeFilter,
  FILTER_OPTIONS,
  listOption,
  named,
  relationOption,
} from "../linkage-paths.ts";
import { type ClaimWords, claimWords } from "./sentences.ts";
import { ATTRIBUTION_OPTION, attributionOption, describeAttribution, reportProblems } from "./shared.ts";

/** `--kind` may repeat, and each value may list several kinds separated by commas. */
const kindOption = listOption(NODE_KINDS, "kind");

export const trace = defineCommand({
  summary:
    "Trace what a holder ties to a target: the answer, the direct ties and the chains, with their findings",
  usage:
    "trace --target <id> [--holder <id>] [--depth N] [--relation R…] [--kind K…] [--attribution stated] [--json | --markdown]",
  options: {
    target: { type: "string", description: "the node to trace from, such as issue:taiwan-arms-sales" },
    holder: FILTER_OPTIONS.holder,
    depth: {
      type: "string",
      description: `longest chain, in claims: ${TRACE_DEPTH.min} to ${TRACE_DEPTH.max} (default ${TRACE_DEPTH.default})`,
    },
    relation: FILTER_OPTIONS.relation,
    kind: {
      type: "string",
      multiple: true,
      description: `only results of this kind, repeatable: ${NODE_KINDS.join(", ")} (default: every kind); chains may pass through any kind`,
    },
    attribution: ATTRIBUTION_OPTION,
    markdown: {
      type: "boolean",
      description: "print the evidence brief as Markdown, as the explorer downloads it",
    },
  },
  values: z.object({
    target: z.string({ error: "is required: the node to trace from, such as issue:taiwan-arms-sales" }),
    holder: z.string().optional(),
    depth: depthOption(TRACE_DEPTH.default),
    relation: relationOption,
    kind: kindOption,
    attribution: attributionOption,
    markdown: z.boolean().optional(),
  }),
  positionals: [0, 0],
  run({ values, json, io }) {
    if (json && values.markdown)
      throw new UsageError("--json and --markdown print different things; give one");
    const loaded = readGraph();
    if (!loaded.ok) return reportProblems(io, loaded.problems);
    const { graph } = loaded;
    const trace = traceLinkages(graph, {
      target: values.target,
      holder: values.holder ?? null,
      depth: values.depth,
      ...(values.relation ? { relations: values.relation } : {}),
      kinds: values.kind ?? null,
      attribution: values.attribution ?? null,
    });
    if (values.markdown) {
      io.out(traceBrief(graph, trace).trimEnd());
      return EXIT.ok;
    }
    const findings = citedFindings(
      graph,
      trace.results.flatMap((r) => r.paths.flatMap((p) => p.claims)),
    );
    if (json) {
      printJson(io, { ...trace, findings });
      return EXIT.ok;
    }
    const reading = readTrace(graph, trace);
    io.out(reading.question);
    const kinds = trace.kinds ? ` · kinds: ${trace.kinds.join(", ")}` : "";
    io.out(
      `from ${named(graph, trace.target)} · ${describeFilter(graph, trace.holder, trace.relations)}${describeAttribution(trace.attribution)}${kinds} · depth ≤ ${trace.depth}`,
    );
    io.out(`\n${reading.answer}`);
    printReading(graph, io, reading);
    if (!findings.length) return EXIT.ok;
    const words = claimWords(graph);
    io.out(`\nFindings cited (${findings.length}):`);
    for (const finding of findings) io.out(`  ${words.finding(finding.id)}  ${finding.summary}`);
    return EXIT.ok;
  },
});

/** A step as the terminal shows it: its sentence with holders and findings, its evidence under it. */
function stepLines(words: ClaimWords, step: StepReading, indent: string): string[] {
  return [
    `${indent}• ${words.sentence(step.claim)}`,
    ...words.details(step.claim).map((line) => `${indent}    ${line}`),
  ];
}

function branchLines(words: ClaimWords, branches: readonly ChainStep[], indent: string): string[] {
  return branches.flatMap((branch) => [
    ...stepLines(words, branch.step, indent),
    ...branchLines(words, branch.next, `${indent}  `),
  ]);
}

function printReading(graph: LinkageGraph, io: Output, reading: ReturnType<typeof readTrace>): void {
  const words = claimWords(graph);
  if (reading.direct.length) {
    io.out(`\nDirect ties (${reading.direct.length})`);
    for (const tie of reading.direct)
      for (const step of tie.steps) io.out(stepLines(words, step, "  ").join("\n"));
  }
  for (const group of reading.groups) {
    const goOn = `${countOf(group.chains, "chain goes", "chains go")} on`;
    if (group.direct) io.out(`\nThrough ${group.label}: a direct tie, from which ${goOn}`);
    else {
      const target = labelOf(graph, group.first[0]?.from ?? "");
      io.out(`\nThrough ${group.label}, tied to ${target} by`);
      for (const step of group.first) io.out(stepLines(words, step, "  ").join("\n"));
      io.out(`  from which ${goOn}:`);
    }
    io.out(branchLines(words, group.next, group.direct ? "  " : "    ").join("\n"));
  }
}
