// Property-based round trips (issue 14): for every lossless format, a random valid graph exports and
// imports back identically, compared as graphology's own export, the way formats-roundtrip.test.ts
// compares its fixed graphs. The graphs (tests/support/graph-arbitraries.ts) have arbitrary Unicode,
// control characters where the format allows them, empty strings where the model does, labels up to
// 10,000 characters and ids such as `__proto__`. Fixed seeds and bounded runs keep CI repeatable and
// quick; a failure prints its seed and counterexample (fast-check's `verbose`), to replay with `seed`.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportGraph, FORMATS, type FormatId, importGraph } from "../src/formats/index.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";
import { buildGraph } from "../src/graph/build.ts";
import type { AnyLoadedSource } from "../src/graph/load.ts";
import type { LinkageGraph } from "../src/graph/types.ts";
import { graphFilesArb, graphOf } from "./support/graph-arbitraries.ts";
import { prototypeChanges, prototypeShape } from "./support/prototype-guard.ts";

const SEED = 20_001_214;
const RUNS = Number(process.env.ROUNDTRIP_RUNS ?? 100);
const PRISTINE = prototypeShape();
const xml = { xml: nodeXmlParser };

const LOSSLESS = (Object.keys(FORMATS) as FormatId[]).filter((id) => FORMATS[id].lossless);
/** XML 1.0 cannot hold most C0 controls or lone surrogates; JSON can hold anything. */
const XML_FORMATS: ReadonlySet<FormatId> = new Set(["gexf", "graphml"]);

/** Export, then import every file written, and build the graph again from what was read. */
function roundTrip(graph: LinkageGraph, format: FormatId): LinkageGraph {
  const files = exportGraph(graph, format);
  if (files.length === 1) {
    const [file] = files;
    const name = `round-trip${FORMATS[format].extensions[0]}`;
    return importGraph({ name, text: file?.text ?? "" }, xml, format).graph;
  }
  // Project JSON writes one file per source; graph-data loads them together.
  const loaded: AnyLoadedSource[] = files.map((file) => ({
    file: file.name,
    data: importGraph({ name: file.name, text: file.text }, xml, format).files[0] as AnyLoadedSource["data"],
  }));
  return buildGraph(loaded);
}

describe.each(LOSSLESS)("%s", (format) => {
  it(`gives back ${RUNS} random graphs exactly (seed ${SEED})`, () => {
    const started = performance.now();
    fc.assert(
      fc.property(graphFilesArb({ xmlSafe: XML_FORMATS.has(format) }), (files) => {
        const graph = graphOf(files);
        const before = graph.export();
        const back = roundTrip(graph, format);
        expect(graph.export()).toEqual(before); // writing never changes the graph
        expect(back.export()).toEqual(before);
        expect(prototypeChanges(PRISTINE)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS, verbose: true },
    );
    console.log(`${format} round trip: ${RUNS} graphs in ${Math.round(performance.now() - started)} ms`);
  }, 60_000);
});
