// Benchmark of issue 5: every format's export time, import time and file size on a seeded graph of
// 10,000 nodes and 100,000 claims, with graphology-gexf's own writer and parser on the same graph as
// the baseline in the same run (target: our GEXF within 1.5× of it). Medians of a few repetitions.
// `npm run bench:formats` writes bench/results/formats.json; it exits 0 either way (load moves figures).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { MultiDirectedGraph } from "graphology";
import { parse as gexfParse, write as gexfWrite } from "graphology-gexf";
import { EXPORT_FORMATS, exportGraph, FORMATS, type FormatId, importGraph } from "../src/formats/index.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";
import { syntheticGraph } from "../src/graph/synthetic.ts";

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

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Median wall-clock milliseconds over REPS runs after one warm-up; returns the last result too. */
function measure<T>(run: () => T): { ms: number; result: T } {
  let result = run();
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) {
    globalThis.gc?.();
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  return { ms: Math.round(median(times)), result };
}

const bytes = (texts: readonly string[]) => texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);

const graph = syntheticGraph(GRAPH);
console.log(`graph: ${graph.order} nodes, ${graph.size} claims; ${REPS} reps after a warm-up, medians`);

interface Row {
  format: string;
  label: string;
  exportMs: number;
  importMs: number | null;
  bytes: number;
  files: number;
}
const rows: Row[] = [];

for (const format of EXPORT_FORMATS as FormatId[]) {
  const exported = measure(() => exportGraph(graph, format));
  const files = exported.result;
  let importMs: number | null = null;
  if (FORMATS[format].read && files.length === 1) {
    const file = files[0] as { name: string; text: string };
    const imported = measure(() =>
      importGraph({ name: file.name, text: file.text }, { xml: nodeXmlParser }, format),
    );
    if (imported.result.graph.size !== graph.size) throw new Error(`${format}: import lost claims`);
    importMs = imported.ms;
  }
  const row = {
    format,
    label: FORMATS[format].label,
    exportMs: exported.ms,
    importMs,
    bytes: bytes(files.map((f) => f.text)),
    files: files.length,
  };
  rows.push(row);
  console.log(
    `${format.padEnd(16)} export ${String(row.exportMs).padStart(6)} ms  import ${String(row.importMs ?? "—").padStart(6)} ms  ${(row.bytes / 1e6).toFixed(1)} MB`,
  );
}

// graphology-gexf writes every attribute it finds (arrays as liststring) and parses with xmldom too.
const baselineWrite = measure(() => gexfWrite(graph));
const baselineText = baselineWrite.result;
const baselineParse = measure(() => gexfParse(MultiDirectedGraph, baselineText));
if (baselineParse.result.size !== graph.size) throw new Error("graphology-gexf lost edges");
const baseline = {
  format: "gexf (graphology-gexf 0.13)",
  exportMs: baselineWrite.ms,
  importMs: baselineParse.ms,
  bytes: Buffer.byteLength(baselineText),
};
console.log(
  `${"graphology-gexf".padEnd(16)} export ${String(baseline.exportMs).padStart(6)} ms  import ${String(baseline.importMs).padStart(6)} ms  ${(baseline.bytes / 1e6).toFixed(1)} MB`,
);

const ours = rows.find((row) => row.format === "gexf") as Row;
const ratios = {
  export: Math.round((ours.exportMs / baseline.exportMs) * 100) / 100,
  import: Math.round(((ours.importMs ?? 0) / baseline.importMs) * 100) / 100,
};
const met = ratios.export <= TARGET_RATIO && ratios.import <= TARGET_RATIO;
console.log(
  `GEXF vs graphology-gexf: export ${ratios.export}×, import ${ratios.import}× (target ≤ ${TARGET_RATIO}×: ${met ? "met" : "missed"})`,
);

const result = {
  benchmark: "formats",
  date: new Date().toISOString(),
  machine: {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  },
  graph: GRAPH,
  reps: REPS,
  statistic: "median wall-clock ms after one warm-up",
  formats: rows,
  baseline,
  gexfVersusBaseline: { ...ratios, target: TARGET_RATIO, met },
};
const out = fileURLToPath(new URL("./results/", import.meta.url));
mkdirSync(out, { recursive: true });
writeFileSync(`${out}formats.json`, `${JSON.stringify(result, null, 2)}\n`);
console.log("wrote bench/results/formats.json");
