// A large GEXF as Gephi writes one (1.3, viz namespace, positions and colours; optionally sizes
// and typed node attributes; weighted edges), generated from a seed so no multi-megabyte fixture is committed. Used
// by the memory test (the CLI under a small heap) and by the formats benchmark (the reader's speed).
import { seededRandom } from "../../src/graph/random.ts";

export interface GephiGexfOptions {
  nodes: number;
  edges: number;
  seed?: number;
  /** Two attvalues (a declared string and a double) and a size per node: a larger file. */
  attvalues?: boolean;
}

/** The file as parts to join or to write one by one: no part is larger than one node or edge. */
export function* gephiGexfParts(options: GephiGexfOptions): Generator<string> {
  const { nodes, edges, seed = 1, attvalues = false } = options;
  const random = seededRandom(seed);
  const coordinate = () => (random() * 2000 - 1000).toFixed(2);
  const byte = () => Math.floor(random() * 256);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">\n';
  yield '  <meta lastmodifieddate="2024-05-01">\n    <creator>Gephi 0.10.1</creator>\n  </meta>\n';
  yield '  <graph mode="static" defaultedgetype="directed">\n';
  if (attvalues) {
    yield '    <attributes class="node" mode="static">\n';
    yield '      <attribute id="0" title="community" type="string"/>\n';
    yield '      <attribute id="1" title="pagerank" type="double"/>\n';
    yield "    </attributes>\n";
  }
  yield "    <nodes>\n";
  for (let i = 0; i < nodes; i++) {
    const values = attvalues
      ? `\n    <attvalues>\n      <attvalue for="0" value="c${i % 97}"></attvalue>\n      <attvalue for="1" value="${random().toFixed(8)}"></attvalue>\n    </attvalues>\n    <viz:size value="${(1 + random() * 9).toFixed(2)}"/>\n    `
      : "";
    yield `  <node id="n${i}" label="Node ${i}">${values}<viz:position x="${coordinate()}" y="${coordinate()}"/><viz:color r="${byte()}" g="${byte()}" b="${byte()}"/></node>\n`;
  }
  yield "    </nodes>\n    <edges>\n";
  for (let i = 0; i < edges; i++) {
    const source = Math.floor(random() * nodes);
    const target = Math.floor(random() * nodes);
    yield `  <edge id="${i}" source="n${source}" target="n${target}" weight="${(random() * 5).toFixed(1)}"/>\n`;
  }
  yield "    </edges>\n  </graph>\n</gexf>\n";
}

export function gephiGexf(options: GephiGexfOptions): string {
  return [...gephiGexfParts(options)].join("");
}
