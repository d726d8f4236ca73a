// Benchmark of issue 6's lens in the browser: on a seeded synthetic graph of 100,000 claims and 20
// holders, switching the lens (and Compare) must change sigma states only: no full data pass
// (processData) and no refresh(). It counts both with spies in the page and times each switch
// against a full renderer.refresh() in the same run and page. Writes bench/results/perspectives-lens.json.
// `npm run bench:lens` runs it alone; `npm run bench` runs it with the other parts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { build, preview } from "vite";
import type { Perspective } from "../src/ui/state/perspective.ts";
import { CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { chromiumPath, describeMachine } from "./machine.ts";
import type { Timing } from "./pages/lens/main.ts";
import { writeResult } from "./results.ts";
import { median, round } from "./stats.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CONFIG = join(ROOT, "vite.config.ts");
const SYNTHETIC = {
  nodes: Number(process.env.LENS_NODES ?? 20_000),
  claims: Number(process.env.LENS_CLAIMS ?? 100_000),
  holders: 20,
  seed: 1,
};
const RUNS = 5;
const VIEWPORT = { width: 1400, height: 880 };

function summarise(timings: readonly Timing[]) {
  return {
    runs: timings.length,
    syncMs: {
      median: round(median(timings.map((t) => t.syncMs))),
      runs: timings.map((t) => round(t.syncMs)),
    },
    frameMs: {
      median: round(median(timings.map((t) => t.frameMs))),
      runs: timings.map((t) => round(t.frameMs)),
    },
    processDataCalls: timings.reduce((sum, t) => sum + t.processData, 0),
    refreshCalls: timings.reduce((sum, t) => sum + t.refresh, 0),
    stateOnlyPasses: timings.reduce((sum, t) => sum + t.refreshState, 0),
  };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), "linkage-atlas-bench-lens-"));
  await build({
    root: ROOT,
    configFile: CONFIG,
    logLevel: "warn",
    build: {
      outDir: work,
      emptyOutDir: true,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: { lens: join(ROOT, "bench/pages/lens/index.html") } },
    },
  });
  const server = await preview({
    root: ROOT,
    configFile: CONFIG,
    logLevel: "warn",
    build: { outDir: work },
    preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false },
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error("vite preview did not report a URL");
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const query = new URLSearchParams(Object.entries(SYNTHETIC).map(([k, v]) => [k, String(v)]));
    // The page awaits the first frame at top level, so "load" waits for the whole graph: wait for the hook.
    await page.goto(`${base}bench/pages/lens/?${query}`, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__lens !== undefined, null, { timeout: 600_000 });
    const loaded = await page.evaluate(() => {
      const lens = window.__lens as NonNullable<typeof window.__lens>;
      return { nodes: lens.nodes, claims: lens.claims, loadMs: lens.loadMs };
    });
    console.log(`loaded ${loaded.nodes} nodes and ${loaded.claims} claims in ${round(loaded.loadMs)} ms`);

    const switchTo = (perspective: Perspective) =>
      page.evaluate(
        (p) => (window.__lens as NonNullable<typeof window.__lens>).switchPerspective(p),
        perspective,
      );
    const refresh = () =>
      page.evaluate(() => (window.__lens as NonNullable<typeof window.__lens>).fullRefresh());

    // Interleaved: a lens switch, then a full refresh, so drift in the machine falls on both alike.
    const lens: Timing[] = [];
    const full: Timing[] = [];
    const compare: Timing[] = [];
    const off: Timing[] = [];
    for (let i = 0; i < RUNS; i++) {
      lens.push(await switchTo({ mode: "lens", holder: `actor:n${i}` }));
      full.push(await refresh());
      compare.push(await switchTo({ mode: "compare", a: `actor:n${i}`, b: `actor:n${i + 1}` }));
      off.push(await switchTo({ mode: "off" }));
      const last = lens.at(-1) as Timing;
      console.log(
        `run ${i + 1}: lens ${round(last.syncMs)} ms sync / ${round(last.frameMs)} ms to frame (processData ${last.processData}, refresh ${last.refresh}); full refresh ${round((full.at(-1) as Timing).frameMs)} ms`,
      );
    }
    if (errors.length) throw new Error(errors.join("; "));

    const report = {
      benchmark: "perspectives-lens",
      date: new Date().toISOString(),
      machine: { ...describeMachine(), browser: browser.version() },
      viewport: VIEWPORT,
      synthetic: SYNTHETIC,
      loaded,
      lensSwitch: summarise(lens),
      compareSwitch: summarise(compare),
      lensOff: summarise(off),
      fullRefresh: summarise(full),
      ratios: {
        lensToFullRefreshFrame: round(
          median(lens.map((t) => t.frameMs)) / median(full.map((t) => t.frameMs)),
          2,
        ),
      },
      statesOnly:
        [...lens, ...compare, ...off].every((t) => t.processData === 0 && t.refresh === 0) &&
        full.every((t) => t.processData > 0),
    };
    writeResult("perspectives-lens", report);
    console.table({
      "lens switch": {
        "sync ms": report.lensSwitch.syncMs.median,
        "to frame ms": report.lensSwitch.frameMs.median,
        processData: report.lensSwitch.processDataCalls,
        "refresh()": report.lensSwitch.refreshCalls,
      },
      "compare switch": {
        "sync ms": report.compareSwitch.syncMs.median,
        "to frame ms": report.compareSwitch.frameMs.median,
        processData: report.compareSwitch.processDataCalls,
        "refresh()": report.compareSwitch.refreshCalls,
      },
      "lens off": {
        "sync ms": report.lensOff.syncMs.median,
        "to frame ms": report.lensOff.frameMs.median,
        processData: report.lensOff.processDataCalls,
        "refresh()": report.lensOff.refreshCalls,
      },
      "renderer.refresh()": {
        "sync ms": report.fullRefresh.syncMs.median,
        "to frame ms": report.fullRefresh.frameMs.median,
        processData: report.fullRefresh.processDataCalls,
        "refresh()": report.fullRefresh.refreshCalls,
      },
    });
    console.log(`states only: ${report.statesOnly}; wrote bench/results/perspectives-lens.json`);
    if (!report.statesOnly) process.exitCode = 1;
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
