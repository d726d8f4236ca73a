// The CLI's contact with the outside: reading source files from disk, and the output streams.
// Everything else in src/cli is argument checking and printing over src/graph. Files are read only
// when they are regular files, never past a byte limit, and only as UTF-8 (a BOM is dropped).
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  type Stats,
  statSync,
} from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { MAX_IMPORT_BYTES } from "../formats/limits.ts";
import { firstInvalidUtf8 } from "../formats/utf8.ts";
import { buildGraph } from "../graph/build.ts";
import { checkIntegrity } from "../graph/integrity.ts";
import { type AnyLoadedSource, loadAnySourceText } from "../graph/load.ts";
import type { Problem } from "../graph/problems.ts";
import type { LinkageGraph } from "../graph/types.ts";

export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../graph-data", import.meta.url));

export interface Output {
  /** Messages and reports for a reader: control characters from data are shown, not obeyed. */
  out(text: string): void;
  err(text: string): void;
  /** A file's exact text (an export to standard output): written as it is. */
  data?(text: string): void;
}

/**
 * Control characters other than newline and tab, shown as \u001b and the like: text read from an
 * imported file must not move the cursor, recolour or retitle the reader's terminal.
 */
export function showControls(text: string): string {
  let shown = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const control =
      (code < 0x20 && code !== 0x0a && code !== 0x09) ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x2028 ||
      code === 0x2029;
    if (!control) continue;
    shown += `${text.slice(from, i)}\\u${code.toString(16).padStart(4, "0")}`;
    from = i + 1;
  }
  return from === 0 ? text : shown + text.slice(from);
}

const line = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);

export const processOutput: Output = {
  out: (text) => process.stdout.write(showControls(line(text))),
  err: (text) => process.stderr.write(showControls(line(text))),
  data: (text) => process.stdout.write(line(text)),
};

/** A path as messages show it: relative when it is under the working directory, else absolute. */
export function displayPath(path: string): string {
  const absolute = resolve(path);
  const shown = relative(process.cwd(), absolute);
  return shown && !shown.startsWith("..") && !isAbsolute(shown) ? shown : absolute;
}

