// The labels controller: owns sigma's `labelAt` node state, which side of its node each label is drawn
// on, or none. Every actor and treaty, the question's target and holder, the selection and what is
// emphasised around it are labelled; the other nodes follow by degree, where room is left. No label
// covers another label or a drawn node (label-placement.ts). item-states.ts hands it what is shown and
// emphasised; it places again after each camera move, at most once a frame. In the plain drawing
// (state/derived.ts), it places the must-labels and at most PLAIN_LABELS of the biggest nodes on
// screen, and sigma hides them while the camera moves, so a graph of 50,000 nodes costs no more.
// Writes only to sigma.
import type { LinkageGraph } from "../../graph/types.ts";
import type { Drawing } from "../state/derived.ts";
import type { Emphasis } from "../state/emphasis.ts";
import type { ExplorerState } from "../state/explorer-state.ts";
import type { Visibility } from "../state/filters.ts";
import type { PerspectiveLayer } from "../state/perspective-layer.ts";
import { type LabelPlace, type LabelRequest, type PlacementFrame, placeLabels } from "./label-placement.ts";
import type { ExplorerRenderer } from "./renderer.ts";
import { LABEL_BACKGROUND_PADDING, LABEL_FAMILY, LABEL_MARGIN, LABEL_SIZE, LABEL_WEIGHT } from "./styles.ts";

/** What the labels depend on besides the camera: the state and what item-states.ts derived from it. */
export interface LabelInputs {
  state: ExplorerState;
  visibility: Visibility;
  emphasis: Emphasis | null;
  /** The lens or Compare layer: nodes outside it are faded, with no label. */
  layer: PerspectiveLayer | null;
}

/**
 * Ranks, most important first; ranks up to MUST may cover a node where nothing else fits. What a trace
 * or tour step keeps bright comes after the must-labels (it may be many nodes), before the rest.
 */
const RANK = { pointed: 0, question: 1, neighbour: 2, kind: 3, emphasised: 4, rest: 5 } as const;
const MUST: number = RANK.kind;
/** Past these counts a rank is too crowded to promise a label to each of its nodes. */
const KIND_MUST_LIMIT = 300;
const NEIGHBOUR_MUST_LIMIT = 120;
/** The plain drawing labels at most this many nodes besides the must-labels, found among this many. */
const PLAIN_LABELS = 150;
const PLAIN_SCAN = 4000;
/** Placing takes longer than this (ms): wait for the camera to settle instead of every frame. */
const FRAME_BUDGET_MS = 8;
const SETTLE_MS = 120;

/** Label widths in pixels, measured once per label with the font sigma draws labels in. */
function labelMeter(): (text: string) => number {
  const context = document.createElement("canvas").getContext("2d");
  const cache = new Map<string, number>();
  if (context) context.font = `${LABEL_WEIGHT} ${LABEL_SIZE}px ${LABEL_FAMILY}`;
  return (text) => {
    let width = cache.get(text);
    if (width === undefined) {
      // sigma sums glyph advances from its atlas; a few percent more covers kerning and rounding.
      width = (context ? context.measureText(text).width : text.length * 7.5) * 1.03 + 1;
      cache.set(text, width);
    }
    return width;
  };
}

/** The node under the pointer, the selected node or the selected claim's ends, and the selection's neighbours. */
function pointedAt(
  graph: LinkageGraph,
  state: ExplorerState,
): { pointed: Set<string>; neighbours: Set<string> } {
  const pointed = new Set<string>();
  const neighbours = new Set<string>();
  if (state.hovered) pointed.add(state.hovered);
  const selection = state.selection;
  if (selection?.type === "node" && graph.hasNode(selection.id)) {
    pointed.add(selection.id);
    const around = graph.neighbors(selection.id);
    if (around.length <= NEIGHBOUR_MUST_LIMIT) for (const node of around) neighbours.add(node);
  } else if (selection && graph.hasEdge(selection.id)) {
    for (const end of graph.extremities(selection.id)) pointed.add(end);
  }
  return { pointed, neighbours };
}

