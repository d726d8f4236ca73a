// The page's side of the import worker: one file in, a new graph or the problems out, with progress
// along the way. The size limit is checked here before the file is read at all.
import { MultiDirectedGraph } from "graphology";
import { formatImportProblem } from "../../formats/errors.ts";
import { checkFileSize } from "../../formats/limits.ts";
import type { FormatId, ImportMapping } from "../../formats/types.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import type { ImportReply, ImportRequest } from "./import-worker.ts";

export type ImportResult =
  | { ok: true; format: FormatId; label: string; graph: LinkageGraph; warnings: string[] }
  | { ok: false; messages: string[] };

export interface ImportProgress {
  phase: "reading" | "parsing";
  /** 0..1 while reading; parsing has no measure. */
  fraction: number;
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
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.type === "progress") {
        onProgress({ phase: reply.phase, fraction: reply.total ? reply.loaded / reply.total : 1 });
        return;
      }
      worker.terminate();
      if (reply.type === "failed") resolve({ ok: false, messages: reply.problems.map(formatImportProblem) });
      else {
        const graph: LinkageGraph = MultiDirectedGraph.from(reply.graph);
        resolve({ ok: true, format: reply.format, label: reply.label, graph, warnings: reply.warnings });
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
