// Memory (issue 14, #2): a 12 MB GEXF of 50,000 nodes and 100,000 edges, with positions and
// colours as Gephi writes them, imports through the CLI on a 160 MB heap. The DOM reader this
// replaced needed more than that for the parse alone (V8 aborted with exit 134). The file is made
// here from a seed, not committed; see tests/support/gephi-gexf.ts. A file with more nodes and
// edges than such a heap can hold is refused with a message while it is read, never aborted.
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ImportError, startImport } from "../src/formats/index.ts";
import { MAX_IMPORT_ELEMENTS } from "../src/formats/limits.ts";
import { gephiGexfParts } from "./support/gephi-gexf.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

async function writeParts(path: string, parts: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const part of parts) {
    if (!out.write(part)) await new Promise<void>((done) => out.once("drain", () => done()));
  }
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
}

describe("a large GEXF on a small heap", () => {
  it("imports 50,000 nodes and 100,000 edges (12 MB) under --max-old-space-size=160", async () => {
    const dir = mkdtempSync(join(tmpdir(), "linkage-memory-"));
    const file = join(dir, "gephi-50k.gexf");
    await writeParts(file, gephiGexfParts({ nodes: 50_000, edges: 100_000, seed: 3 }));
    expect(statSync(file).size).toBeGreaterThan(12_000_000);
    const out = join(dir, "gephi-50k.json");
    const run = spawnSync(
      process.execPath,
      ["--max-old-space-size=160", "bin/linkage.js", "import", file, "--out", out, "--force"],
      { cwd: root, encoding: "utf8" },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("50000 nodes");
    expect(run.stdout).toContain("100000 claims");
    const written = JSON.parse(readFileSync(out, "utf8")) as {
      nodes: { id: string; x?: number; color?: string; attributes?: Record<string, unknown> }[];
      claims: unknown[];
    };
    expect(written.nodes).toHaveLength(50_000);
    expect(written.claims).toHaveLength(100_000);
    expect(written.nodes[0]).toMatchObject({ id: "n0", x: expect.any(Number) });
    // Gephi's viz:color is the node's own colour, not an attribute beside it.
    expect(written.nodes[0]?.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(written.nodes[0]?.attributes).toBeUndefined();
  }, 180_000);
});

describe("more nodes and edges than imports take", () => {
  it("refuses the one past the limit while reading, naming its line and element", () => {
    const stream = startImport("many.gexf", {}, "gexf");
    stream.write('<gexf xmlns="http://gexf.net/1.3" version="1.3">\n<graph>\n<nodes>\n');
    const thousand = '<node id="n"/>\n'.repeat(1000);
    let error: unknown;
    try {
      for (let i = 0; i <= MAX_IMPORT_ELEMENTS / 1000; i++) stream.write(thousand);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImportError);
    // The nodes start on line 4, one a line: the one past the limit is on line 4 + the limit.
    expect((error as ImportError).problems[0]).toMatchObject({
      file: "many.gexf",
      line: 4 + MAX_IMPORT_ELEMENTS,
      element: '<node id="n">',
    });
    expect((error as ImportError).message).toContain(
      "the file holds more than 1,000,000 nodes and edges; imports are limited to 1,000,000",
    );
  }, 60_000);
});