/**
 * Each labelled node's rank (lower first); nodes without a possible label are left out. Also which
 * nodes keep labels off: all but the dimmed ones. A node dimmed around an answer, drawn faint, may sit
 * under the pale box of a label, or a phone would have no room for the answer's names.
 */
function ranks(
  graph: LinkageGraph,
  inputs: LabelInputs,
): { ranked: Map<string, number>; solid: Set<string> } {
  const { state, visibility, emphasis, layer } = inputs;
  const { pointed, neighbours } = pointedAt(graph, state);
  const query = state.trace.query;
  const asked = new Set([query?.target, query?.holder].filter((id): id is string => !!id));
  const kindsMust = graph.order <= KIND_MUST_LIMIT;
  const result = new Map<string, number>();
  const solid = new Set<string>();
  for (const node of visibility.nodes) {
    // A dimmed or faded node draws no label, except under the pointer or asked about.
    const emphasised = emphasis?.nodes.has(node) ?? false;
    const lit = (emphasis === null || emphasised) && (layer === null || layer.nodes.has(node));
    // Faded by a lens, a node still keeps labels off: the lens is a reading of the whole graph, where
    // each node keeps its place. Dimmed around a question's answer, it need not.
    if (emphasis === null || emphasised) solid.add(node);
    if (pointed.has(node)) result.set(node, RANK.pointed);
    else if (asked.has(node)) result.set(node, RANK.question);
    else if (!lit) continue;
    else if (neighbours.has(node)) result.set(node, RANK.neighbour);
    else if (kindsMust && graph.getNodeAttribute(node, "kind") !== "issue") result.set(node, RANK.kind);
    else if (emphasised) result.set(node, RANK.emphasised);
    else result.set(node, RANK.rest);
  }
  return { ranked: result, solid };
}

/** The plain drawing's labels: the must-labels by rank, and which other nodes may have one. */
interface FewLabels {
  must: Map<string, number>;
  /** Drawn at full strength (not faded by the lens or the emphasis), so worth a label. */
  shows(node: string): boolean;
  /** Where to look for them: the emphasis when it is small, else every node by importance. */
  among: Iterable<string> | null;
}

function fewLabels(graph: LinkageGraph, inputs: LabelInputs): FewLabels {
  const { state, visibility, emphasis, layer } = inputs;
  const { pointed, neighbours } = pointedAt(graph, state);
  const query = state.trace.query;
  const asked = [query?.target, query?.holder].filter((id): id is string => !!id);
  const must = new Map<string, number>();
  const groups = [
    [neighbours, RANK.neighbour],
    [asked, RANK.question],
    [pointed, RANK.pointed],
  ] as const;
  // Later groups win: a pointed node that is also a neighbour ranks as pointed.
  for (const [nodes, rank] of groups)
    for (const node of nodes) if (visibility.nodes.has(node)) must.set(node, rank);
  return {
    must,
    shows: (node) =>
      visibility.nodes.has(node) &&
      (emphasis === null || emphasis.nodes.has(node)) &&
      (layer === null || layer.nodes.has(node)),
    among: emphasis && emphasis.nodes.size <= PLAIN_SCAN ? emphasis.nodes : null,
  };
}

/**
 * The plain drawing's ranks at the camera as it is now: the must-labels, then up to PLAIN_LABELS of
 * the biggest nodes on screen drawn at full strength, looking at no more than PLAIN_SCAN nodes. Only
 * these keep their discs clear, so placing costs the same at 50,000 nodes as at 500.
 */
