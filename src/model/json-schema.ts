// The JSON Schema of a graph-data source file, generated from the zod schemas (zod 4's toJSONSchema),
// so the editor-facing schema can never drift from the one the code enforces. A file is either a
// curated source or an imported graph (`"provenance": "imported"` on its source).
import { z } from "zod";
import { ImportedSourceFile, MODEL_VERSION, SourceFile } from "./schema.ts";

export function sourceFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(z.union([SourceFile, ImportedSourceFile]), {
    target: "draft-2020-12",
    io: "input",
  }) as Record<string, unknown>;
  return {
    ...schema,
    $id: "https://linkage-atlas.invalid/source-file.schema.json",
    title: `Linkage Atlas source file, model ${MODEL_VERSION}`,
    description:
      "One source document: its findings, and the nodes and claims read from it; or a graph imported from another tool.",
  };
}
