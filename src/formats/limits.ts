// The bounds every import checks before and while it reads: file size, label and id length, id type.
// Shared by every reader and by both front ends, which check the byte size before reading a file.
import { MAX_IMPORTED_TEXT } from "../model/schema.ts";
import { FileTooLargeError, ImportError, type ImportProblem } from "./errors.ts";

export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
export const MAX_LABEL_LENGTH = MAX_IMPORTED_TEXT;
/** XML elements nested deeper than this are refused: GEXF and GraphML need fewer than ten levels. */
export const MAX_XML_DEPTH = 256;
/**
 * Nodes and edges together in one GEXF or GraphML file. The byte limit alone does not bound the
 * graph: 100 MB of bare `<node id="…"/>` is five million nodes, more than any heap here holds. A
 * million, with their attributes, import on a 1.5 GB heap (README, Formats, Safety).
 */
export const MAX_IMPORT_ELEMENTS = 1_000_000;

/** Throws FileTooLargeError when a file of `bytes` bytes is over the import limit. */
export function checkFileSize(file: string, bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    throw new FileTooLargeError({
      file,
      message: `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; imports are limited to ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
    });
  }
}

/** A decoded text has at most as many UTF-16 units as its UTF-8 file had bytes, so this bound is safe. */
export function checkTextSize(file: string, text: string): void {
  if (text.length > MAX_IMPORT_BYTES) checkFileSize(file, text.length);
}

/** An id as a string: strings and finite numbers are ids, anything else is refused. */
type Where = Omit<ImportProblem, "message">;
/** Where a value sits, or a function that says so: made only when there is an error to report. */
export type LazyWhere = Where | (() => Where);
const resolve = (where: LazyWhere): Where => (typeof where === "function" ? where() : where);

/** Throws when a file's `count`th node or edge (`where`) is one more than imports take. */
export function checkElementCount(count: number, where: LazyWhere): void {
  if (count <= MAX_IMPORT_ELEMENTS) return;
  const limit = MAX_IMPORT_ELEMENTS.toLocaleString("en-US");
  throw new ImportError({
    ...resolve(where),
    message: `the file holds more than ${limit} nodes and edges; imports are limited to ${limit}`,
  });
}

export function idOf(value: unknown, lazyWhere: LazyWhere, what = "id"): string {
  if (typeof value === "string" && value.length > 0 && value.length <= MAX_LABEL_LENGTH) return value;
  const where = resolve(lazyWhere);
  if (typeof value === "string") {
    if (value.length === 0) throw new ImportError({ ...where, message: `the ${what} is empty` });
    if (value.length > MAX_LABEL_LENGTH) {
      throw new ImportError({
        ...where,
        message: `the ${what} is ${value.length} characters long; ids are limited to ${MAX_LABEL_LENGTH}`,
      });
    }
    return value;
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw new ImportError({
    ...where,
    message: `the ${what} must be a string or a number, not ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}`,
  });
}

/** Throws when a label (or other displayed text) is over the length limit. */
export function checkLabel(label: string, where: LazyWhere): string {
  if (label.length > MAX_LABEL_LENGTH) {
    throw new ImportError({
      ...resolve(where),
      message: `the label is ${label.length} characters long; labels are limited to ${MAX_LABEL_LENGTH}`,
    });
  }
  return label;
}
