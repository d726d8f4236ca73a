// The item-states controller: owns sigma's node and edge states (isHidden, isDimmed, isSelected,
// isFocus, and the lens and Compare flags), the plain drawing's fading, and starts the labels controller
// (labels.ts), which it tells what is shown and emphasised. It watches the part of the store they
// depend on, works out which items a change can touch (a hover: the neighbourhoods before and after
// it), and writes only those whose flags changed. In the plain drawing a lens is one uniform, not a
// state per item (splitLayer); the display graph's node holderBits follow the filters for it. Reads
// state/; writes to sigma, and the node bits to the display graph.
import type { Derived } from "../state/derived.ts";
import { type DisplayGraph, showHolderBits } from "../state/display.ts";
import {
  type Emphasis,
  type EmphasisLayer,
  emphasisWithLayers,
  type ItemKind,
  itemFlags,
  type Touched,
  touchedByBoth,
  touchedByEmphasis,
  touchedBySelection,
} from "../state/emphasis.ts";
import type { ExplorerState, Selection } from "../state/explorer-state.ts";
import type { Visibility } from "../state/filters.ts";
import {
  type CompareRoleState,
  isLit,
  layeredEmphasis,
  type PerspectiveLayer,
  touchedByLayer,
} from "../state/perspective-layer.ts";
import { type Store, watch } from "../state/store.ts";
import { traceEmphasis } from "../state/trace.ts";
import { createLabels, type LabelsControl } from "./labels.ts";
import type { RendererControl } from "./renderer.ts";

/** What the flags were last computed from. */
interface Inputs {
  visibility: Visibility;
  emphasis: Emphasis | null;
  selection: Selection | null;
  layer: PerspectiveLayer | null;
}

/** The flags written to sigma for one item. `compareRole` is the claims' alone. */
interface WrittenFlags {
  isHidden: boolean;
  isDimmed: boolean;
  isSelected: boolean;
  isFocus: boolean;
  isFaded: boolean;
  isLit: boolean;
  compareRole?: CompareRoleState;
}

/**
 * One item's flags. The rich drawing dims and fades each item on its own; the plain one leaves
 * isDimmed and isFaded off everywhere and fades, with two uniforms, whatever is not isFocus or isLit.
 */
function flagsOf(kind: ItemKind, id: string, inputs: Inputs, eachItem: boolean): WrittenFlags {
  const { visibility, emphasis, selection, layer } = inputs;
  const own = itemFlags(kind, id, visibility, emphasis, selection);
  const lit = isLit(kind, id, layer);
  const flags: WrittenFlags = {
    isHidden: own.isHidden,
    isDimmed: eachItem && own.isDimmed,
    isSelected: own.isSelected,
    isFocus: own.isFocus,
    isFaded: eachItem && layer !== null && !lit,
    isLit: lit,
  };
  if (kind === "claims") flags.compareRole = layer?.roles?.get(id) ?? "none";
  return flags;
}

const FLAG_NAMES = [
  "isHidden",
  "isDimmed",
  "isSelected",
  "isFocus",
  "isFaded",
  "isLit",
  "compareRole",
] as const satisfies readonly (keyof WrittenFlags)[];

/** sigma's calls for one kind of item: read a state, set a group of them. */
interface KindAccess {
  current(key: string): object;
  write(keys: string[], flags: WrittenFlags): void;
}

/**
 * Writes the flags of `keys` that differ from what sigma holds, grouped so each distinct set of flags
 * is one sigma call. Returns how many items changed.
 */
function writeChanged(
  keys: Iterable<string>,
  flags: (key: string) => WrittenFlags,
  access: KindAccess,
): number {
  const groups = new Map<string, { flags: WrittenFlags; keys: string[] }>();
  let changed = 0;
  for (const key of keys) {
    const wanted = flags(key);
    const held = access.current(key) as Partial<WrittenFlags>;
    if (FLAG_NAMES.every((name) => held[name] === wanted[name] || wanted[name] === undefined)) continue;
    changed++;
    const signature = FLAG_NAMES.map((name) => wanted[name]).join();
    const group = groups.get(signature);
    if (group) group.keys.push(key);
    else groups.set(signature, { flags: wanted, keys: [key] });
  }
  for (const group of groups.values()) access.write(group.keys, group.flags);
  return changed;
}

/** Everything the flags depend on: a hover or a filter changes it; a camera move or a notice does not. */
function emphasisSlice(state: ExplorerState, derived: Derived) {
  return {
    visibility: derived.visibility(state),
    hovered: state.hovered,
    selection: state.selection,
    answer: derived.traceAnswer(state.trace.query),
    traceFocus: state.trace.focus,
    perspective: state.perspectives.perspective,
    tour: state.perspectives.tour,
    cell: state.perspectives.cell,
  };
}

