// When the camera moves (src/ui/controllers/camera-rules.ts): the one place that decides it, run here
// over graph-data's real trace answers and findings tour, without sigma.
import { describe, expect, it } from "vitest";
import { type CameraMove, cameraMoves, openingMoves } from "../src/ui/controllers/camera-rules.ts";
import { createDerived } from "../src/ui/state/derived.ts";
import { type Action, type ExplorerState, INITIAL_STATE, reduce } from "../src/ui/state/explorer-state.ts";
import type { TraceQuery } from "../src/ui/state/trace.ts";
import { loadGraphData } from "./support/graph-data.ts";

const graph = loadGraphData();
const derived = createDerived(graph);
const source = graph.getAttribute("sources")[0]?.id ?? "";
const flagship: TraceQuery = {
  target: "issue:taiwan-arms-sales",
  holder: "actor:china",
  depth: 2,
  relations: ["links-to"],
};

/** The moves one action calls for, from `state`. */
function movesOf(state: ExplorerState, action: Action): CameraMove[] {
  return cameraMoves(action, reduce(state, action), state, derived);
}

const kinds = (moves: readonly CameraMove[]) => moves.map((move) => move.type);

describe("camera rules", () => {
  it("leaves the camera alone for hovers, filters, views, perspectives and its own moves", () => {
    for (const action of [
      { type: "hover", node: "actor:us" },
      { type: "toggleRelation", relation: "supports" },
      { type: "setView", view: "list" },
      { type: "setPerspective", perspective: { mode: "lens", holder: "actor:china" } },
      { type: "cameraMoved", camera: { x: 0.2, y: 0.3, ratio: 0.5 } },
      { type: "focusTraceResult", node: "issue:tmd-for-taiwan" },
    ] satisfies Action[]) {
      expect(movesOf(INITIAL_STATE, action), action.type).toEqual([]);
    }
  });

  it("focuses a selection made to be looked at, not a click on the canvas", () => {
    const selection = { type: "node", id: "actor:china" } as const;
    expect(movesOf(INITIAL_STATE, { type: "select", selection, focus: true })).toEqual([
      { type: "focus", selection },
    ]);
    expect(movesOf(INITIAL_STATE, { type: "select", selection })).toEqual([]);
    expect(movesOf(INITIAL_STATE, { type: "select", selection: null, focus: true })).toEqual([]);
  });

  it("frames a question's answer when it is asked or changed, from a preset or the form", () => {
    const open = reduce(INITIAL_STATE, { type: "setTrace", query: flagship });
    const answer = derived.traceAnswer(open.trace.query);
    expect(answer?.all.nodes.has(flagship.target)).toBe(true);
    expect(movesOf(INITIAL_STATE, { type: "setTrace", query: flagship })).toEqual([
      { type: "frame", nodes: answer?.all.nodes, remeasure: false, instant: false },
    ]);
    expect(kinds(movesOf(open, { type: "editTrace", change: { depth: 3 } }))).toEqual(["frame"]);
    expect(kinds(movesOf(open, { type: "traceForm", change: { depth: 3 } }))).toEqual(["frame"]);
    // The form's draft is not a question: nothing to frame until a target is chosen.
    expect(movesOf(INITIAL_STATE, { type: "traceForm", change: { depth: 3 } })).toEqual([]);
    expect(kinds(movesOf(INITIAL_STATE, { type: "traceForm", change: { target: flagship.target } }))).toEqual(
      ["frame"],
    );
    // Closing the trace, or asking about a node the graph lacks, moves nothing.
    expect(movesOf(open, { type: "setTrace", query: null })).toEqual([]);
    expect(
      movesOf(INITIAL_STATE, { type: "setTrace", query: { ...flagship, target: "issue:nowhere" } }),
    ).toEqual([]);
  });

  it("restores a link's camera, and frames a tour step after it once the tour panel has taken its room", () => {
    const link = { selection: null, filters: INITIAL_STATE.filters, view: "graph", camera: null } as const;
    expect(movesOf(INITIAL_STATE, { type: "restore", view: link, notices: [] })).toEqual([
      { type: "restore" },
    ]);
    const touring = movesOf(INITIAL_STATE, {
      type: "restore",
      view: { ...link, tour: { source, step: 3 } },
      notices: [],
    });
    expect(kinds(touring)).toEqual(["restore", "frame"]);
    expect(touring[1]).toMatchObject({ remeasure: true, instant: false });
    // A tour link with a camera of its own keeps that camera.
    const placed = { ...link, camera: { x: 0.4, y: 0.5, ratio: 0.7 }, tour: { source, step: 3 } };
    expect(movesOf(INITIAL_STATE, { type: "restore", view: placed, notices: [] })).toEqual([
      { type: "restore" },
    ]);
  });

  it("frames each tour step as the tour opens and moves, with the step's own nodes", () => {
    const opened = movesOf(INITIAL_STATE, { type: "openTour", source });
    const touring = reduce(INITIAL_STATE, { type: "openTour", source });
    const step = derived.tourStep(touring);
    expect(step?.nodes.length).toBeGreaterThan(0);
    expect(opened).toEqual([{ type: "frame", nodes: new Set(step?.nodes), remeasure: true, instant: false }]);
    expect(kinds(movesOf(touring, { type: "tourStep", step: 2 }))).toEqual(["frame"]);
    expect(movesOf(touring, { type: "closeTour" })).toEqual([]);
  });

  it("opens on the link's camera, with a tour link framed on its step at once", () => {
    expect(openingMoves(INITIAL_STATE, derived)).toEqual([{ type: "restore" }]);
    const touring = reduce(INITIAL_STATE, { type: "openTour", source });
    expect(openingMoves(touring, derived)).toEqual([
      { type: "restore" },
      { type: "frame", nodes: new Set(derived.tourStep(touring)?.nodes), remeasure: true, instant: true },
    ]);
    const placed = reduce(touring, { type: "cameraMoved", camera: { x: 0.4, y: 0.5, ratio: 0.7 } });
    expect(openingMoves(placed, derived)).toEqual([{ type: "restore" }]);
  });

  it("frames the whole chain of a node clicked in the answer, not the node alone", () => {
    const open = reduce(INITIAL_STATE, { type: "setTrace", query: flagship });
    const chain = derived.traceAnswer(flagship)?.byResult.get("issue:tmd-for-taiwan")?.nodes;
    expect(chain).toEqual(new Set(["issue:taiwan-arms-sales", "issue:tmd-for-taiwan"]));
    expect(movesOf(open, { type: "pinTraceResult", node: "issue:tmd-for-taiwan" })).toEqual([
      { type: "frame", nodes: chain, remeasure: false, instant: false },
    ]);
    // A node two claims away: the chain through the node between.
    const far = movesOf(open, { type: "pinTraceResult", node: "actor:taiwan" })[0];
    expect(far?.type === "frame" && [...far.nodes].sort()).toEqual(
      ["actor:taiwan", "issue:taiwan-arms-sales", "issue:tmd-for-taiwan"].sort(),
    );
    expect(movesOf(open, { type: "pinTraceResult", node: null })).toEqual([]);
  });

  it("frames every claim of a Compare item picked from its lists, both ends of each", () => {
    const claims = ["f3-us-rejects-linkage", "f3-china-argues-linkage"];
    const moves = movesOf(INITIAL_STATE, { type: "pickCompareItem", claims });
    const ends = new Set(claims.flatMap((claim) => graph.extremities(claim)));
    expect(moves).toEqual([{ type: "frame", nodes: ends, remeasure: false, instant: false }]);
    // Picking it again lets it go: nothing to frame.
    const picked = reduce(INITIAL_STATE, { type: "pickCompareItem", claims });
    expect(movesOf(picked, { type: "pickCompareItem", claims })).toEqual([]);
  });

  it("frames the topic of a comparison question, and a trace question's chains", () => {
    const moves = movesOf(INITIAL_STATE, { type: "askQuestion", id: "missile-defence" });
    const asked = reduce(INITIAL_STATE, { type: "askQuestion", id: "missile-defence" });
    expect(moves).toEqual([
      { type: "frame", nodes: derived.layer(asked)?.nodes, remeasure: false, instant: false },
    ]);
    expect(derived.layer(asked)?.nodes.has("issue:nmd")).toBe(true);
    expect(kinds(movesOf(INITIAL_STATE, { type: "askQuestion", id: "taiwan-arms-sales" }))).toEqual([
      "frame",
    ]);
    // Opening a link to either frames it at once.
    expect(openingMoves(asked, derived)[1]).toMatchObject({ type: "frame", instant: true });
  });
});
