// Writes filters, hover and selection into sigma node and edge states (isHidden, isDimmed,
// isSelected, isFocus). Only items whose flags changed are touched, so a hover costs little.
import type { LinkageGraph } from "../../graph/types.ts";
import {
  type ClaimFlags,
  claimFlags,
  type EmphasisLayer,
  emphasisWithLayers,
  type NodeFlags,
  nodeFlags,
} from "../state/emphasis.ts";
import type { ExplorerState } from "../state/explorer-state.ts";
import type { Visibility } from "../state/filters.ts";
import {
  type ClaimLensFlags,
  claimLensFlags,
  createPerspectiveCache,
  type LensFlags,
  layeredEmphasis,
  nodeLensFlags,
} from "../state/perspective-layer.ts";
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

export function createItemStates(
  renderer: ExplorerRenderer,
  graph: LinkageGraph,
  visibilityOf: (state: ExplorerState) => Visibility,
  /** Emphasis between hover and selection, such as the trace (emphasis.ts), highest first. */
  layers: readonly EmphasisLayer[] = [],
) {
  const appliedNodes = new Map<string, string>();
  const appliedClaims = new Map<string, string>();
  const perspectives = createPerspectiveCache(graph);
  return {
    apply(state: ExplorerState) {
      const visibility = visibilityOf(state);
      // The tour step and matrix cell layer over hover/trace/selection; lens and Compare are flags of their own.
      const emphasis = layeredEmphasis(graph, state, visibility, perspectives, () =>
        emphasisWithLayers(graph, state, visibility, layers),
      );
      const layer = perspectives.layer(state.perspectives.perspective, visibility);
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
    },
  };
}