/** A file could not be read or written; the CLI prints it as one line and exits 1. */
export class FileError extends Error {
  override name = "FileError";
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${displayPath(path)}: ${reason}`);
  }
}

/** Node's error codes in words; the path is said by whoever reports them. */
const ERRNO_REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a directory",
  ENOTDIR: "a part of the path is not a directory",
  EEXIST: "it already exists",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "the name is too long",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is used up",
  EROFS: "the file system is read-only",
  EBUSY: "the file is busy",
  EMFILE: "too many open files",
  EXDEV: "it is on another file system",
};

/** A Node file-system error (it has a string `code`, such as ENOENT). */
export function isErrnoError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string";
}

export function errnoReason(error: NodeJS.ErrnoException): string {
  return ERRNO_REASONS[error.code ?? ""] ?? `${error.code}: ${error.message}`;
}

const FILE_TYPES: [test: (stats: Stats) => boolean, name: string][] = [
  [(s) => s.isDirectory(), "a directory"],
  [(s) => s.isFIFO(), "a FIFO"],
  [(s) => s.isCharacterDevice(), "a character device"],
  [(s) => s.isBlockDevice(), "a block device"],
  [(s) => s.isSocket(), "a socket"],
  [(s) => s.isSymbolicLink(), "a symbolic link"],
];

/** What a file that is not a regular file is, for messages: "a directory", "a FIFO"… */
export function fileType(stats: Stats): string {
  if (stats.isFile()) return "a regular file";
  return FILE_TYPES.find(([test]) => test(stats))?.[1] ?? "a special file";
}

export interface ReadLimit {
  /** Reading stops, and the file is refused, past this many bytes, whatever `stat` said. */
  maxBytes: number;
  /** Throws the caller's own error for a size over the limit; a FileError is thrown if it does not. */
  checkSize?: (bytes: number) => void;
}

/**
 * Reads a regular file as UTF-8 text. Anything else (a directory, a FIFO, /dev/zero) is refused
 * before a byte is read, and the FIFO is opened non-blocking so that no writer is waited for.
 * Bytes are counted while reading, so a file that grows, or whose size `stat` does not know
 * (/proc), is still refused at the limit. Throws FileError.
 */
export function readTextFile(path: string, limit: ReadLimit = { maxBytes: MAX_IMPORT_BYTES }): string {
  // stat first so that no device is even opened; fstat after opening, in case it was swapped.
  refuseUnlessRegular(
    path,
    attempt(path, () => statSync(path)),
  );
  const fd = attempt(path, () => openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)));
  try {
    const stats = attempt(path, () => fstatSync(fd));
    refuseUnlessRegular(path, stats);
    checkLimit(path, limit, stats.size);
    return decodeUtf8(path, readBounded(path, fd, stats.size, limit));
  } finally {
    closeSync(fd);
  }
}

function attempt<T>(path: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (isErrnoError(error)) throw new FileError(path, errnoReason(error));
    throw error;
  }
}

function refuseUnlessRegular(path: string, stats: Stats): void {
  if (!stats.isFile()) throw new FileError(path, `not a regular file (${fileType(stats)})`);
}

function checkLimit(path: string, limit: ReadLimit, bytes: number): void {
  if (bytes <= limit.maxBytes) return;
  limit.checkSize?.(bytes);
  const shown =
    limit.maxBytes >= 1024 * 1024 ? `${limit.maxBytes / 1024 / 1024} MB` : `${limit.maxBytes}-byte`;
  throw new FileError(path, `the file is over the ${shown} limit`);
}

/** Reads to the end, or to one byte past the limit; the buffer starts at the size `stat` gave. */
function readBounded(path: string, fd: number, statSize: number, limit: ReadLimit): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(Math.max(statSize, 64 * 1024), limit.maxBytes) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      checkLimit(path, limit, length);
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit.maxBytes + 1));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const read = attempt(path, () => readSync(fd, buffer, length, buffer.length - length, null));
    if (read === 0) return buffer.subarray(0, length);
    length += read;
    checkLimit(path, limit, length);
  }
}

/** The text of UTF-8 bytes without a leading BOM; invalid UTF-8 is refused with its byte offset. */
export { firstInvalidUtf8 };

export function decodeUtf8(path: string, bytes: Uint8Array): string {
  try {
    // fatal: a Latin-1 or UTF-16 file would otherwise decode, silently, with U+FFFD in it.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const offset = firstInvalidUtf8(bytes);
    const byte = (bytes[offset] ?? 0).toString(16).padStart(2, "0");
    throw new FileError(
      path,
      `not UTF-8: byte 0x${byte} at byte offset ${offset} does not begin a valid character`,
    );
  }
}

/** Is `path` a directory (following links)? False when it does not exist or cannot be seen. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The source files of a data directory: every `*.json` except generated `*.schema.json`. */
export function sourceFilesIn(dir: string): string[] {
  return attempt(dir, () => readdirSync(dir))
    .filter((name) => name.endsWith(".json") && !name.endsWith(".schema.json"))
    .sort()
    .map((name) => join(dir, name));
}

export interface ReadResult {
  files: string[];
  sources: AnyLoadedSource[];
  problems: Problem[];
}

/** Reads and checks files (or, with none given, all of `dataDir`); names them as displayPath does. */
export function readSources(paths: readonly string[], dataDir = DEFAULT_DATA_DIR): ReadResult {
  const files: string[] = [];
  const problems: Problem[] = [];
  const targets = paths.length ? paths.map((p) => resolve(p)) : sourceFilesIn(dataDir);
  for (const target of targets) files.push(...(isDirectory(target) ? sourceFilesIn(target) : [target]));
  const sources: AnyLoadedSource[] = [];
  for (const file of files) {
    const shown = displayPath(file);
    let text: string;
    try {
      text = readTextFile(file);
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      problems.push({ rule: "json-syntax", file: shown, message: `cannot read the file: ${error.reason}` });
      continue;
    }
    const loaded = loadAnySourceText(shown, text);
    if (loaded.ok) sources.push(loaded.source);
    else problems.push(...loaded.problems);
  }
  if (problems.length === 0) problems.push(...checkIntegrity(sources));
  return { files: files.map(displayPath), sources, problems };
}

export type GraphResult = { ok: true; graph: LinkageGraph } | { ok: false; problems: Problem[] };

/** Loads, checks and builds the graph; any problem means no graph. */
export function readGraph(paths: readonly string[] = [], dataDir = DEFAULT_DATA_DIR): GraphResult {
  const { sources, problems } = readSources(paths, dataDir);
  if (problems.length) return { ok: false, problems };
  return { ok: true, graph: buildGraph(sources) };
}
