// What backs a claim, under its sentence, wherever an answer prints one (the trace's steps, Compare's
// items): who holds it, its marks (inferred, hedged, open question), whether the document says two
// actors differ on it, why its holders are inferred, its evidence quote and its findings, each titled
// with its summary. Built from graph/answer.ts's StepReading, so every printer words it the same.
import type { StepReading } from "../../graph/answer.ts";
import type { FindingRecord } from "../../graph/build.ts";
import { asStatement, findingName } from "../../graph/sentences.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { el } from "./dom.ts";

/** The findings index, keyed also by the names a reader sees ("F3"), for titles. */
export interface FindingNames {
  summary(name: string): string;
}

export function findingNames(graph: LinkageGraph, index: ReadonlyMap<string, FindingRecord>): FindingNames {
  const name = findingName(graph);
  const byName = new Map([...index.values()].map((finding) => [name(finding.ref), finding.summary]));
  return { summary: (shown) => byName.get(shown) ?? "Not among the loaded findings." };
}

export interface ReadingOptions {
  /** False under a side's name (Compare), where the holder is named already. */
  holders?: boolean;
  /** False under "Differ, sides not stated", which already says who differs. */
  dispute?: boolean;
}

/** The lines under a claim's sentence: who and how, why inferred, the evidence quote. */
export function readingDetails(
  names: FindingNames,
  step: StepReading,
  options: ReadingOptions = {},
): HTMLElement[] {
  const orphan = step.claim.attribution !== "document" && !step.claim.heldBy.length;
  const who = options.holders === false ? "" : step.holders || (orphan ? "No holder named" : "");
  const meta = el(
    "p",
    { class: "reading-meta" },
    who ? el("span", { class: "reading-holders", text: who }) : null,
    ...step.markers.flatMap((marker) => [" ", el("span", { class: "claim-marker", text: marker })]),
    step.dispute && options.dispute !== false
      ? el("span", { class: "reading-dispute", text: ` ${asStatement(step.dispute)}` })
      : null,
    ...step.findings.flatMap((shown) => [
      " ",
      el("span", { class: "finding-id", text: shown, attrs: { title: names.summary(shown) } }),
    ]),
  );
  return [
    meta,
    ...(step.inferredBecause ? [el("p", { class: "claim-reason", text: step.inferredBecause })] : []),
    ...(step.evidence
      ? [
          el(
            "blockquote",
            { class: "evidence-quote reading-evidence" },
            el("p", { text: `“${step.evidence}”` }),
          ),
        ]
      : []),
  ];
}
