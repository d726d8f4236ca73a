// The typed errors of the format layer. An ImportError says which file, and where in it (line, column
// or element), and what was wrong; an ExportError says which node or claim could not be written.

export interface ImportProblem {
  file: string;
  line?: number;
  column?: number;
  /** The element or entry at fault, such as `<node id="a">` or `nodes[3]`. */
  element?: string;
  message: string;
}

export function formatImportProblem(problem: ImportProblem): string {
  const where = [
    problem.file,
    problem.line !== undefined
      ? `line ${problem.line}${problem.column !== undefined ? `, column ${problem.column}` : ""}`
      : undefined,
    problem.element,
  ]
    .filter(Boolean)
    .join(": ");
  return `${where}: ${problem.message}`;
}

/** Nothing was imported: the file is malformed, too large, unsafe or does not hold a valid graph. */
export class ImportError extends Error {
  override name = "ImportError";
  readonly problems: ImportProblem[];
  constructor(problems: ImportProblem | ImportProblem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatImportProblem).join("\n"));
    this.problems = list;
  }
}

/** The file is larger than the import limit. */
export class FileTooLargeError extends ImportError {
  override name = "FileTooLargeError";
}

/** The XML declares a DOCTYPE, which could expand entities or fetch external ones: refused. */
export class UnsafeXmlError extends ImportError {
  override name = "UnsafeXmlError";
}

/** The graph cannot be written in the chosen format (for example a character XML 1.0 cannot hold). */
export class ExportError extends Error {
  override name = "ExportError";
}
