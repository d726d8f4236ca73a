// Benchmark of issue 5: every format's export time, import time and file size on a seeded graph of
// 10,000 nodes and 100,000 claims, with graphology-gexf's own writer and parser on the same graph as
// the baseline in the same run (target: our GEXF within 1.5× of it). Medians of a few repetitions.
// Issue 14: the streaming XML reader on a GEXF as Gephi writes one, whole and in chunks, against a
// DOM parse of the same text (xmldom, which the reader before it used).
// `npm run bench:formats` writes bench/results/formats.json; it exits 0 either way (load moves figures).
import { spawnSync } from "node:child_process";
import os from "node:os";
import v8 from "node:v8";
import { DOMParser } from "@xmldom/xmldom";
import { MultiDirectedGraph } from "graphology";
import { parse as gexfParse, write as gexfWrite } from "graphology-gexf";
import {
  EXPORT_FORMATS,
  exportGraph,
  FORMATS,
  type FormatId,
  importGraph,
  startImport,
} from "../src/formats/index.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";
import { saxesXmlParser } from "../src/formats/xml-saxes.ts";
import { streamXml } from "../src/formats/xml-stream.ts";
import { syntheticGraph } from "../src/graph/synthetic.ts";
import { gephiGexf } from "../tests/support/gephi-gexf.ts";
import { writeResult } from "./results.ts";
import { type Sample, sampleMedians, time as timeRun } from "./stats.ts";

// A DOM of a 60 MB GEXF file needs a few GiB; with Node's default heap the figures measure the
// garbage collector. Run again with a larger heap unless this already is that run.
const HEAP_MB = 8192;
if (
  v8.getHeapStatistics().heap_size_limit < HEAP_MB * 1024 * 1024 * 0.9 &&
  !process.env.FORMATS_BENCH_CHILD
) {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, `--max-old-space-size=${HEAP_MB}`, "--expose-gc", ...process.argv.slice(1)],
    { stdio: "inherit", env: { ...process.env, FORMATS_BENCH_CHILD: "1" } },
  );
  process.exit(child.status ?? 1);
}

const GRAPH = { nodes: 10_000, claims: 100_000, seed: 1 } as const;
const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 3));
const TARGET_RATIO = 1.5;

/** A timed run after a garbage collection (with --expose-gc), so one task's garbage is not charged to the next. */
function time<T>(run: () => T): { sample: Sample; result: T } {
  globalThis.gc?.();
  return timeRun(run);
}

const summary = (samples: readonly Sample[]) => {
  const { wallMs, cpuMs } = sampleMedians(samples);
  return { wallMs: Math.round(wallMs), cpuMs: Math.round(cpuMs) };
};

/** One warm-up, then REPS timed runs of each task, the tasks taking turns so load hits them alike. */
function interleaved(
  tasks: Record<string, () => unknown>,
): Record<string, { wallMs: number; cpuMs: number }> {
  const samples: Record<string, Sample[]> = {};
  for (const [name, task] of Object.entries(tasks)) {
    task();
    samples[name] = [];
  }
  for (let i = 0; i < REPS; i++) {
    for (const [name, task] of Object.entries(tasks)) samples[name]?.push(time(task).sample);
  }
  return Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, summary(list)]));
}

const bytes = (texts: readonly string[]) => texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);

const graph = syntheticGraph(GRAPH);
console.log(`graph: ${graph.order} nodes, ${graph.size} claims; ${REPS} reps after a warm-up, medians`);

interface Row {
  format: string;
  label: string;
  export: { wallMs: number; cpuMs: number };
  import: { wallMs: number; cpuMs: number } | null;
  bytes: number;
  files: number;
}
const rows: Row[] = [];
const show = (name: string, row: { export: Row["export"]; import: Row["import"]; bytes: number }) =>
  console.log(
    `${name.padEnd(16)} export ${String(row.export.wallMs).padStart(6)} ms (cpu ${String(row.export.cpuMs).padStart(6)})  import ${String(row.import?.wallMs ?? "—").padStart(6)} ms (cpu ${String(row.import?.cpuMs ?? "—").padStart(6)})  ${(row.bytes / 1e6).toFixed(1)} MB`,
  );

for (const format of EXPORT_FORMATS as FormatId[]) {
  if (format === "gexf") continue; // measured below, taking turns with graphology-gexf
  const files = exportGraph(graph, format);
  const file = files[0] as { name: string; text: string };
  const readable = FORMATS[format].read !== undefined && files.length === 1;
  const times = interleaved({
    export: () => exportGraph(graph, format),
    ...(readable
      ? { import: () => importGraph({ name: file.name, text: file.text }, { xml: nodeXmlParser }, format) }
      : {}),
  });
  const row: Row = {
    format,
    label: FORMATS[format].label,
    export: times.export as Row["export"],
    import: times.import ?? null,
    bytes: bytes(files.map((f) => f.text)),
    files: files.length,
  };
  rows.push(row);
  show(format, row);
}

