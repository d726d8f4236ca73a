// What can be wrong with graph-data, as plain values: one Problem per fault, naming the file and
// where in it. Loading, validation and the CLI all speak this type; nothing here touches I/O.

export const PROBLEM_RULES = [
  "json-syntax",
  "model-version",
  "schema",
  "duplicate-id",
  "dangling-endpoint",
  "dangling-reference",
  "holder-not-actor",
  "stance-shape",
  "stance-holder",
  "linkage-shape",
  "unknown-finding",
  "uncited-finding",
  "orphan-node",
  "attribution-holders",
  "disputed-by",
  "inferred-note",
  "proposition-subject",
] as const;
export type ProblemRule = (typeof PROBLEM_RULES)[number];

export interface Problem {
  rule: ProblemRule;
  file: string;
  /** JSON path inside the file, such as `claims[3].heldBy[0]`. */
  path?: string;
  line?: number;
  column?: number;
  message: string;
}

export function formatProblem(problem: Problem): string {
  const where = [
    problem.file,
    problem.line !== undefined ? `line ${problem.line}, column ${problem.column ?? 1}` : undefined,
    problem.path,
  ]
    .filter(Boolean)
    .join(": ");
  return `${where}: ${problem.message} [${problem.rule}]`;
}

export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out || "(root)";
}
