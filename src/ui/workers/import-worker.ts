// Web worker: reads an imported file and parses it with the format table, off the page's thread.
// The file is fed to the import chunk by chunk as it is read: GEXF and GraphML are parsed as they
// arrive by the same streaming reader the CLI uses (no DOM, which workers lack; DOCTYPE refused;
// line numbers in every message), so a large file is never held whole as one string. The graph goes
// back packed (formats/compact-graph.ts): its numbers in typed arrays moved with the transfer list.
import "../zod-csp.ts";
import { type PackedGraph, packGraph } from "../../formats/compact-graph.ts";
import { ImportError } from "../../formats/errors.ts";
import { FORMATS, startImport } from "../../formats/index.ts";
import { checkFileSize } from "../../formats/limits.ts";
import type { FormatId, ImportMapping, ImportStream } from "../../formats/types.ts";
import { firstInvalidUtf8 } from "../../formats/utf8.ts";

export interface ImportRequest {
  file: File;
  mapping?: ImportMapping;
}

export type ImportProblemText = { file: string; line?: number; element?: string; message: string };

export type ImportReply =
  | { type: "progress"; phase: "reading" | "parsing"; loaded: number; total: number }
  | {
      type: "done";
      format: FormatId;
      /** The format's label in the format table, for the page, which does not load the table. */
      label: string;
      graph: PackedGraph;
      warnings: string[];
    }
  | { type: "failed"; problems: ImportProblemText[] };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportReply, transfer?: Transferable[]): void;
};

/** Feeds the file to the import as UTF-8 text, chunk by chunk, telling the page how far it got. */
async function feedFile(file: File, stream: ImportStream): Promise<void> {
  const reader = file.stream().getReader();
  // fatal: a Latin-1 or UTF-16 file would otherwise decode, silently, with U+FFFD in it.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let loaded = 0;
  let reported = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      loaded += chunk.value.byteLength;
      stream.write(decoder.decode(chunk.value, { stream: true }));
      if (loaded - reported > 1024 * 1024) {
        reported = loaded;
        scope.postMessage({ type: "progress", phase: "reading", loaded, total: file.size });
      }
    }
    stream.write(decoder.decode());
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    // Only on this path is the file read whole: to say where the bad byte is.
    const bytes = new Uint8Array(await file.arrayBuffer());
    const offset = firstInvalidUtf8(bytes);
    const byte = (bytes[offset] ?? 0).toString(16).padStart(2, "0");
    throw new ImportError({
      file: file.name,
      message: `not UTF-8: byte 0x${byte} at byte offset ${offset} does not begin a valid character`,
    });
  }
}

scope.onmessage = async (event) => {
  const { file, mapping } = event.data;
  try {
    checkFileSize(file.name, file.size);
    const stream = startImport(file.name, mapping ? { mapping } : {});
    await feedFile(file, stream);
    // Read and parsed; what is left is checking the graph and building it.
    scope.postMessage({ type: "progress", phase: "parsing", loaded: file.size, total: file.size });
    const outcome = stream.end();
    const packed = packGraph(outcome.graph);
    scope.postMessage(
      {
        type: "done",
        format: outcome.format,
        label: FORMATS[outcome.format].label,
        graph: packed.message,
        warnings: outcome.warnings,
      },
      packed.transfer,
    );
  } catch (error) {
    const problems: ImportProblemText[] =
      error instanceof ImportError
        ? error.problems.map((problem) => ({ ...problem }))
        : [{ file: file.name, message: error instanceof Error ? error.message : String(error) }];
    scope.postMessage({ type: "failed", problems });
  }
};
