// Benchmark of issue 3, the explorer, against a bare page that draws the same graph with sigma and
// graphology alone, in the same run and the same browser: navigation to the first painted frame
// (graph-data, and a seeded synthetic graph of 10,000 nodes and 20,000 claims), frame times while
// the camera pans and zooms, the longest main-thread task after the first frame, and the initial
// JavaScript of the production build, gzipped. Goals: first frame within 1.3× of the bare page,
// no task over 50 ms after the first frame, initial JavaScript under 200 KB gzipped.
// `npm run bench:explorer` runs it alone; it writes bench/results/explorer.json.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { type Browser, chromium } from "playwright-core";
import { build, preview } from "vite";
import { CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { chromiumPath, describeMachine } from "./machine.ts";
import type { FrameStats } from "./pages/shared.ts";
import { writeResult } from "./results.ts";
import { median, round } from "./stats.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CONFIG = join(ROOT, "vite.config.ts");
const SYNTHETIC = { nodes: 10_000, claims: 20_000, holders: 20, seed: 1 };
const FIRST_FRAME_RUNS = { data: 7, synthetic: 3 };
const CAMERA_MS = 4000;
const VIEWPORT = { width: 1400, height: 880 };
const GOALS = { firstFrameRatio: 1.3, longTaskMs: 50, initialJsKiB: 200 };

type Page = "app" | "bare";
type Scenario = "data" | "synthetic";

/** Gzipped size of the JavaScript an HTML page loads before anything else: its module script and preloads. */
function initialJs(htmlFile: string): { files: string[]; bytes: number; gzipBytes: number } {
  const html = readFileSync(htmlFile, "utf8");
  const refs = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((match) => match[1] as string);
  let bytes = 0;
  let gzipBytes = 0;
  for (const ref of refs) {
    const content = readFileSync(resolve(dirname(htmlFile), ref));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files: refs, bytes, gzipBytes };
}

async function buildAll(outDir: string) {
  const appOnly = join(outDir, "app-only");
  const pages = join(outDir, "pages");
  // The app as it ships (its initial JavaScript), then both benchmark pages in one build.
  await build({
    root: ROOT,
    configFile: CONFIG,
    logLevel: "warn",
    build: { outDir: appOnly, emptyOutDir: true },
  });
  await build({
    root: ROOT,
    configFile: CONFIG,
    logLevel: "warn",
    build: {
      outDir: pages,
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
      rolldownOptions: {
        input: {
          app: join(ROOT, "bench/pages/app/index.html"),
          bare: join(ROOT, "bench/pages/bare/index.html"),
        },
      },
    },
  });
  return { appOnly, pages };
}

interface PageSummary {
  nodes: number;
  claims: number;
  firstFrameMs: { median: number; runs: number[] };
  longestTaskAfterFirstFrameMs: number;
  camera: (FrameStats & { longestTaskMs: number }) | null;
}

interface ScenarioReport {
  app: PageSummary;
  bare: PageSummary;
  ratios: { firstFrame: number; cameraMeanFrame: number | null; cameraP95Frame: number | null };
}

interface PageRun {
  firstFrameMs: number;
  nodes: number;
  claims: number;
  /** In the quiet second after the first frame, before anything is asked of the page. */
  longestTaskAfterFirstFrameMs: number;
  camera?: FrameStats & { longestTaskMs: number };
}

async function measure(browser: Browser, url: string, withCamera: boolean): Promise<PageRun> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 180_000 });
    // A quiet second after the first frame: whatever the page still does on its own shows up here.
    await page.waitForTimeout(1000);
    const run = await page.evaluate(() => {
      const bench = window.__bench as NonNullable<typeof window.__bench>;
      return {
        firstFrameMs: bench.firstFrame,
        nodes: bench.nodes,
        claims: bench.claims,
        longestTaskAfterFirstFrameMs: bench.longestTaskAfter(bench.firstFrame),
        cameraStart: performance.now(),
      };
    });
    let camera: (FrameStats & { longestTaskMs: number }) | undefined;
    if (withCamera) {
      const frames = await page.evaluate(
        (ms) => (window.__bench as NonNullable<typeof window.__bench>).runCamera(ms),
        CAMERA_MS,
      );
      // Long-task entries arrive a little after the task ends.
      await page.waitForTimeout(300);
      const longestTaskMs = await page.evaluate(
        (since) => (window.__bench as NonNullable<typeof window.__bench>).longestTaskAfter(since),
        run.cameraStart,
      );
      camera = { ...frames, longestTaskMs };
    }
    if (errors.length) throw new Error(`${url}: ${errors.join("; ")}`);
    const { cameraStart: _, ...measured } = run;
    return camera ? { ...measured, camera } : measured;
  } finally {
    await context.close();
  }
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), "linkage-atlas-bench-"));
  const { appOnly, pages } = await buildAll(work);
  const server = await preview({
    root: ROOT,
    configFile: CONFIG,
    logLevel: "warn",
    build: { outDir: pages },
    preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false },
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error("vite preview did not report a URL");
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const urls: Record<Scenario, Record<Page, string>> = {
    data: { app: `${base}bench/pages/app/?graph=data`, bare: `${base}bench/pages/bare/?graph=data` },
    synthetic: Object.fromEntries(
      (["app", "bare"] as const).map((page) => [
        page,
        `${base}bench/pages/${page}/?graph=synthetic&${new URLSearchParams(Object.entries(SYNTHETIC).map(([k, v]) => [k, String(v)]))}`,
      ]),
    ) as Record<Page, string>,
  };

  try {
    const scenarios = {} as Record<Scenario, ScenarioReport>;
    for (const scenario of ["data", "synthetic"] as const) {
      const runs: Record<Page, PageRun[]> = { app: [], bare: [] };
      // Interleaved, so a drift in the machine's speed falls on both pages alike. The first
      // run of each page also drives the camera; first-frame figures come from every run.
      for (let i = 0; i < FIRST_FRAME_RUNS[scenario]; i++) {
        for (const page of i % 2 ? (["bare", "app"] as const) : (["app", "bare"] as const)) {
          const run = await measure(browser, urls[scenario][page], i === 0);
          runs[page].push(run);
          console.log(
            `${scenario.padEnd(9)} ${page.padEnd(4)} run ${i + 1}: first frame ${round(run.firstFrameMs)} ms, longest task after ${round(run.longestTaskAfterFirstFrameMs)} ms${run.camera ? `, camera mean ${round(run.camera.meanMs)} ms/frame` : ""}`,
          );
        }
      }
      const summary = (page: Page): PageSummary => {
        const pageRuns = runs[page];
        const camera = pageRuns[0]?.camera;
        return {
          nodes: pageRuns[0]?.nodes ?? 0,
          claims: pageRuns[0]?.claims ?? 0,
          firstFrameMs: {
            median: round(median(pageRuns.map((r) => r.firstFrameMs))),
            runs: pageRuns.map((r) => round(r.firstFrameMs)),
          },
          longestTaskAfterFirstFrameMs: round(
            Math.max(...pageRuns.map((r) => r.longestTaskAfterFirstFrameMs)),
          ),
          camera: camera
            ? {
                frames: camera.frames,
                meanMs: round(camera.meanMs, 2),
                p95Ms: round(camera.p95Ms, 2),
                maxMs: round(camera.maxMs, 2),
                longestTaskMs: round(camera.longestTaskMs),
              }
            : null,
        };
      };
      const app = summary("app");
      const bare = summary("bare");
      const cameraRatio = (key: "meanMs" | "p95Ms") =>
        app.camera && bare.camera ? round(app.camera[key] / bare.camera[key], 2) : null;
      scenarios[scenario] = {
        app,
        bare,
        ratios: {
          firstFrame: round(app.firstFrameMs.median / bare.firstFrameMs.median, 2),
          cameraMeanFrame: cameraRatio("meanMs"),
          cameraP95Frame: cameraRatio("p95Ms"),
        },
      };
    }

    const appJs = initialJs(join(appOnly, "index.html"));
    const bareJs = initialJs(join(pages, "bench/pages/bare/index.html"));
    const report = {
      benchmark: "explorer",
      date: new Date().toISOString(),
      machine: { ...describeMachine(), browser: browser.version() },
      viewport: VIEWPORT,
      synthetic: SYNTHETIC,
      goals: GOALS,
      scenarios,
      initialJs: {
        app: { files: appJs.files, kib: round(appJs.bytes / 1024), gzipKiB: round(appJs.gzipBytes / 1024) },
        bare: {
          files: bareJs.files,
          kib: round(bareJs.bytes / 1024),
          gzipKiB: round(bareJs.gzipBytes / 1024),
        },
        ratio: round(appJs.gzipBytes / bareJs.gzipBytes, 2),
      },
    };
    writeResult("explorer", report);

    const table = (["data", "synthetic"] as const).map((scenario) => {
      const { app, bare, ratios } = scenarios[scenario];
      return {
        scenario,
        "first frame app / bare (ms)": `${app.firstFrameMs.median} / ${bare.firstFrameMs.median}`,
        ratio: ratios.firstFrame,
        "camera frame app / bare (ms, mean)": `${app.camera?.meanMs} / ${bare.camera?.meanMs}`,
        "camera ratio": ratios.cameraMeanFrame,
        "longest task after first frame app / bare (ms)": `${app.longestTaskAfterFirstFrameMs} / ${bare.longestTaskAfterFirstFrameMs}`,
        "longest task while the camera moves app / bare (ms)": `${app.camera?.longestTaskMs} / ${bare.camera?.longestTaskMs}`,
      };
    });
    console.table(table);
    console.log(
      `initial JS gzipped: app ${report.initialJs.app.gzipKiB} KiB, bare ${report.initialJs.bare.gzipKiB} KiB (${report.initialJs.ratio}×; goal < ${GOALS.initialJsKiB} KiB)`,
    );
    console.log("wrote bench/results/explorer.json");
  } finally {
    await browser.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
