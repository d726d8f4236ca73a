// Benchmark of issue 12, part 2: how the import worker hands its graph to the page. Before, graphology's
// serialization (`graph.export()`, plain objects, structured-cloned) rebuilt with `MultiDirectedGraph.from`;
// now, the packed columns of src/formats/compact-graph.ts (typed arrays moved with the transfer list)
// rebuilt with unpackGraph. Timed: the page's side, receiving the message and building the graph, on
// the Gephi-style GEXF of 50,000 nodes and 100,000 edges (bench/open-files.ts), one warm-up, then the
// two ways alternated, median of 3. Twice: in Node (v8.serialize in the worker's place, v8.deserialize
// and the build in the page's), and in Chromium (a real worker's postMessage; the page's time runs from
// the message event to the built graph; Chromium deserializes `event.data` when it is first read; also
// the wall time from postMessage in the worker to the built graph). Also, in both: keys and labels
// sent as a list of strings against one joined string and lengths (the codec sends lists).
// `npx tsx --expose-gc bench/import-transfer.bench.ts [--node-only]` (BENCH_REPS=n for more runs)
// writes bench/results/import-transfer.json; without --expose-gc it runs too, with noisier figures.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { build } from "esbuild";
import { MultiDirectedGraph } from "graphology";
import { chromium, type Page } from "playwright-core";
import { packGraph, unpackGraph } from "../src/formats/compact-graph.ts";
import { importGraph } from "../src/formats/index.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";
import type { LinkageGraph } from "../src/graph/types.ts";
import { CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { chromiumPath, describeMachine } from "./machine.ts";
import { type GraphSize, gephiParts } from "./open-files.ts";
import { writeResult } from "./results.ts";
import { median, round } from "./stats.ts";

const SIZE: GraphSize = { nodes: 50_000, edges: 100_000 };
const RUNS = Math.max(1, Number(process.env.BENCH_REPS ?? 3));
const KEY_RUNS = 15;
const BENCH_DIR = fileURLToPath(new URL(".", import.meta.url));

type Way = "export" | "packed";
const WAYS: Way[] = ["export", "packed"];

/** One hand-over, in milliseconds: the worker's side (not on the page's thread), then the page's. */
interface Handover {
  /** export() or packGraph; in Node also v8.serialize (in Chromium that is inside postMessage). */
  workerMs?: number;
  receiveMs: number;
  buildMs: number;
}

const pageMs = (h: Handover) => h.receiveMs + h.buildMs;

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

/** The medians of each figure, rounded, and the page's total. */
function summary(runs: readonly Handover[]) {
  const of = (pick: (h: Handover) => number | undefined) => {
    const values = runs.map(pick).filter((v): v is number => v !== undefined);
    return values.length ? round(median(values)) : null;
  };
  return {
    workerMs: of((h) => h.workerMs),
    receiveMs: of((h) => h.receiveMs),
    buildMs: of((h) => h.buildMs),
    pageMs: of(pageMs),
    runs: runs.map((h) => round(pageMs(h))),
  };
}

/** One warm-up of each way, then RUNS of each, taking turns, so load on the machine hits both alike. */
async function alternated(run: (way: Way) => Promise<Handover> | Handover) {
  const samples: Record<Way, Handover[]> = { export: [], packed: [] };
  for (const way of WAYS) await run(way);
  for (let i = 0; i < RUNS; i++) for (const way of WAYS) samples[way].push(await run(way));
  const exported = summary(samples.export);
  const packed = summary(samples.packed);
  const ratio = exported.pageMs && packed.pageMs ? round(packed.pageMs / exported.pageMs, 2) : null;
  return { export: exported, packed, ratio };
}

// ---------------------------------------------------------------------------------------------
// Node

function nodeHandover(graph: LinkageGraph, way: Way): Handover {
  globalThis.gc?.();
  const [bytes, workerMs] = timed(() =>
    way === "export" ? v8.serialize(graph.export()) : v8.serialize(packGraph(graph).message),
  );
  globalThis.gc?.();
  const [message, receiveMs] = timed(() => v8.deserialize(bytes));
  const [built, buildMs] = timed(() =>
    way === "export" ? MultiDirectedGraph.from(message) : unpackGraph(message),
  );
  if (built.order !== graph.order || built.size !== graph.size) throw new Error(`${way}: a different graph`);
  return { workerMs, receiveMs, buildMs };
}

/** Texts as a list of strings, or as one joined string and lengths; each then keyed into a Map as graphology does. */
function textTransport(keys: string[]) {
  const lengths = Uint32Array.from(keys, (key) => key.length);
  const list = v8.serialize(keys);
  const joined = v8.serialize({ text: keys.join(""), lengths });
  const asList = () => {
    globalThis.gc?.();
    const [back, ms] = timed(() => {
      const received = v8.deserialize(list) as string[];
      const index = new Map<string, number>();
      for (let i = 0; i < received.length; i++) index.set(received[i] as string, i);
      return index;
    });
    return back.size === keys.length ? ms : Number.NaN;
  };
  const asJoined = () => {
    globalThis.gc?.();
    const [back, ms] = timed(() => {
      const received = v8.deserialize(joined) as { text: string; lengths: Uint32Array };
      const index = new Map<string, number>();
      let at = 0;
      for (let i = 0; i < received.lengths.length; i++) {
        const length = received.lengths[i] as number;
        index.set(received.text.slice(at, at + length), i);
        at += length;
      }
      return index;
    });
    return back.size === keys.length ? ms : Number.NaN;
  };
  asList();
  asJoined();
  const listMs: number[] = [];
  const joinedMs: number[] = [];
  // A few milliseconds each: more runs than the rest, so the median is not one unlucky run.
  for (let i = 0; i < KEY_RUNS; i++) {
    listMs.push(asList());
    joinedMs.push(asJoined());
  }
  return { stringListMs: round(median(listMs)), joinedStringMs: round(median(joinedMs)) };
}

async function nodeBench(graph: LinkageGraph) {
  const handover = await alternated((way) => nodeHandover(graph, way));
  const { message } = packGraph(graph);
  return {
    ...handover,
    messageBytes: { export: v8.serialize(graph.export()).length, packed: v8.serialize(message).length },
    texts: {
      nodeKeys: textTransport(graph.nodes()),
      edgeKeys: textTransport(graph.edges()),
      labels: textTransport(graph.mapNodes((_key, attributes) => attributes.label)),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Chromium

/**
 * The worker: reads the same GEXF (generated from the same seed) with the app's streaming import, then
 * answers each request with the graph, exported or packed.
 */
const WORKER_SOURCE = `
import "../src/ui/zod-csp.ts";
import { packGraph } from "../src/formats/compact-graph.ts";
import { startImport } from "../src/formats/index.ts";
import { gephiGexfParts } from "../tests/support/gephi-gexf.ts";
const stream = startImport("bench.gexf", {});
for (const part of gephiGexfParts(${JSON.stringify(SIZE)})) stream.write(part);
const graph = stream.end().graph;
self.postMessage({ ready: true, order: graph.order, size: graph.size });
const texts = {
  nodeKeys: () => graph.nodes(),
  edgeKeys: () => graph.edges(),
  labels: () => graph.mapNodes((_key, attributes) => attributes.label),
};
self.onmessage = (event) => {
  if (event.data.texts) {
    const list = texts[event.data.texts]();
    if (!event.data.joined) return self.postMessage({ list });
    const lengths = Uint32Array.from(list, (text) => text.length);
    return self.postMessage({ text: list.join(""), lengths }, [lengths.buffer]);
  }
  const way = event.data;
  const start = performance.now();
  const { message, transfer } = way === "export" ? { message: graph.export(), transfer: [] } : packGraph(graph);
  const sent = performance.now();
  self.postMessage({ way, workerMs: sent - start, sentAt: performance.timeOrigin + sent, graph: message }, transfer);
};
`;

/** The page: asks the worker for the graph one way, and times its own side of the hand-over. */
const PAGE_SOURCE = `
import "../src/ui/zod-csp.ts";
import { MultiDirectedGraph } from "graphology";
import { unpackGraph } from "../src/formats/compact-graph.ts";
const worker = new Worker("/worker.js");
let answer = null;
worker.onmessage = (event) => {
  const start = performance.now();
  const reply = event.data;
  if (reply.ready) return answer?.(reply);
  if (reply.list || reply.lengths) return answer?.(keyed(reply, start));
  const graph = reply.graph;
  const received = performance.now();
  const built = reply.way === "export" ? MultiDirectedGraph.from(graph) : unpackGraph(graph);
  const done = performance.now();
  answer?.({
    workerMs: reply.workerMs,
    receiveMs: received - start,
    buildMs: done - received,
    postedToDoneMs: performance.timeOrigin + done - reply.sentAt,
    order: built.order,
    size: built.size,
  });
};
/** Keys the texts into a Map, as graphology does with keys; the time from the message event on. */
function keyed(reply, start) {
  const index = new Map();
  if (reply.list) for (let i = 0; i < reply.list.length; i++) index.set(reply.list[i], i);
  else {
    let at = 0;
    for (let i = 0; i < reply.lengths.length; i++) {
      const end = at + reply.lengths[i];
      index.set(reply.text.slice(at, end), i);
      at = end;
    }
  }
  return { ms: performance.now() - start, count: index.size };
}
const next = () => new Promise((resolve) => { answer = resolve; });
window.benchReady = next();
window.handOver = (request) => { const reply = next(); worker.postMessage(request); return reply; };
`;

async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: BENCH_DIR, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "warning",
  });
  return result.outputFiles[0]?.text ?? "";
}

async function serve(files: Record<string, { type: string; body: string }>): Promise<Server> {
  const server = createServer((request, response) => {
    const file = files[request.url ?? ""];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

interface PageReply {
  workerMs: number;
  receiveMs: number;
  buildMs: number;
  postedToDoneMs: number;
  order: number;
  size: number;
}

const TEXTS = ["nodeKeys", "edgeKeys", "labels"] as const;

/** The texts of the graph sent to the page as a list or joined, received and keyed into a Map there. */
async function textsInChromium(page: Page) {
  const results: Record<string, { stringListMs: number; joinedStringMs: number }> = {};
  for (const texts of TEXTS) {
    const times = { list: [] as number[], joined: [] as number[] };
    for (let i = 0; i <= KEY_RUNS; i++)
      for (const joined of [false, true]) {
        const reply = await page.evaluate(
          (request) =>
            (window as unknown as { handOver(r: unknown): Promise<{ ms: number }> }).handOver(request),
          { texts, joined },
        );
        // The first of each is the warm-up.
        if (i > 0) times[joined ? "joined" : "list"].push(reply.ms);
      }
    results[texts] = { stringListMs: round(median(times.list)), joinedStringMs: round(median(times.joined)) };
  }
  return results;
}

async function chromiumBench() {
  const [workerJs, pageJs] = await Promise.all([bundle(WORKER_SOURCE), bundle(PAGE_SOURCE)]);
  const server = await serve({
    "/": { type: "text/html", body: '<!doctype html><meta charset="utf-8"><script src="/page.js"></script>' },
    "/page.js": { type: "text/javascript", body: pageJs },
    "/worker.js": { type: "text/javascript", body: workerJs },
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    console.log("  the worker reads the GEXF…");
    const ready = await page.evaluate(
      () => (window as unknown as { benchReady: Promise<{ order: number; size: number }> }).benchReady,
    );
    if (ready.order !== SIZE.nodes || ready.size !== SIZE.edges)
      throw new Error("the worker read another graph");
    const postedToDone: Record<Way, number[]> = { export: [], packed: [] };
    const handover = await alternated(async (way) => {
      const reply = await page.evaluate(
        (w) => (window as unknown as { handOver(way: string): Promise<PageReply> }).handOver(w),
        way,
      );
      if (reply.order !== SIZE.nodes || reply.size !== SIZE.edges)
        throw new Error(`${way}: a different graph`);
      postedToDone[way].push(reply.postedToDoneMs);
      return { workerMs: reply.workerMs, receiveMs: reply.receiveMs, buildMs: reply.buildMs };
    });
    // The first of each list is the warm-up.
    const postToBuilt = (way: Way) => round(median(postedToDone[way].slice(1)));
    const texts = await textsInChromium(page);
    return {
      ...handover,
      postedToBuiltMs: { export: postToBuilt("export"), packed: postToBuilt("packed") },
      texts,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

// ---------------------------------------------------------------------------------------------

const line = (name: string, s: ReturnType<typeof summary>) =>
  `  ${name.padEnd(8)} page ${s.pageMs} ms (receive ${s.receiveMs}, build ${s.buildMs})${
    s.workerMs === null ? "" : `, worker ${s.workerMs} ms`
  }; runs ${s.runs.join(", ")}`;

async function main(): Promise<void> {
  const nodeOnly = process.argv.includes("--node-only");
  console.log(`reading the Gephi-style GEXF of ${SIZE.nodes} nodes / ${SIZE.edges} edges…`);
  const text = [...gephiParts(SIZE)].join("");
  const { graph } = importGraph({ name: "bench.gexf", text }, { xml: nodeXmlParser });
  console.log("Node:");
  const node = await nodeBench(graph);
  console.log(line("export", node.export));
  console.log(line("packed", node.packed));
  console.log(`  ratio packed/export (page side) ${node.ratio}`);
  console.log(
    `  message ${round(node.messageBytes.export / 2 ** 20)} MB → ${round(node.messageBytes.packed / 2 ** 20)} MB`,
  );
  for (const [name, t] of Object.entries(node.texts))
    console.log(
      `  ${name} received and keyed: as a list ${t.stringListMs} ms, joined ${t.joinedStringMs} ms`,
    );
  let browser: Awaited<ReturnType<typeof chromiumBench>> | null = null;
  if (!nodeOnly) {
    console.log("Chromium:");
    browser = await chromiumBench();
    console.log(line("export", browser.export));
    console.log(line("packed", browser.packed));
    console.log(`  ratio packed/export (page side) ${browser.ratio}`);
    console.log(
      `  postMessage to built graph: export ${browser.postedToBuiltMs.export} ms, packed ${browser.postedToBuiltMs.packed} ms`,
    );
    for (const [name, t] of Object.entries(browser.texts))
      console.log(
        `  ${name} received and keyed: as a list ${t.stringListMs} ms, joined ${t.joinedStringMs} ms`,
      );
  }
  writeResult("import-transfer", {
    machine: describeMachine(),
    graph: SIZE,
    runs: RUNS,
    node,
    chromium: browser,
  });
  console.log("wrote bench/results/import-transfer.json");
}

await main();