function fewRanks(
  renderer: ExplorerRenderer,
  byImportance: () => readonly string[],
  few: FewLabels,
  importance: (a: string, b: string) => number,
): { ranked: Map<string, number>; drawn: Set<string> } {
  const ranked = new Map(few.must);
  const { width, height } = renderer.getDimensions();
  const candidates = few.among ? [...few.among].sort(importance) : byImportance();
  let looked = 0;
  let found = 0;
  for (const node of candidates) {
    if (looked++ >= PLAIN_SCAN || found >= PLAIN_LABELS) break;
    if (ranked.has(node) || !few.shows(node)) continue;
    const data = renderer.getNodeDisplayData(node);
    if (!data) continue;
    const { x, y } = renderer.framedGraphToViewport(data);
    if (x < 0 || y < 0 || x > width || y > height) continue;
    ranked.set(node, RANK.rest);
    found++;
  }
  return { ranked, drawn: new Set(ranked.keys()) };
}

export interface LabelsControl {
  /** Ranks the labels again for a new state; placing follows at the next frame. */
  update(inputs: LabelInputs): void;
  kill(): void;
}

/**
 * Starts placing labels on `renderer`, over the domain `graph`'s nodes (the display graph has the same
 * keys). Within a rank, bigger hubs come first, as sigma's label grid would pick them. In the plain
 * `drawing`, only a few are placed (fewRanks).
 */
export function createLabels(
  renderer: ExplorerRenderer,
  graph: LinkageGraph,
  drawing: Drawing,
): LabelsControl {
  const measure = labelMeter();
  const degrees = new Map<string, number>();
  const degree = (node: string) => {
    let known = degrees.get(node);
    if (known === undefined) {
      known = graph.degree(node);
      degrees.set(node, known);
    }
    return known;
  };
  /** Bigger hubs first, then ids: within a rank, the order labels claim their room in. */
  const importance = (a: string, b: string) => degree(b) - degree(a) || (a < b ? -1 : a > b ? 1 : 0);
  const byRank = ([a, rankA]: [string, number], [b, rankB]: [string, number]) =>
    rankA - rankB || importance(a, b);
  let sorted: string[] | null = null;
  const byImportance = () => {
    sorted ??= graph.nodes().sort(importance);
    return sorted;
  };
  /** Plain drawing: what may be labelled, placed at the camera of the moment. */
  let few: FewLabels | null = null;
  /** What sigma was last told, for each node with a label: "right/false", "left/true"… */
  const applied = new Map<string, string>();
  let ranked = new Map<string, number>();
  /** Nodes drawn at full strength, which labels keep clear of. */
  let drawn: ReadonlySet<string> = new Set();
  let frame = 0;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let slow = false;
  /** The stage's size at the last placing, and whether the layout has moved nodes since. */
  let placedIn = "";
  let moved = false;
  const stageSize = () => {
    const { width, height } = renderer.getDimensions();
    return `${width}x${height}`;
  };

  const place = () => {
    frame = 0;
    placedIn = stageSize();
    const started = performance.now();
    if (few) ({ ranked, drawn } = fewRanks(renderer, byImportance, few, importance));
    const order = [...ranked].sort(byRank).map(([node]) => node);
    const places = computePlaces(renderer, order, ranked, drawn, measure);
    const changes = new Map<string, { place: LabelPlace; nodes: string[] }>();
    // Only nodes ranked now or labelled before can change: the rest keep "none".
    for (const node of new Set([...order, ...applied.keys()])) {
      const place = places.get(node) ?? NO_LABEL;
      const signature = `${place.side}/${place.short}`;
      if ((applied.get(node) ?? NO_SIGNATURE) === signature) continue;
      if (signature === NO_SIGNATURE) applied.delete(node);
      else applied.set(node, signature);
      const change = changes.get(signature);
      if (change) change.nodes.push(node);
      else changes.set(signature, { place, nodes: [node] });
    }
    for (const { place, nodes } of changes.values()) {
      renderer.setNodesState(nodes, { labelAt: place.side, labelShort: place.short });
    }
    slow = performance.now() - started > FRAME_BUDGET_MS;
  };
  const schedule = () => {
    if (slow) {
      clearTimeout(settle);
      settle = setTimeout(place, SETTLE_MS);
    } else if (!frame) frame = requestAnimationFrame(place);
  };

  const camera = renderer.getCamera();
  /**
   * A camera that jumps (a link's camera, a fit with no animation) is followed at once, when placing is
   * quick: the labels' states then join the frame sigma is about to draw for the jump. Placed a frame
   * later, they would ask for a frame of their own, which costs seconds at 100,000 claims in software
   * WebGL. A moving camera is followed once a frame, or once it settles.
   */
  const cameraMoved = () => {
    if (!slow && !camera.isAnimating()) {
      cancelAnimationFrame(frame);
      place();
    } else schedule();
  };
  // sigma reports a resize on its first frame too, and processes again after every state write (the
  // labels' own among them): only a new size, or nodes the layout moved, need the labels placed again.
  // At 1,000 nodes a placing costs about 80 ms, once more after the first frame for nothing.
  const resized = () => {
    if (stageSize() !== placedIn) schedule();
  };
  const nodesMoved = () => {
    moved = true;
  };
  // The layout moves nodes (display.ts's placeNodes): place again once sigma has taken them in.
  const processed = () => {
    if (!moved) return;
    moved = false;
    schedule();
  };
  const display = renderer.getGraph();
  camera.on("updated", cameraMoved);
  renderer.on("resize", resized);
  display.on("eachNodeAttributesUpdated", nodesMoved);
  renderer.on("afterProcess", processed);
  return {
    update(inputs) {
      if (drawing === "plain") few = fewLabels(graph, inputs);
      else ({ ranked, solid: drawn } = ranks(graph, inputs));
      place();
    },
    kill() {
      cancelAnimationFrame(frame);
      clearTimeout(settle);
      camera.removeListener("updated", cameraMoved);
      renderer.removeListener("resize", resized);
      renderer.removeListener("afterProcess", processed);
      display.removeListener("eachNodeAttributesUpdated", nodesMoved);
    },
  };
}

