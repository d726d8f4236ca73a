// The GEXF files of the open benchmark (bench/open.bench.ts), written to disk part by part so no
// multi-megabyte string is held: Gephi-style files with positions and colours (the issue's files,
// tests/support/gephi-gexf.ts), and a variant with holders for the lens and Compare, which a Gephi
// file cannot have. The variant is our own GEXF (the creator and note of src/formats/own-meta.ts):
// kinds, 20 actors holding claims, relations; its positions are attvalues, as our writer puts them.
import { createWriteStream } from "node:fs";
import { seededRandom } from "../src/graph/random.ts";
import { RELATIONS } from "../src/model/vocabulary.ts";
import { gephiGexfParts } from "../tests/support/gephi-gexf.ts";

export interface GraphSize {
  nodes: number;
  edges: number;
}

/** How many of the first nodes are actors that hold claims, in the holders variant. */
export const HOLDERS = 20;

/**
 * The id of the `i`th holder. Links name holders as `actor:…` (src/ui/state/url.ts), so the explorer can
 * write a lens or Compare into its address only for ids of that form.
 */
export const holderId = (i: number) => `actor:h${i}`;

/** The holders variant, as parts: our own GEXF with kinds, holders and relations. */
export function* holdersGexfParts({ nodes, edges }: GraphSize, seed = 1): Generator<string> {
  const random = seededRandom(seed);
  const coordinate = () => (random() * 2000 - 1000).toFixed(2);
  const byte = () => Math.floor(random() * 256);
  const pick = (n: number) => Math.floor(random() * n);
  const meta = {
    "linkage-atlas": {
      version: 1,
      sources: [{ id: "bench", provenance: "imported", title: "Benchmark graph", findings: [] }],
      derived: [],
    },
  };
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">\n';
  yield `  <meta>\n    <creator>Linkage Atlas</creator>\n    <description>${JSON.stringify(meta)}</description>\n  </meta>\n`;
  yield '  <graph mode="static" defaultedgetype="directed">\n';
  yield '    <attributes class="node" mode="static">\n';
  for (const [id, type] of [
    ["kind", "string"],
    ["sources", "liststring"],
    ["x", "double"],
    ["y", "double"],
  ])
    yield `      <attribute id="${id}" title="${id}" type="${type}"/>\n`;
  yield '    </attributes>\n    <attributes class="edge" mode="static">\n';
  for (const [id, type] of [
    ["relation", "string"],
    ["heldBy", "liststring"],
    ["sourceId", "string"],
  ])
    yield `      <attribute id="${id}" title="${id}" type="${type}"/>\n`;
  yield "    </attributes>\n    <nodes>\n";
  const sources = "[&quot;bench&quot;]";
  for (let i = 0; i < nodes; i++) {
    const kind = i < HOLDERS ? "actor" : i % 3 ? "issue" : "treaty";
    const id = i < HOLDERS ? holderId(i) : `n${i}`;
    const [x, y] = [coordinate(), coordinate()];
    yield `  <node id="${id}" label="Node ${i}"><attvalues><attvalue for="kind" value="${kind}"/><attvalue for="sources" value="${sources}"/><attvalue for="x" value="${x}"/><attvalue for="y" value="${y}"/></attvalues><viz:position x="${x}" y="${y}"/><viz:color r="${byte()}" g="${byte()}" b="${byte()}"/></node>\n`;
  }
  yield "    </nodes>\n    <edges>\n";
  for (let i = 0; i < edges; i++) {
    // Every claim has a holder: one actor, or two for one claim in five.
    const holders = new Set([holderId(pick(HOLDERS))]);
    if (random() < 0.2) holders.add(holderId(pick(HOLDERS)));
    const heldBy = `[${[...holders].map((h) => `&quot;${h}&quot;`).join(",")}]`;
    const source = [...holders][0] as string;
    const target = `n${HOLDERS + pick(nodes - HOLDERS)}`;
    const relation = RELATIONS[pick(RELATIONS.length)];
    yield `  <edge id="e${i}" source="${source}" target="${target}"><attvalues><attvalue for="relation" value="${relation}"/><attvalue for="heldBy" value="${heldBy}"/><attvalue for="sourceId" value="bench"/></attvalues></edge>\n`;
  }
  yield "    </edges>\n  </graph>\n</gexf>\n";
}

/** Writes parts to `path`, a few hundred kilobytes at a time; resolves to the file's size in bytes. */
export async function writeParts(path: string, parts: Iterable<string>): Promise<number> {
  const out = createWriteStream(path);
  let batch = "";
  let bytes = 0;
  const flush = () =>
    new Promise<void>((resolve, reject) => out.write(batch, (error) => (error ? reject(error) : resolve())));
  for (const part of parts) {
    batch += part;
    if (batch.length > 256 * 1024) {
      bytes += Buffer.byteLength(batch);
      await flush();
      batch = "";
    }
  }
  bytes += Buffer.byteLength(batch);
  await flush();
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return bytes;
}

/** The Gephi-style file of `size`: positions and colours, seeded (tests/support/gephi-gexf.ts). */
export function gephiParts(size: GraphSize, seed = 1): Iterable<string> {
  return gephiGexfParts({ nodes: size.nodes, edges: size.edges, seed });
}
