// Web worker: lays out a graph off the main thread with the explorer's plan (layout-plan.ts):
// ForceAtlas2 by the graph's size, in slices of about a frame's time, posting progress (and, when
// asked, the positions so far, so a rerun moves on screen) after each slice, then noverlap. A "stop"
// message ends it after the slice under way: noverlap still runs, so what it posts never overlaps.
import "../zod-csp.ts";
import { type LayoutInput, layoutPlan, positionsOf, separate, step, workGraph } from "./layout-plan.ts";

export type LayoutRequest =
  | { type: "start"; input: LayoutInput /** Post the positions with each progress message. */; live: boolean }
  | { type: "stop" };

export type LayoutReply =
  | { type: "progress"; done: number; total: number; positions?: Record<string, { x: number; y: number }> }
  | { type: "done"; positions: Record<string, { x: number; y: number }>; stopped: boolean };

/**
 * Iterations run in this many slices, a macrotask apart, so a stop is heard between two; fixed counts
 * (never timed) keep the result the same on every machine. A rerun shown on screen paces its slices a
 * few frames apart (about two seconds in all), so the eye can follow the nodes and Stop can catch them.
 */
const SLICES = 50;
const FRAME_MS = 40;

// The DOM lib types `self` as a Window; in a worker it is the worker scope.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutReply): void;
};

let stopped = false;

function run(input: LayoutInput, live: boolean): void {
  const work = workGraph(input);
  const plan = layoutPlan(work.order);
  let done = 0;
  const perSlice = Math.max(1, Math.ceil(plan.iterations / SLICES));
  const slice = () => {
    if (stopped || done >= plan.iterations) {
      separate(work);
      scope.postMessage({ type: "done", positions: positionsOf(work), stopped });
      return;
    }
    const count = Math.min(perSlice, plan.iterations - done);
    step(work, plan, count);
    done += count;
    scope.postMessage({
      type: "progress",
      done,
      total: plan.iterations,
      ...(live ? { positions: positionsOf(work) } : {}),
    });
    // A macrotask between slices lets a "stop" message in.
    setTimeout(slice, live ? FRAME_MS : 0);
  };
  slice();
}

scope.onmessage = (event) => {
  if (event.data.type === "stop") stopped = true;
  else {
    stopped = false;
    run(event.data.input, event.data.live);
  }
};