const NO_LABEL: LabelPlace = { side: "none", short: false };
const NO_SIGNATURE = "none/false";

/** Where each ranked node's label goes at the camera as it is now; `order` is the ranked nodes, first first. */
function computePlaces(
  renderer: ExplorerRenderer,
  order: readonly string[],
  ranked: ReadonlyMap<string, number>,
  drawn: ReadonlySet<string>,
  measure: (text: string) => number,
): Map<string, LabelPlace> {
  const { width, height } = renderer.getDimensions();
  const display = renderer.getGraph();
  const onScreen = (x: number, y: number, r: number) =>
    x + r >= 0 && y + r >= 0 && x - r <= width && y - r <= height;
  const discs = [];
  const screen = new Map<string, { x: number; y: number; radius: number; label: string; short?: string }>();
  for (const node of new Set([...drawn, ...order])) {
    const data = renderer.getNodeDisplayData(node);
    if (!data || data.size === undefined) continue;
    const { x, y } = renderer.framedGraphToViewport(data);
    const radius = renderer.scaleSize(data.size);
    if (!onScreen(x, y, radius)) continue;
    if (drawn.has(node)) discs.push({ key: node, x, y, radius });
    // The display graph's texts, not the drawn one, which may be the short form already.
    const { label, shortLabel } = display.getNodeAttributes(node);
    screen.set(node, { x, y, radius, label, ...(shortLabel ? { short: shortLabel } : {}) });
  }
  const requests: LabelRequest[] = [];
  for (const node of order) {
    const at = screen.get(node);
    if (!at?.label) continue;
    requests.push({
      key: node,
      x: at.x,
      y: at.y,
      radius: at.radius,
      width: measure(at.label),
      ...(at.short ? { shortWidth: measure(at.short) } : {}),
      must: (ranked.get(node) ?? RANK.rest) <= MUST,
    });
  }
  const frame: PlacementFrame = {
    width,
    height,
    textHeight: LABEL_SIZE,
    margin: LABEL_MARGIN,
    padding: LABEL_BACKGROUND_PADDING,
    gap: 1,
  };
  return placeLabels(requests, discs, frame);
}
