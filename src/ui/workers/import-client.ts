// The page's side of the import worker: one file in, a new graph or the problems out, with progress
// along the way. The size limit is checked here before the file is read at all. A file named by a
// link (`?file=URL`) is downloaded here first, its bytes counted against the same limit as they
// arrive, then handed to the worker like a chosen file. The worker's graph arrives packed and is
// checked and built here (formats/compact-graph.ts). Calls fetch, the worker and graphology.
import { unpackGraph } from "../../formats/compact-graph.ts";
import { formatImportProblem } from "../../formats/errors.ts";
import { checkFileSize, MAX_IMPORT_BYTES } from "../../formats/limits.ts";
import type { FormatId, ImportMapping } from "../../formats/types.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import type { ImportReply, ImportRequest } from "./import-worker.ts";

export type ImportResult =
  | { ok: true; format: FormatId; label: string; graph: LinkageGraph; warnings: string[] }
  | { ok: false; messages: string[] };

export type ImportProgress =
  /** A linked file coming over the network; `total` is null when the server did not say. */
  | { phase: "downloading"; loaded: number; total: number | null }
  /** `fraction` is 0..1 while reading; parsing has no measure. */
  | { phase: "reading" | "parsing"; fraction: number }
  /** Parsed: the page builds its graph of this many nodes and edges. */
  | { phase: "building"; nodes: number; edges: number };

/** Resolves after the browser has had the chance to paint what was just written (the progress). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    // A hidden tab runs no frames: the timeout keeps the import going there.
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

export function importInWorker(
  file: File,
  mapping: ImportMapping | undefined,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportResult> {
  try {
    checkFileSize(file.name, file.size);
  } catch (error) {
    return Promise.resolve({ ok: false, messages: [error instanceof Error ? error.message : String(error)] });
  }
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./import-worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = async (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.type === "progress") {
        onProgress({ phase: reply.phase, fraction: reply.total ? reply.loaded / reply.total : 1 });
        return;
      }
      worker.terminate();
      if (reply.type === "failed") {
        resolve({ ok: false, messages: reply.problems.map(formatImportProblem) });
        return;
      }
      onProgress({
        phase: "building",
        nodes: reply.graph.nodes.keys.length,
        edges: reply.graph.edges.keys.length,
      });
      // Building a large graph holds the thread for a while: show the counts before it starts.
      await afterPaint();
      try {
        // unpackGraph refuses a message whose arrays disagree, as graphology's import refused a bad serialization.
        const graph: LinkageGraph = unpackGraph(reply.graph);
        resolve({ ok: true, format: reply.format, label: reply.label, graph, warnings: reply.warnings });
      } catch (error) {
        resolve({ ok: false, messages: [`${file.name}: the graph could not be built: ${String(error)}`] });
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({
        ok: false,
        messages: [`${file.name}: the import failed: ${event.message || "worker error"}`],
      });
    };
    const request: ImportRequest = { file, ...(mapping ? { mapping } : {}) };
    worker.postMessage(request);
  });
}

export type DownloadResult = { ok: true; file: File } | { ok: false; reason: string };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const tooLarge = (what: string) => `${what}; imports are limited to ${MAX_IMPORT_BYTES / 1024 / 1024} MB`;

/** The file name a URL ends in (for the format's extension and for messages), or its host. */
export function fileNameOf(url: URL): string {
  const last = url.pathname.split("/").filter(Boolean).at(-1);
  if (!last) return url.host;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * Why a fetch that threw did not get a response. The browser gives a CORS refusal and an unreachable
 * server the same TypeError; an opaque (no-cors) request, which CORS does not block, tells them apart.
 */
async function whyUnreachable(url: URL): Promise<string> {
  if (window.location.protocol === "https:" && url.protocol === "http:")
    return "a page served over https: cannot fetch an http: address (mixed content)";
  const probe = new AbortController();
  try {
    await fetch(url, { mode: "no-cors", signal: probe.signal });
    probe.abort();
    return "the server answered but does not let other sites read the file (no Access-Control-Allow-Origin header: CORS)";
  } catch {
    return "the server could not be reached (network error)";
  }
}

/** A refusal of the response before its body is read: an HTTP error, a declared size over the limit, a web page. */
function refusal(response: Response): string | null {
  if (!response.ok)
    return `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > MAX_IMPORT_BYTES)
    return tooLarge(`the server says the file is ${megabytes(declared)}`);
  const type = response.headers.get("content-type") ?? "";
  if (/^\s*text\/html\b/i.test(type))
    return "the server answered with a web page (text/html), not a graph file";
  return null;
}

/**
 * Downloads a linked graph file, counting its bytes as they arrive (a compressed or undeclared body is
 * stopped as soon as it passes the limit), and gives it back as a File for the worker.
 */
export async function downloadGraphFile(
  url: URL,
  onProgress: (progress: ImportProgress) => void,
): Promise<DownloadResult> {
  const abort = new AbortController();
  let response: Response;
  try {
    response = await fetch(url, { signal: abort.signal });
  } catch {
    return { ok: false, reason: await whyUnreachable(url) };
  }
  const refused = refusal(response);
  if (refused !== null || !response.body) {
    abort.abort();
    return { ok: false, reason: refused ?? "the server sent no file" };
  }
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  const total = Number.isFinite(declared) && !response.headers.has("content-encoding") ? declared : null;
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let loaded = 0;
  let reported = 0;
  onProgress({ phase: "downloading", loaded, total });
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      loaded += chunk.value.byteLength;
      if (loaded > MAX_IMPORT_BYTES) {
        abort.abort();
        return { ok: false, reason: tooLarge(`the file is over ${megabytes(MAX_IMPORT_BYTES)}`) };
      }
      chunks.push(chunk.value);
      if (loaded - reported >= 256 * 1024) {
        reported = loaded;
        onProgress({ phase: "downloading", loaded, total });
      }
    }
  } catch {
    return { ok: false, reason: `the download broke off after ${megabytes(loaded)}` };
  }
  onProgress({ phase: "downloading", loaded, total: loaded });
  return {
    ok: true,
    file: new File(chunks, fileNameOf(url), { type: response.headers.get("content-type") ?? "" }),
  };
}

/** Downloads a linked file, then imports it in the worker; a failure says why in `messages`. */
export async function importUrlInWorker(
  url: URL,
  mapping: ImportMapping | undefined,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportResult> {
  const download = await downloadGraphFile(url, onProgress);
  if (!download.ok) return { ok: false, messages: [download.reason] };
  return importInWorker(download.file, mapping, onProgress);
}
