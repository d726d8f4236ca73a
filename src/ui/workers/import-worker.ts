// Web worker: reads an imported file and parses it with the format table, off the page's thread.
// The browser's DOMParser does not exist in workers, so XML is parsed here with @xmldom/xmldom, the
// same XmlParser the CLI uses (DOCTYPE refused before parsing; line numbers in every message).
import "../zod-csp.ts";
import type { SerializedGraph } from "graphology-types";
import { ImportError } from "../../formats/errors.ts";
import { FORMATS, importGraph } from "../../formats/index.ts";
import { checkFileSize } from "../../formats/limits.ts";
import type { FormatId, ImportMapping } from "../../formats/types.ts";
import { nodeXmlParser } from "../../formats/xml-node.ts";
import type { ClaimAttributes, GraphAttributes, NodeAttributes } from "../../graph/types.ts";

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
      graph: SerializedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>;
      warnings: string[];
    }
  | { type: "failed"; problems: ImportProblemText[] };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportReply): void;
};

/** Reads the file as UTF-8 in chunks, telling the page how far it got. */
async function readText(file: File): Promise<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder("utf-8");
  const parts: string[] = [];
  let loaded = 0;
  let reported = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    loaded += chunk.value.byteLength;
    parts.push(decoder.decode(chunk.value, { stream: true }));
    if (loaded - reported > 1024 * 1024) {
      reported = loaded;
      scope.postMessage({ type: "progress", phase: "reading", loaded, total: file.size });
    }
  }
  parts.push(decoder.decode());
  return parts.join("");
}

scope.onmessage = async (event) => {
  const { file, mapping } = event.data;
  try {
    checkFileSize(file.name, file.size);
    const text = await readText(file);
    scope.postMessage({ type: "progress", phase: "parsing", loaded: file.size, total: file.size });
    const outcome = importGraph(
      { name: file.name, text },
      { xml: nodeXmlParser, ...(mapping ? { mapping } : {}) },
    );
    scope.postMessage({
      type: "done",
      format: outcome.format,
      label: FORMATS[outcome.format].label,
      graph: outcome.graph.export(),
      warnings: outcome.warnings,
    });
  } catch (error) {
    const problems: ImportProblemText[] =
      error instanceof ImportError
        ? error.problems.map((problem) => ({ ...problem }))
        : [{ file: file.name, message: error instanceof Error ? error.message : String(error) }];
    scope.postMessage({ type: "failed", problems });
  }
};
