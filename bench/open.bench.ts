// Benchmark of issue 12: opening a big GEXF from a link. The explorer, opened with `?file=URL`, against
// a bare page (graphology-gexf + sigma v4, bench/pages/open-bare) reading the same file, in the same
// Chromium and the same run, the pages alternated, median of 3. Files: Gephi-style GEXF with positions
// and colours of 1,000/2,000, 10,000/20,000 and 50,000/100,000 nodes/edges, served on 127.0.0.1.
// Measured: navigation to the frame that holds the whole graph (both pages set the performance mark
// `graph-drawn` after sigma's first render), the JS heap after the load (after a GC, CDP), the longest
// main-thread task in the quiet seconds after that frame with the JavaScript and the task time of those
// seconds (CDP: what is not JavaScript is mostly the wait for the GPU's raster), and, at the largest
// size, a hover as JS time
// (CDP's ScriptDuration). A lens switch and a Compare switch need holders, which a Gephi file has not:
// they are timed on a variant of the largest file with 20 holders (bench/open-files.ts), once per page.
// `npm run bench:open` writes bench/results/open.json. `-- --sizes 1000` runs only the sizes named.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type CDPSession, chromium, type Page } from "playwright-core";
import { build, preview } from "vite";
import { CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { chromiumPath, describeMachine } from "./machine.ts";
import { type GraphSize, gephiParts, HOLDERS, holderId, holdersGexfParts, writeParts } from "./open-files.ts";
import { writeResult } from "./results.ts";
import { median, round } from "./stats.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CONFIG = join(ROOT, "vite.config.ts");
const ALL_SIZES: GraphSize[] = [
  { nodes: 1_000, edges: 2_000 },
  { nodes: 10_000, edges: 20_000 },
  { nodes: 50_000, edges: 100_000 },
];
const RUNS = 3;
const VIEWPORT = { width: 1400, height: 880 };
/** Every load is given this long to draw its graph; past it the run fails rather than hang. */
const LOAD_TIMEOUT_MS = 360_000;
/** After the graph is drawn: the window in which the longest task is looked for. */
const QUIET_MS = 3000;
/** After a hover or a switch: time for the frame it asks for, and any work it defers. */
const SETTLE_MS = 1500;
const GOALS = {
  openRatio: { 1000: 1.3, 10000: 1.0, 50000: 1.0 },
  heapRatio: 1.5,
  switchJsMs: 50,
  longTaskMs: 50,
};

type PageKind = "explorer" | "bare";

/** Long tasks from the very start of the page, in both pages alike (an init script, before their own). */
const OBSERVE_LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
})();`;

interface LongTask {
  start: number;
  duration: number;
}

async function buildSite(site: string): Promise<void> {
  // The explorer exactly as it ships, then the bare page beside it in its own build.
  await build({
    root: ROOT,
    configFile: CONFIG,
    logLevel: "warn",
    build: { outDir: site, emptyOutDir: true },
  });
  await build({
    root: ROOT,
    configFile: CONFIG,
    logLevel: "warn",
    build: {
      outDir: join(site, "bare"),
      emptyOutDir: true,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: { bare: join(ROOT, "bench/pages/open-bare/index.html") } },
    },
  });
}

const label = (size: GraphSize) =>
  `${size.nodes.toLocaleString("en-US")}/${size.edges.toLocaleString("en-US")}`;

async function writeFiles(dir: string, sizes: readonly GraphSize[], largest: GraphSize) {
  mkdirSync(dir, { recursive: true });
  const bytes: Record<string, number> = {};
  for (const size of sizes)
    bytes[`gephi-${size.nodes}.gexf`] = await writeParts(
      join(dir, `gephi-${size.nodes}.gexf`),
      gephiParts(size),
    );
  bytes[`holders-${largest.nodes}.gexf`] = await writeParts(
    join(dir, `holders-${largest.nodes}.gexf`),
    holdersGexfParts(largest),
  );
  return bytes;
}

interface Opened {
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
  errors: string[];
}

async function openPage(browser: Browser): Promise<Opened> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript(OBSERVE_LONG_TASKS);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  return { page, cdp, errors, close: () => context.close() };
}

interface Drawn {
  /** Milliseconds from navigation to the mark. */
  at: number;
  nodes: number;
  edges: number;
  /** When the file had arrived (resource timing), from navigation. */
  fileArrived: number | null;
}

/** The mark, or null when the page did not draw within LOAD_TIMEOUT_MS. */
async function waitDrawn(page: Page, file: string): Promise<Drawn | null> {
  try {
    await page.waitForFunction(() => performance.getEntriesByName("graph-drawn").length > 0, null, {
      timeout: LOAD_TIMEOUT_MS,
      polling: 250,
    });
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError") return null;
    throw error;
  }
  return page.evaluate((name) => {
    const mark = performance.getEntriesByName("graph-drawn")[0] as PerformanceMark;
    const detail = mark.detail as { nodes: number; edges: number };
    const resource = performance.getEntriesByType("resource").find((entry) => entry.name.endsWith(name)) as
      | PerformanceResourceTiming
      | undefined;
    return { at: mark.startTime, ...detail, fileArrived: resource ? resource.responseEnd : null };
  }, file);
}

/** The long tasks so far; a short wait first lets the observer deliver the last one. */
const longTasks = (page: Page) =>
  page.evaluate(async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    return (window as unknown as { __longTasks: LongTask[] }).__longTasks;
  });
const longestAfter = (tasks: readonly LongTask[], since: number, until = Number.POSITIVE_INFINITY) =>
  tasks.filter((t) => t.start >= since && t.start < until).reduce((max, t) => Math.max(max, t.duration), 0);

/** Main-thread JavaScript and task time so far, in milliseconds (CDP Performance.getMetrics). */
async function mainThreadTime(cdp: CDPSession): Promise<{ script: number; task: number }> {
  const { metrics } = (await cdp.send("Performance.getMetrics")) as {
    metrics: { name: string; value: number }[];
  };
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { script: value("ScriptDuration"), task: value("TaskDuration") };
}

/** The JS heap the page holds after a full GC (CDP), in MB. */
async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
  return usedSize / 1024 / 1024;
}

interface Timed {
  /** CDP ScriptDuration over the action and its settling: the JavaScript it cost. */
  jsMs: number;
  /** CDP TaskDuration over the same window: every main-thread task, style, layout and GPU waits too. */
  taskMs: number;
  longestTaskMs: number;
}

/** Times `act` and what follows it for SETTLE_MS: main-thread JS and tasks, and the longest task. */
async function timed(opened: Opened, act: () => Promise<unknown>): Promise<Timed> {
  const { page, cdp } = opened;
  const since = await page.evaluate(() => performance.now());
  const before = await mainThreadTime(cdp);
  await act();
  await page.waitForTimeout(SETTLE_MS);
  const after = await mainThreadTime(cdp);
  return {
    jsMs: after.script - before.script,
    taskMs: after.task - before.task,
    longestTaskMs: longestAfter(await longTasks(page), since),
  };
}

/** A real click at an element's centre, by the mouse alone: no script runs in the page to find it. */
async function clickAt(page: Page, selector: string): Promise<() => Promise<void>> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.waitForTimeout(300);
  return () => page.mouse.click(x, y);
}

/** The node hovered: one in the middle of the file's ids, so a search finds it alone. */
const hoveredIndex = (size: GraphSize) => Math.floor(size.nodes * 0.4242);

/**
 * The explorer: search the node (the camera centres it), clear the selection, then hover the centre
 * of the stage from outside it. Returns the camera the explorer settled on, for the bare page.
 */
async function hoverInExplorer(
  opened: Opened,
  size: GraphSize,
): Promise<{ timing: Timed; hovered: boolean; camera: string | null }> {
  const { page } = opened;
  const name = `Node ${hoveredIndex(size)}`;
  const input = page.getByRole("combobox", { name: /search nodes/i });
  await input.fill(name);
  await page
    .getByRole("option", { name: new RegExp(`^${name}\\b`) })
    .first()
    .waitFor();
  await page.keyboard.press("Enter");
  await page.locator("#details").getByRole("heading", { level: 2, name }).waitFor();
  await page.keyboard.press("Escape");
  await page.locator("#details").getByRole("heading", { name: "Nothing selected" }).waitFor();
  await page.waitForTimeout(SETTLE_MS);
  const box = await page.locator("#graph-canvas").boundingBox();
  if (!box) throw new Error("the explorer's canvas is not on screen");
  await page.mouse.move(2, 2);
  await page.waitForTimeout(500);
  const timing = await timed(opened, () => page.mouse.move(box.x + box.width / 2, box.y + box.height / 2));
  const hovered = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("#graph-canvas, #graph-canvas *")].some(
      (element) => element.style.cursor === "pointer",
    ),
  );
  return { timing, hovered, camera: new URL(page.url()).searchParams.get("camera") };
}

/** The bare page: the explorer's camera, then the same node hovered from outside it. */
async function hoverInBare(
  opened: Opened,
  size: GraphSize,
  camera: string | null,
): Promise<{ timing: Timed; hovered: boolean }> {
  const { page } = opened;
  const point = await page.evaluate(
    async ({ node, camera }) => {
      const bare = window.__bare;
      if (!bare) throw new Error("the bare page has no hooks");
      if (camera) {
        const [x, y, ratio] = camera.split(",").map(Number) as [number, number, number];
        bare.setCamera({ x, y, ratio });
      }
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return bare.nodeOnScreen(node);
    },
    { node: `n${hoveredIndex(size)}`, camera },
  );
  if (!point) throw new Error(`node ${hoveredIndex(size)} is not drawn on the bare page`);
  await page.mouse.move(1, 1);
  await page.waitForTimeout(500);
  const timing = await timed(opened, () => page.mouse.move(point.x, point.y));
  const hovered = await page.evaluate(() => window.__bare?.hoveredNode() ?? null);
  return { timing, hovered: hovered === `n${hoveredIndex(size)}` };
}

interface OpenRun {
  page: PageKind;
  /** Null: not drawn within LOAD_TIMEOUT_MS (then the other figures are not measured). */
  drawnMs: number | null;
  fileArrivedMs: number | null;
  nodes: number;
  edges: number;
  heapMb: number;
  longestTaskAfterDrawnMs: number;
  /** CDP ScriptDuration and TaskDuration over the QUIET_MS after the frame: JS, and JS plus GPU waits. */
  quietScriptMs: number;
  quietTaskMs: number;
  /** The longest tasks before the graph was drawn: where the main thread's share of the open went. */
  longestTasksBeforeDrawnMs: number[];
  hover?: Timed & { hovered: boolean };
}

async function measureOpen(browser: Browser, url: string, file: string, kind: PageKind, size: GraphSize) {
  const opened = await openPage(browser);
  try {
    await opened.page.goto(url, { waitUntil: "commit" });
    const drawn = await waitDrawn(opened.page, file);
    if (!drawn) {
      const run: OpenRun = {
        page: kind,
        drawnMs: null,
        fileArrivedMs: null,
        nodes: 0,
        edges: 0,
        heapMb: Number.NaN,
        longestTaskAfterDrawnMs: Number.NaN,
        quietScriptMs: Number.NaN,
        quietTaskMs: Number.NaN,
        longestTasksBeforeDrawnMs: [],
      };
      return { run, opened };
    }
    if (drawn.nodes !== size.nodes || drawn.edges !== size.edges)
      throw new Error(`${kind} drew ${drawn.nodes}/${drawn.edges}, not ${label(size)}`);
    const quietFrom = await mainThreadTime(opened.cdp);
    await opened.page.waitForTimeout(QUIET_MS);
    const quietTo = await mainThreadTime(opened.cdp);
    const tasks = await longTasks(opened.page);
    const run: OpenRun = {
      page: kind,
      drawnMs: drawn.at,
      fileArrivedMs: drawn.fileArrived,
      nodes: drawn.nodes,
      edges: drawn.edges,
      heapMb: await heapMb(opened.cdp),
      longestTaskAfterDrawnMs: longestAfter(tasks, drawn.at),
      quietScriptMs: quietTo.script - quietFrom.script,
      quietTaskMs: quietTo.task - quietFrom.task,
      longestTasksBeforeDrawnMs: tasks
        .filter((t) => t.start < drawn.at)
        .map((t) => t.duration)
        .sort((a, b) => b - a)
        .slice(0, 3),
    };
    return { run, opened };
  } catch (error) {
    await opened.close();
    throw error;
  }
}

interface SwitchTimes {
  lens: Timed[];
  lensOff: Timed[];
  compare: Timed[];
}

/** Lens on, off, three times; Compare on, off, three times, with real clicks on the Perspective switch. */
async function switchesInExplorer(opened: Opened): Promise<SwitchTimes> {
  const times: SwitchTimes = { lens: [], lensOff: [], compare: [] };
  const button = (mode: string) => `button[data-perspective="${mode}"]`;
  for (let i = 0; i < RUNS; i++) {
    times.lens.push(await timed(opened, await clickAt(opened.page, button("lens"))));
    times.lensOff.push(await timed(opened, await clickAt(opened.page, button("off"))));
  }
  for (let i = 0; i < RUNS; i++) {
    times.compare.push(await timed(opened, await clickAt(opened.page, button("compare"))));
    await (await clickAt(opened.page, button("off")))();
    await opened.page.waitForTimeout(SETTLE_MS);
  }
  return times;
}

/** The bare page's lens: one state per claim and node, the least any lens can write. */
async function switchesInBare(opened: Opened): Promise<SwitchTimes> {
  const times: SwitchTimes = { lens: [], lensOff: [], compare: [] };
  const lens = (holder: string | null) => () => opened.page.evaluate((h) => window.__bare?.lens(h), holder);
  // The first call reads every claim's holders once; a lens after it is states only.
  await lens(holderId(0))();
  await lens(null)();
  for (let i = 0; i < RUNS; i++) {
    times.lens.push(await timed(opened, lens(holderId(i))));
    times.lensOff.push(await timed(opened, lens(null)));
  }
  return times;
}

/**
 * The median and the runs. A run that was not measured (null) counts as longer than any other, as a
 * page that never drew is: a median that falls on one is null, and the table says "> 360 s".
 */
const summarise = (values: readonly (number | null)[], digits = 1) => {
  const middle = median(values.map((v) => (v === null || Number.isNaN(v) ? Number.POSITIVE_INFINITY : v)));
  return {
    median: Number.isFinite(middle) ? round(middle, digits) : null,
    runs: values.map((v) => (v === null || !Number.isFinite(v) ? null : round(v, digits))),
  };
};
const summariseTimed = (list: readonly Timed[]) => ({
  jsMs: summarise(list.map((t) => t.jsMs)),
  taskMs: summarise(list.map((t) => t.taskMs)),
  longestTaskMs: round(Math.max(0, ...list.map((t) => t.longestTaskMs))),
});
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a !== null && a !== undefined && b ? round(a / b, 2) : null;
/** A figure for the table: a number, or "> 360 s" for a page that never drew. */
const shown = (value: number | null | undefined, timedOut = false) =>
  value === null || value === undefined ? (timedOut ? `> ${LOAD_TIMEOUT_MS / 1000} s` : "–") : String(value);

function summaryOf(list: readonly OpenRun[]) {
  const drawn = list.filter((r) => r.drawnMs !== null);
  const hovers = list.flatMap((r) => (r.hover ? [r.hover] : []));
  return {
    drawnMs: summarise(
      list.map((r) => r.drawnMs),
      0,
    ),
    timedOut: list.length - drawn.length,
    fileArrivedMs: summarise(
      list.map((r) => r.fileArrivedMs),
      0,
    ),
    heapMb: summarise(drawn.map((r) => r.heapMb)),
    longestTaskAfterDrawnMs: drawn.length
      ? round(Math.max(...drawn.map((r) => r.longestTaskAfterDrawnMs)))
      : null,
    quietScriptMs: summarise(drawn.map((r) => r.quietScriptMs)),
    quietTaskMs: summarise(drawn.map((r) => r.quietTaskMs)),
    longestTasksBeforeDrawnMs: drawn.map((r) => r.longestTasksBeforeDrawnMs.map((t) => round(t))),
    hover: hovers.length ? { ...summariseTimed(hovers), hovered: hovers.map((h) => h.hovered) } : null,
  };
}

const describeRun = (size: GraphSize, i: number, run: OpenRun) =>
  run.drawnMs === null
    ? `${label(size).padEnd(15)} ${run.page.padEnd(8)} run ${i + 1}: not drawn within ${LOAD_TIMEOUT_MS / 1000} s`
    : `${label(size).padEnd(15)} ${run.page.padEnd(8)} run ${i + 1}: drawn at ${round(run.drawnMs)} ms (file in at ${round(run.fileArrivedMs ?? Number.NaN)} ms), heap ${round(run.heapMb)} MB, longest task after ${round(run.longestTaskAfterDrawnMs)} ms (quiet ${QUIET_MS / 1000} s: JS ${round(run.quietScriptMs)} ms, tasks ${round(run.quietTaskMs)} ms), before [${run.longestTasksBeforeDrawnMs.map((t) => round(t)).join(", ")}] ms${run.hover ? `, hover JS ${round(run.hover.jsMs)} ms (hovered: ${run.hover.hovered})` : ""}`;

function sizesFromArgs(): GraphSize[] {
  const at = process.argv.indexOf("--sizes");
  if (at < 0) return ALL_SIZES;
  const wanted = new Set((process.argv[at + 1] ?? "").split(",").map(Number));
  return ALL_SIZES.filter((size) => wanted.has(size.nodes));
}

/** Three rounds on one file, the pages alternated; at the largest size each load also times a hover. */
async function measureSize(
  browser: Browser,
  size: GraphSize,
  urlOf: (kind: PageKind, file: string) => string,
  withHover: boolean,
) {
  const file = `gephi-${size.nodes}.gexf`;
  const runs: Record<PageKind, OpenRun[]> = { explorer: [], bare: [] };
  /** The camera the explorer settled on in its last run: the bare page hovers under the same one. */
  let camera: string | null = null;
  for (let i = 0; i < RUNS; i++) {
    // Alternated, so a drift in the machine's speed falls on both pages alike.
    for (const kind of i % 2 ? (["bare", "explorer"] as const) : (["explorer", "bare"] as const)) {
      const { run, opened } = await measureOpen(browser, urlOf(kind, file), file, kind, size);
      try {
        if (withHover && run.drawnMs !== null) {
          if (kind === "explorer") {
            const hover = await hoverInExplorer(opened, size);
            run.hover = { ...hover.timing, hovered: hover.hovered };
            camera = hover.camera;
          } else {
            const hover = await hoverInBare(opened, size, camera);
            run.hover = { ...hover.timing, hovered: hover.hovered };
          }
        }
        if (opened.errors.length) throw new Error(`${kind}: ${opened.errors.join("; ")}`);
      } finally {
        await opened.close();
      }
      runs[kind].push(run);
      console.log(describeRun(size, i, run));
    }
  }
  return runs;
}

/** The lens and Compare on the variant with holders: one load of each page, each switch three times. */
async function measureSwitches(
  browser: Browser,
  size: GraphSize,
  urlOf: (kind: PageKind, file: string) => string,
) {
  const file = `holders-${size.nodes}.gexf`;
  const result = {} as Record<PageKind, ReturnType<typeof switchSummary>>;
  function switchSummary(drawnMs: number | null, times: SwitchTimes | null) {
    return {
      drawnMs: drawnMs === null ? null : round(drawnMs),
      lens: times ? summariseTimed(times.lens) : null,
      lensOff: times ? summariseTimed(times.lensOff) : null,
      compare: times?.compare.length ? summariseTimed(times.compare) : null,
    };
  }
  for (const kind of ["explorer", "bare"] as const) {
    const { run, opened } = await measureOpen(browser, urlOf(kind, file), file, kind, size);
    try {
      let times: SwitchTimes | null = null;
      if (run.drawnMs !== null) {
        await opened.page.waitForTimeout(SETTLE_MS);
        times = kind === "explorer" ? await switchesInExplorer(opened) : await switchesInBare(opened);
      }
      if (opened.errors.length) throw new Error(`${kind}: ${opened.errors.join("; ")}`);
      result[kind] = switchSummary(run.drawnMs, times);
      const list = (timings: readonly Timed[] | undefined) =>
        (timings ?? []).map((t) => round(t.jsMs)).join(", ");
      console.log(
        times
          ? `${file} ${kind}: drawn at ${round(run.drawnMs ?? 0)} ms; lens JS ${list(times.lens)} ms; off ${list(times.lensOff)} ms${times.compare.length ? `; compare ${list(times.compare)} ms` : ""}`
          : `${file} ${kind}: not drawn within ${LOAD_TIMEOUT_MS / 1000} s`,
      );
    } finally {
      await opened.close();
    }
  }
  return result;
}

async function main() {
  const sizes = sizesFromArgs();
  const largest = sizes.at(-1) ?? ALL_SIZES[0];
  if (!largest) throw new Error("no size to run");
  const work = mkdtempSync(join(tmpdir(), "linkage-atlas-open-"));
  const site = join(work, "site");
  console.log("building the explorer and the bare page…");
  await buildSite(site);
  console.log("writing the GEXF files…");
  const fileBytes = await writeFiles(join(site, "files"), sizes, largest);
  const server = await preview({
    root: ROOT,
    configFile: CONFIG,
    logLevel: "warn",
    build: { outDir: site },
    preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false },
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error("vite preview did not report a URL");
  const urlOf = (kind: PageKind, file: string) =>
    kind === "explorer"
      ? `${base}?file=files/${file}`
      : `${base}bare/bench/pages/open-bare/?file=../../../../files/${file}`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const started = performance.now();

  try {
    const results = [];
    for (const size of sizes) {
      const runs = await measureSize(browser, size, urlOf, size === largest);
      const explorer = summaryOf(runs.explorer);
      const bare = summaryOf(runs.bare);
      const file = `gephi-${size.nodes}.gexf`;
      results.push({
        size,
        file: { name: file, mb: round((fileBytes[file] ?? 0) / 1024 / 1024) },
        explorer,
        bare,
        ratios: {
          open: ratio(explorer.drawnMs.median, bare.drawnMs.median),
          heap: ratio(explorer.heapMb.median, bare.heapMb.median),
          hoverJs: ratio(explorer.hover?.jsMs.median, bare.hover?.jsMs.median),
        },
      });
    }
    const holdersFile = `holders-${largest.nodes}.gexf`;
    const switches = await measureSwitches(browser, largest, urlOf);

    const report = {
      benchmark: "open",
      date: new Date().toISOString(),
      machine: { ...describeMachine(), browser: browser.version() },
      viewport: VIEWPORT,
      runs: RUNS,
      loadTimeoutMs: LOAD_TIMEOUT_MS,
      seconds: round((performance.now() - started) / 1000),
      goals: GOALS,
      sizes: results,
      switches: {
        file: {
          name: holdersFile,
          mb: round((fileBytes[holdersFile] ?? 0) / 1024 / 1024),
          holders: HOLDERS,
          ...largest,
        },
        ...switches,
      },
    };
    writeResult("open", report);
    console.table(
      results.map((r) => ({
        graph: label(r.size),
        "file MB": r.file.mb,
        "open explorer / bare (ms)": `${shown(r.explorer.drawnMs.median, r.explorer.timedOut > 0)} / ${shown(r.bare.drawnMs.median, r.bare.timedOut > 0)}`,
        "open ratio": shown(r.ratios.open),
        "heap explorer / bare (MB)": `${shown(r.explorer.heapMb.median)} / ${shown(r.bare.heapMb.median)}`,
        "heap ratio": shown(r.ratios.heap),
        "longest task after explorer / bare (ms)": `${shown(r.explorer.longestTaskAfterDrawnMs)} / ${shown(r.bare.longestTaskAfterDrawnMs)}`,
        "quiet 3 s JS / tasks, explorer (ms)": `${shown(r.explorer.quietScriptMs.median)} / ${shown(r.explorer.quietTaskMs.median)}`,
        "hover JS explorer / bare (ms)":
          r.explorer.hover || r.bare.hover
            ? `${shown(r.explorer.hover?.jsMs.median)} / ${shown(r.bare.hover?.jsMs.median)}`
            : "",
      })),
    );
    const { explorer, bare } = switches;
    console.log(
      `at ${label(largest)} with ${HOLDERS} holders, JS ms explorer / bare: lens on ${shown(explorer.lens?.jsMs.median)} / ${shown(bare.lens?.jsMs.median)}, lens off ${shown(explorer.lensOff?.jsMs.median)} / ${shown(bare.lensOff?.jsMs.median)}; Compare on ${shown(explorer.compare?.jsMs.median)} (explorer only)`,
    );
    console.log("wrote bench/results/open.json");
  } finally {
    await browser.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
