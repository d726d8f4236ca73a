// What both benchmark pages (the explorer, and bare sigma + graphology) measure in the browser:
// which graph to draw, the first painted frame, long tasks after it, and frame times during a
// scripted camera run. The Node side (bench/explorer.bench.ts) reads them from window.__bench.

export interface FrameStats {
  frames: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
}

export interface BenchHooks {
  /** performance.now() when the first frame had been drawn and presented. */
  firstFrame: number;
  nodes: number;
  claims: number;
  /** The longest main-thread task (PerformanceObserver "longtask") that started after `since`. */
  longestTaskAfter(since: number): number;
  /** Pans and zooms the camera through a fixed path for about `durationMs`, timing every frame. */
  runCamera(durationMs: number): Promise<FrameStats>;
}

declare global {
  interface Window {
    __bench?: BenchHooks;
  }
}

export interface BenchGraphParams {
  graph: "data" | "synthetic";
  seed: number;
  nodes: number;
  claims: number;
  holders: number;
}

/** `?graph=synthetic&seed=1&nodes=10000&claims=20000`; graph-data by default. */
export function benchParams(): BenchGraphParams {
  const params = new URLSearchParams(window.location.search);
  const number = (name: string, fallback: number) => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    graph: params.get("graph") === "synthetic" ? "synthetic" : "data",
    seed: number("seed", 1),
    nodes: number("nodes", 10_000),
    claims: number("claims", 20_000),
    holders: number("holders", 20),
  };
}

/** Starts recording long tasks; call it first thing, so none is missed. */
export function observeLongTasks(): (since: number) => number {
  const tasks: PerformanceEntry[] = [];
  try {
    new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({
      type: "longtask",
      buffered: true,
    });
  } catch {
    // No longtask support: report 0 rather than fail the page.
  }
  return (since) =>
    tasks.filter((task) => task.startTime >= since).reduce((max, task) => Math.max(max, task.duration), 0);
}

interface AnimatedCamera {
  animate(state: { x?: number; y?: number; ratio?: number }, options: { duration: number }): Promise<void>;
}

/** A pan-and-zoom path; the same for both pages so their frame times compare. */
export async function runCamera(camera: AnimatedCamera, durationMs: number): Promise<FrameStats> {
  const stamps: number[] = [];
  let running = true;
  const tick = (time: number) => {
    stamps.push(time);
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const leg = durationMs / 4;
  await camera.animate({ x: 0.3, y: 0.35, ratio: 0.45 }, { duration: leg });
  await camera.animate({ x: 0.7, y: 0.6, ratio: 0.25 }, { duration: leg });
  await camera.animate({ x: 0.5, y: 0.45, ratio: 1.3 }, { duration: leg });
  await camera.animate({ x: 0.5, y: 0.5, ratio: 1 }, { duration: leg });
  running = false;
  const intervals = stamps.slice(1).map((stamp, i) => stamp - (stamps[i] as number));
  const sorted = [...intervals].sort((a, b) => a - b);
  const mean = intervals.reduce((sum, value) => sum + value, 0) / Math.max(1, intervals.length);
  return {
    frames: intervals.length,
    meanMs: mean,
    p95Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0,
    maxMs: sorted.at(-1) ?? 0,
  };
}

/** Resolves at the first frame drawn after `afterRender` fired, as the explorer's readiness does. */
export function nextPaint(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
}
