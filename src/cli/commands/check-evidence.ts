// `linkage check-evidence --text FILE [--source ID] [files…]`: finds each finding's passage in the
// source document's plain text and checks every claim's evidence quote against the passages it cites.
// Reads the text file here; the checking is checkEvidence() in src/graph/evidence.ts.
import { readFileSync, statSync } from "node:fs";
import { z } from "zod";
import {
  type ClaimEvidence,
  checkEvidence,
  type EvidenceReport,
  type EvidenceStatus,
  evidenceSources,
  type FindingPlace,
  MAX_EVIDENCE_TEXT_BYTES,
  type NearestText,
} from "../../graph/evidence.ts";
import { UnknownSourceError } from "../../graph/findings-tour.ts";
import { suggestIds } from "../../graph/suggest.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { defineCommand, EXIT, printJson, UsageError } from "../command.ts";
import { readGraph } from "../io.ts";
import { reportProblems } from "./shared.ts";

export const checkEvidenceCommand = defineCommand({
  summary: "Check that every claim's evidence is a verbatim quote from a finding it cites",
  usage: "check-evidence --text <file> [--source <id>] [files or directories…] [--json]",
  options: {
    text: { type: "string", description: "the source document as plain text (UTF-8)" },
    source: {
      type: "string",
      description: "the source whose claims to check (default: the one curated source with openings)",
    },
  },
  values: z.object({
    text: z
      .string({ error: "is required: the source document as a plain-text file" })
      .min(1, { message: "needs a file name" }),
    source: z.string().min(1, { message: "needs a source id" }).optional(),
  }),
  positionals: [0, Number.POSITIVE_INFINITY],
  run({ values, positionals, json, io }) {
    const text = readDocument(values.text);
    if (!text.ok) {
      io.err(`linkage check-evidence: ${text.message}`);
      return EXIT.usage;
    }
    const loaded = readGraph(positionals);
    if (!loaded.ok) return reportProblems(io, loaded.problems);
    const report = checkSource(loaded.graph, chooseSource(loaded.graph, values.source), text.text);
    if (json) {
      const { source, findings, claims, unchecked, ok } = report;
      printJson(io, { source, text: values.text, findings, claims, unchecked, ok });
    } else io.out(reportLines(report, values.text, text.text).join("\n"));
    return report.ok ? EXIT.ok : EXIT.problem;
  },
});

type DocumentText = { ok: true; text: string } | { ok: false; message: string };

const READ_ERRORS: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EISDIR: "it is a directory",
};

/** The text file, refused when it is not a regular file, too large, or not UTF-8. */
function readDocument(path: string): DocumentText {
  const cannot = (reason: string): DocumentText => ({ ok: false, message: `cannot read ${path}: ${reason}` });
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return cannot("not a regular file");
    if (stats.size > MAX_EVIDENCE_TEXT_BYTES) {
      return cannot(
        `the file is ${(stats.size / 1024 / 1024).toFixed(1)} MB; a source text is limited to ${MAX_EVIDENCE_TEXT_BYTES / 1024 / 1024} MB`,
      );
    }
    // fatal: a Latin-1 or UTF-16 file would otherwise decode to text no quote can match.
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(path)) };
  } catch (error) {
    if (error instanceof TypeError) return cannot("the file is not UTF-8 text");
    const code = (error as NodeJS.ErrnoException).code ?? "";
    return cannot(READ_ERRORS[code] ?? String((error as Error).message));
  }
}

/** --source, or the one source there is to check; several (or none) is a usage error that lists them. */
function chooseSource(graph: LinkageGraph, wanted: string | undefined): string {
  const checkable = evidenceSources(graph);
  if (wanted !== undefined) return wanted;
  if (checkable.length === 1) return checkable[0] as string;
  if (checkable.length === 0) {
    throw new UsageError("no curated source has findings with openings, so there are no passages to check");
  }
  throw new UsageError(
    `${checkable.length} sources can be checked; choose one with --source: ${checkable.join(", ")}`,
  );
}

function checkSource(graph: LinkageGraph, source: string, text: string): EvidenceReport {
  try {
    return checkEvidence(graph, source, text);
  } catch (error) {
    if (!(error instanceof UnknownSourceError)) throw error;
    const near = suggestIds(
      source,
      evidenceSources(graph).map((id) => ({ id, label: id })),
    );
    const known = near.length ? near : evidenceSources(graph);
    throw new UsageError(
      `--source: unknown source "${source}"${known.length ? `; ${near.length ? "did you mean" : "the sources are"} ${known.map((id) => `"${id}"`).join(", ")}` : ""}`,
    );
  }
}

function reportLines(report: EvidenceReport, path: string, text: string): string[] {
  const lineOf = lineFinder(text);
  const short = (ref: string) =>
    ref.startsWith(`${report.source}#`) ? ref.slice(report.source.length + 1) : ref;
  const lines = [`Evidence of ${report.source} in ${path}`];
  const found = report.findings.filter((f) => f.found);
  lines.push(
    `Passages: ${found.map((f) => `${short(f.id)} line ${lineOf(f.offset as number)}`).join(", ") || "none found"}`,
  );
  for (const finding of report.findings.filter((f) => !f.found)) {
    lines.push("", ...openingLines(finding, short, lineOf));
  }
  const problems = report.claims.filter((c) => c.status !== "ok");
  for (const claim of problems) lines.push("", ...claimLines(claim, short, lineOf));
  if (report.unchecked.length) {
    lines.push("", `Not checked (they cite only other sources' findings): ${report.unchecked.join(", ")}`);
  }
  const missingOpenings = report.findings.length - found.length;
  lines.push(
    "",
    `${missingOpenings ? `${missingOpenings} of ${report.findings.length} finding openings not found; ` : ""}` +
      `${report.claims.length} claims checked, ${report.claims.length - problems.length} ok, ${problems.length} problems`,
  );
  return lines;
}

type Short = (ref: string) => string;
type LineOf = (offset: number) => number;

function openingLines(finding: FindingPlace, short: Short, lineOf: LineOf): string[] {
  return [
    `${short(finding.id)}: opening not found`,
    `    opening: ${finding.opening}`,
    nearestLine(finding.nearest, short, lineOf, "no text comes close"),
  ];
}

type Mismatch = Exclude<EvidenceStatus, "ok">;

const MISMATCH_WORDS: Record<Mismatch, (claim: ClaimEvidence, short: Short) => string> = {
  missing: () => "quote not in the text",
  "wrong-finding": (claim, short) =>
    claim.foundIn.length
      ? `quote found only in ${claim.foundIn.map(short).join(", ")}, not within a passage it cites`
      : "quote found only outside every finding's passage",
};

function claimLines(claim: ClaimEvidence, short: Short, lineOf: LineOf): string[] {
  const words = MISMATCH_WORDS[claim.status as Mismatch];
  return [
    `${claim.id} (cites ${claim.cites.map(short).join(", ")}): ${words(claim, short)}`,
    `    quote:   ${claim.evidence}`,
    nearestLine(claim.nearest, short, lineOf, "no passage comes close"),
  ];
}

function nearestLine(nearest: NearestText | null, short: Short, lineOf: LineOf, none: string): string {
  if (!nearest) return `    nearest: ${none}`;
  const where = nearest.finding ? `${short(nearest.finding)}, ` : "";
  return `    nearest (${where}line ${lineOf(nearest.offset)}): ${nearest.excerpt}`;
}

/** 1-based line of an offset, by binary search over the line starts. */
function lineFinder(text: string): LineOf {
  const starts = [0];
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
