// Writing the CLI's outputs whole or not at all (`export --out`, `import --out`). Every file is first
// written to a temporary file beside its target; only when all are written are they renamed into
// place, each replaced file kept aside until the last rename. Any failure removes the temporaries and
// puts back what was there, so a failed command leaves the directory as it found it.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fchmodSync,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmdirSync,
  rmSync,
  type Stats,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { UsageError } from "./command.ts";
import { displayPath, errnoReason, FileError, fileType, isErrnoError } from "./io.ts";

export interface OutputFile {
  path: string;
  text: string;
}

export interface WriteOptions {
  /** Replace existing files, and symbolic links (the link itself: a link is never written through). */
  force: boolean;
  /** A directory the files go into, made (with its parents) when absent and removed again on failure. */
  directory?: string;
}

/** Writes every file or none; throws FileError (exit 1) or UsageError (an existing file, no --force). */
export function writeOutputs(files: readonly OutputFile[], options: WriteOptions): void {
  const made = options.directory === undefined ? undefined : ensureDirectory(options.directory);
  const staged: Staged[] = [];
  try {
    const targets = files.map((file) => ({ ...file, existing: existingAt(file.path) }));
    refuseBlocked(targets, options.force);
    for (const target of targets) staged.push(stage(target));
    commit(staged);
  } catch (error) {
    for (const file of staged) removeQuietly(file.temp);
    if (made !== undefined && options.directory !== undefined) removeMadeDirectories(options.directory, made);
    throw error;
  }
}

interface Target extends OutputFile {
  /** What is at the path now (lstat: a link is itself), or null. */
  existing: Stats | null;
}

interface Staged extends Target {
  temp: string;
}

/** Makes the output directory when absent; returns the first directory made, to remove on failure. */
function ensureDirectory(directory: string): string | undefined {
  let stats: Stats | undefined;
  try {
    stats = statSync(directory);
  } catch (error) {
    if (!isErrnoError(error) || error.code !== "ENOENT") throw asFileError(directory, "cannot read", error);
  }
  if (stats && !stats.isDirectory()) {
    throw new FileError(directory, `cannot write into it: it is ${fileType(stats)}, not a directory`);
  }
  if (stats) return undefined;
  try {
    return mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw asFileError(directory, "cannot make the directory", error);
  }
}

function existingAt(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if (!isErrnoError(error) || error.code !== "ENOENT") throw asFileError(path, "cannot write", error);
  }
  checkParentDirectory(path);
  return null;
}

/** A target may be missing, but a missing parent directory is said by name rather than as ENOENT. */
function checkParentDirectory(path: string): void {
  const parent = dirname(resolve(path));
  let stats: Stats;
  try {
    stats = statSync(parent);
  } catch (error) {
    if (isErrnoError(error) && error.code === "ENOENT") {
      throw new FileError(path, `cannot write: no such directory ${displayPath(parent)}`);
    }
    throw asFileError(path, "cannot write", error);
  }
  if (!stats.isDirectory())
    throw new FileError(path, `cannot write: ${displayPath(parent)} is not a directory`);
}

/**
 * Directories and special files are never replaced (exit 1, even with --force); links and files
 * only with --force (exit 2, as other usage errors).
 */
function refuseBlocked(targets: readonly Target[], force: boolean): void {
  for (const { path, existing } of targets) {
    if (existing && !existing.isFile() && !existing.isSymbolicLink()) {
      throw new FileError(path, `cannot write: it is ${fileType(existing)}; nothing was written`);
    }
  }
  if (force) return;
  const link = targets.find((t) => t.existing?.isSymbolicLink());
  if (link) {
    throw new UsageError(
      `${displayPath(link.path)} is a symbolic link; add --force to replace the link (it is never written through)`,
    );
  }
  const existing = targets.filter((t) => t.existing);
  if (existing.length) {
    throw new UsageError(
      `${existing.map((t) => displayPath(t.path)).join(", ")} already exist(s); add --force to overwrite`,
    );
  }
}

/** A name beside `path`, hidden and unique, so the rename never crosses a file system. */
function besidePath(path: string, kind: "new" | "old"): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(6).toString("hex")}.${kind}`);
}

/** Writes the text to a new temporary file. "wx" creates it or fails: it never follows a link. */
function stage(target: Target): Staged {
  const temp = besidePath(target.path, "new");
  let fd: number;
  try {
    fd = openSync(temp, "wx");
  } catch (error) {
    throw asFileError(target.path, "cannot write", error);
  }
  const staged = { ...target, temp };
  try {
    if (target.existing?.isFile()) fchmodSync(fd, target.existing.mode & 0o7777);
    const bytes = Buffer.from(target.text);
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    return staged;
  } catch (error) {
    removeQuietly(temp);
    throw asFileError(target.path, "cannot write", error);
  } finally {
    closeSync(fd);
  }
}

interface Placed {
  path: string;
  /** Where the replaced file (or link) waits until every rename has succeeded. */
  aside?: string;
  renamed: boolean;
}

function commit(staged: readonly Staged[]): void {
  const placed: Placed[] = [];
  let current: Staged | undefined;
  try {
    for (current of staged) {
      const entry: Placed = { path: current.path, renamed: false };
      if (current.existing) {
        const aside = besidePath(current.path, "old");
        renameSync(current.path, aside);
        entry.aside = aside;
      }
      placed.push(entry);
      renameSync(current.temp, current.path);
      entry.renamed = true;
    }
  } catch (error) {
    putBack(placed);
    throw asFileError(current?.path ?? "", "cannot write", error);
  }
  for (const entry of placed) if (entry.aside) removeQuietly(entry.aside);
}

/** Undoes the renames, last first: a new file goes, a replaced one comes back. */
function putBack(placed: readonly Placed[]): void {
  for (const entry of [...placed].reverse()) {
    try {
      if (entry.aside) renameSync(entry.aside, entry.path);
      else if (entry.renamed) rmSync(entry.path, { force: true });
    } catch {
      // Nothing more can be done here; the error that started the undo is the one reported.
    }
  }
}

/** Removes the directories `mkdir -p` made for this command, deepest first, if they are empty. */
function removeMadeDirectories(directory: string, first: string): void {
  let current = resolve(directory);
  const top = resolve(first);
  while (true) {
    try {
      rmdirSync(current);
    } catch {
      return;
    }
    if (current === top || relative(top, current).startsWith("..")) return;
    current = dirname(current);
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // A temporary file that cannot be removed is left; the error reported is the first one.
  }
}

function asFileError(path: string, doing: string, error: unknown): Error {
  if (error instanceof FileError || error instanceof UsageError) return error;
  if (isErrnoError(error)) return new FileError(path, `${doing}: ${errnoReason(error)}`);
  return error instanceof Error ? error : new Error(String(error));
}
