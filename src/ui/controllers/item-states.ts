// The item-states controller: owns sigma's node and edge states (isHidden, isDimmed, isSelected,
// isFocus, and the lens and Compare flags), and starts the labels controller (labels.ts), which it
// tells what is shown and emphasised. It watches the part of the store they depend on and touches
// only items whose flags changed, so a hover costs little. Reads state/; writes only to sigma.
import type { Derived } from "../state/derived.ts";
import {
  type ClaimFlags,
  claimFlags,
  type EmphasisLayer,
  emphasisWithLayers,
  type NodeFlags,
  nodeFlags,
} from "../state/emphasis.ts";
import type { ExplorerState } from "../state/explorer-state.ts";
import {
  type ClaimLensFlags,
  claimLensFlags,
  type LensFlags,
  layeredEmphasis,
  nodeLensFlags,
} from "../state/perspective-layer.ts";
import { type Store, watch } from "../state/store.ts";
import { traceEmphasis } from "../state/trace.ts";
import { createLabels } from "./labels.ts";
import type { ExplorerRenderer } from "./renderer.ts";

/** Groups keys by the exact flags they need, so each distinct change is one sigma call. */
function groupChanges<F extends object>(
  keys: Iterable<string>,
  flagsOf: (key: string) => F,
  applied: Map<string, string>,
): Map<string, { flags: F; keys: string[] }> {
  const groups = new Map<string, { flags: F; keys: string[] }>();
  for (const key of keys) {
    const flags = flagsOf(key);
    const signature = Object.values(flags).join();
    if (applied.get(key) === signature) continue;
    applied.set(key, signature);
    let group = groups.get(signature);
    if (!group) {
      group = { flags, keys: [] };
      groups.set(signature, group);
    }
    group.keys.push(key);
  }
  return groups;
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

/**
 * Keeps sigma's node and claim states in step with the store, from now on. The trace ranks between
 * hover and selection (emphasis.ts); the tour step and matrix cell above it (perspective-layer.ts).
 */
export function createItemStates(renderer: ExplorerRenderer, store: Store, derived: Derived): () => void {
  const { graph } = derived;
  const labels = createLabels(renderer, graph);
  const appliedNodes = new Map<string, string>();
  const appliedClaims = new Map<string, string>();
  const trace: EmphasisLayer = (state) =>
    traceEmphasis(derived.traceAnswer(state.trace.query), state.trace.focus);

  const apply = (state: ExplorerState) => {
    const visibility = derived.visibility(state);
    // The tour step and matrix cell layer over hover/trace/selection; lens and Compare are flags of their own.
    const emphasis = layeredEmphasis(graph, state, visibility, derived.perspectives, () =>
      emphasisWithLayers(graph, state, visibility, [trace]),
    );
    const layer = derived.perspectives.layer(state.perspectives.perspective, visibility);
    const nodes = groupChanges<NodeFlags & LensFlags>(
      graph.nodes(),
      (node) => ({
        ...nodeFlags(node, visibility, emphasis, state.selection),
        ...nodeLensFlags(node, layer),
      }),
      appliedNodes,
    );
    for (const { flags, keys } of nodes.values()) renderer.setNodesState(keys, flags);
    const claims = groupChanges<ClaimFlags & ClaimLensFlags>(
      graph.edges(),
      (claim) => ({
        ...claimFlags(claim, visibility, emphasis, state.selection),
        ...claimLensFlags(claim, layer),
      }),
      appliedClaims,
    );
    for (const { flags, keys } of claims.values()) renderer.setEdgesState(keys, flags);
    labels.update({ state, visibility, emphasis, layer });
  };

  const unwatch = watch(
    store,
    (state) => emphasisSlice(state, derived),
    () => apply(store.getState()),
  );
  // States set while the network was hidden (list or matrix view) are drawn once it shows again,
  // at its real size.
  watch(
    store,
    (state) => state.view === "graph",
    (shown, before) => {
      if (shown && before === false) renderer.scheduleRender();
    },
  );
  return () => {
    unwatch();
    labels.kill();
  };
}