/** Which items to look at: all of them (a new filter, a new sigma), every shown one, or a few. */
function itemsToCheck(
  before: Inputs | null,
  now: Inputs,
  eachItem: boolean,
  all: () => { nodes: Iterable<string>; claims: Iterable<string> },
): { nodes: Iterable<string>; claims: Iterable<string> } {
  if (!before || before.visibility !== now.visibility) return all();
  const touched: Touched = touchedByBoth(
    touchedByBoth(
      touchedByEmphasis(before.emphasis, now.emphasis, eachItem),
      touchedBySelection(before.selection, now.selection),
    ),
    touchedByLayer(before.layer, now.layer, eachItem),
  );
  return touched === "every" ? now.visibility : touched;
}

/**
 * The layer as item states carry it, and the lens bit the plain drawing's shaders light instead: a
 * lens on a holder with a bit lights its claims and nodes by one uniform (styles.ts's Fade), so no
 * item's state changes. Compare, and a lens without a bit, are written item by item.
 */
function splitLayer(
  layer: PerspectiveLayer | null,
  display: DisplayGraph,
  plain: boolean,
): { layer: PerspectiveLayer | null; lensBit: number } {
  const perspective = layer?.perspective;
  if (!plain || perspective?.mode !== "lens") return { layer, lensBit: 0 };
  const bit = display.hasNode(perspective.holder)
    ? display.getNodeAttribute(perspective.holder, "lensBit")
    : 0;
  return bit ? { layer: null, lensBit: bit } : { layer, lensBit: 0 };
}

/**
 * Keeps sigma's node and claim states in step with the store, from now on, across drawing switches.
 * The trace ranks between hover and selection (emphasis.ts); the tour step and matrix cell above it
 * (perspective-layer.ts).
 */
export function createItemStates(
  control: RendererControl,
  store: Store,
  derived: Derived,
  display: DisplayGraph,
): () => void {
  const { graph } = derived;
  const { renderer } = control;
  let labels: LabelsControl = createLabels(renderer, graph, control.drawing());
  let before: Inputs | null = null;
  // The display graph's node bits follow the claims shown (display.ts's showHolderBits).
  let bitsShown: Visibility | null = null;
  const trace: EmphasisLayer = (state) =>
    traceEmphasis(derived.traceAnswer(state.trace.query), state.trace.focus);
  const everything = () => ({ nodes: graph.nodes(), claims: graph.edges() });

  const apply = (state: ExplorerState) => {
    const visibility = derived.visibility(state);
    // The tour step and matrix cell layer over hover/trace/selection; lens and Compare are flags of their own.
    const emphasis = layeredEmphasis(graph, state, visibility, derived.perspectives, () =>
      emphasisWithLayers(graph, state, visibility, [trace]),
    );
    const layer = derived.perspectives.layer(state.perspectives.perspective, visibility);
    const eachItem = control.drawing() === "rich";
    // Only the plain drawing's shaders read the bits; a switch to it finds them stale and catches up.
    if (!eachItem && bitsShown !== visibility) {
      showHolderBits(display, visibility.claims);
      bitsShown = visibility;
    }
    const shaded = splitLayer(layer, display, !eachItem);
    const now: Inputs = { visibility, emphasis, selection: state.selection, layer: shaded.layer };
    const check = itemsToCheck(before, now, eachItem, everything);
    // Read once per pass: each read of the forwarding renderer binds the method anew.
    const nodes: KindAccess = { current: renderer.getNodeState, write: renderer.setNodesState };
    const claims: KindAccess = { current: renderer.getEdgeState, write: renderer.setEdgesState };
    writeChanged(check.nodes, (node) => flagsOf("nodes", node, now, eachItem), nodes);
    writeChanged(check.claims, (claim) => flagsOf("claims", claim, now, eachItem), claims);
    control.setFading({ lens: layer !== null, focus: emphasis !== null, lensBit: shaded.lensBit });
    labels.update({ state, visibility, emphasis, layer });
    before = now;
  };

  // A new sigma holds every state at its default: start the labels over and write everything again.
  control.onSwitch((drawing) => {
    labels.kill();
    labels = createLabels(renderer, graph, drawing);
    before = null;
    apply(store.getState());
  });
  const unwatch = watch(
    store,
    (state) => emphasisSlice(state, derived),
    () => apply(store.getState()),
  );
  // States set while the network was hidden (list or matrix view) are drawn once it shows again,
  // at its real size.
  const unwatchView = watch(
    store,
    (state) => state.view === "graph",
    (shown, previous) => {
      if (shown && previous === false) renderer.scheduleRender();
    },
  );
  return () => {
    unwatch();
    unwatchView();
    labels.kill();
  };
}