// GEXF against graphology-gexf's own writer and its parser (xmldom too), on the same graph.
const ourText = (exportGraph(graph, "gexf")[0] as { text: string }).text;
const theirText = gexfWrite(graph);
if (importGraph({ name: "g.gexf", text: ourText }, { xml: nodeXmlParser }).graph.size !== graph.size) {
  throw new Error("gexf import lost claims");
}
if (gexfParse(MultiDirectedGraph, theirText).size !== graph.size)
  throw new Error("graphology-gexf lost edges");
const gexf = interleaved({
  oursExport: () => exportGraph(graph, "gexf"),
  theirsExport: () => gexfWrite(graph),
  oursImport: () => importGraph({ name: "g.gexf", text: ourText }, { xml: nodeXmlParser }, "gexf"),
  theirsImport: () => gexfParse(MultiDirectedGraph, theirText),
});
const ours: Row = {
  format: "gexf",
  label: FORMATS.gexf.label,
  export: gexf.oursExport as Row["export"],
  import: gexf.oursImport as Row["export"],
  bytes: Buffer.byteLength(ourText),
  files: 1,
};
rows.splice(2, 0, ours);
show("gexf", ours);
const baseline = {
  format: "gexf (graphology-gexf 0.13, default options)",
  export: gexf.theirsExport as Row["export"],
  import: gexf.theirsImport as Row["export"],
  bytes: Buffer.byteLength(theirText),
};
show("graphology-gexf", baseline);

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const ratios = {
  exportCpu: ratio(ours.export.cpuMs, baseline.export.cpuMs),
  importCpu: ratio((ours.import as Row["export"]).cpuMs, baseline.import.cpuMs),
  exportWall: ratio(ours.export.wallMs, baseline.export.wallMs),
  importWall: ratio((ours.import as Row["export"]).wallMs, baseline.import.wallMs),
};
const met = ratios.exportCpu <= TARGET_RATIO && ratios.importCpu <= TARGET_RATIO;
console.log(
  `GEXF vs graphology-gexf (CPU time): export ${ratios.exportCpu}×, import ${ratios.importCpu}× (wall: ${ratios.exportWall}×, ${ratios.importWall}×); target ≤ ${TARGET_RATIO}×: ${met ? "met" : "missed"}`,
);

// The streaming reader (issue 14) on a GEXF as Gephi writes one: 50,000 nodes with two attvalues,
// a size, a position and a colour each, and 100,000 weighted edges, about 21 MB. "parse" walks the
// XML and keeps nothing; "import" builds the graph, from the whole text or from 64 KB chunks as the
// worker and a file stream feed it. The DOM parse of the same text is what the reader before did
// first (xmldom), and graphology-gexf reads it through that DOM.
const GEPHI = { nodes: 50_000, edges: 100_000, attvalues: true } as const;
const gephiText = gephiGexf(GEPHI);
const CHUNK = 64 * 1024;
const streaming = interleaved({
  parse: () => {
    const xml = streamXml("gephi.gexf", { open: () => "walk", close: () => {} }, saxesXmlParser);
    xml.write(gephiText);
    xml.end();
  },
  importWhole: () => importGraph({ name: "gephi.gexf", text: gephiText }, {}, "gexf"),
  importChunked: () => {
    const stream = startImport("gephi.gexf", {}, "gexf");
    for (let at = 0; at < gephiText.length; at += CHUNK) stream.write(gephiText.slice(at, at + CHUNK));
    return stream.end();
  },
  domParse: () => new DOMParser().parseFromString(gephiText, "application/xml"),
  graphologyGexf: () => gexfParse(MultiDirectedGraph, gephiText),
});
const streamingReader = { file: { ...GEPHI, bytes: Buffer.byteLength(gephiText) }, ...streaming };
for (const [name, times] of Object.entries(streaming)) {
  console.log(`gephi GEXF ${name.padEnd(15)} ${String(times.wallMs).padStart(6)} ms (cpu ${times.cpuMs})`);
}

const result = {
  benchmark: "formats",
  date: new Date().toISOString(),
  machine: {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((n) => Math.round(n * 10) / 10),
  },
  graph: GRAPH,
  reps: REPS,
  statistic:
    "median wall-clock and CPU ms after one warm-up; tasks take turns; the target is judged on CPU time",
  formats: rows,
  baseline,
  gexfVersusBaseline: { ...ratios, target: TARGET_RATIO, met },
  streamingReader,
};
writeResult("formats", result);
console.log("wrote bench/results/formats.json");
