// The baseline of bench/open.bench.ts: a GEXF from `?file=URL` read by graphology-gexf (the browser's
// DOMParser) into a graphology graph and drawn by sigma v4 with its default styles, on the main
// thread, with no validation, views or state. Node sizes follow the explorer's rule (nodeSize), so
// both pages draw the same picture. It sets the same mark as the explorer (`graph-drawn`) at the
// first frame after sigma's first render, and hooks the benchmark calls: where a node is on screen,
// the camera, and a lens done the cheapest way sigma allows (one state per claim). Not in the app build.
// biome-ignore-all lint/suspicious/noThenProperty: sigma's conditional style rules are `{ whenState, then }`.
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-gexf/browser";
import Sigma, { DEFAULT_STYLES } from "sigma";
import { nodeSize } from "../../../src/ui/state/display.ts";

declare global {
  interface Window {
    __bare?: {
      /** Where a node is drawn, in viewport pixels. */
      nodeOnScreen(node: string): { x: number; y: number } | null;
      setCamera(state: { x: number; y: number; ratio: number }): void;
      /** Fades every claim `holder` does not hold and every node none of its claims touches. */
      lens(holder: string | null): void;
      /** The node under the pointer now (sigma's enterNode and leaveNode), or null. */
      hoveredNode(): string | null;
    };
  }
}

const file = new URLSearchParams(window.location.search).get("file");
if (!file) throw new Error("no ?file=");
const response = await fetch(file);
const text = await response.text();
const graph = parse(MultiDirectedGraph, text);
const order = graph.order;
graph.updateEachNodeAttributes((node, attributes) => ({
  ...attributes,
  size: nodeSize(graph.degree(node), order),
}));

const renderer = new Sigma(graph, document.getElementById("stage") as HTMLElement, {
  customNodeState: { isDimmed: false },
  customEdgeState: { isDimmed: false },
  styles: {
    nodes: [DEFAULT_STYLES.nodes, { whenState: "isDimmed", then: { opacity: 0.15 } }],
    edges: [DEFAULT_STYLES.edges, { whenState: "isDimmed", then: { opacity: 0.1 } }],
  },
  settings: { itemSizesReference: "screen" },
});
renderer.once("afterRender", () =>
  requestAnimationFrame(() =>
    performance.mark("graph-drawn", { detail: { nodes: graph.order, edges: graph.size } }),
  ),
);
renderer.scheduleRender();

let hovered: string | null = null;
renderer.on("enterNode", ({ node }) => {
  hovered = node;
});
renderer.on("leaveNode", () => {
  hovered = null;
});

/** graphology-gexf reads a liststring into an array (its pieces may keep their quotes). */
const holdersOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((piece) => String(piece).replace(/^"|"$/g, "")) : [];
/** Each claim's holders, read once, so a lens is only the state writes. */
let heldBy: Map<string, string[]> | null = null;

window.__bare = {
  hoveredNode: () => hovered,
  nodeOnScreen(node) {
    const data = renderer.getNodeDisplayData(node);
    return data ? renderer.framedGraphToViewport(data) : null;
  },
  setCamera(state) {
    renderer.getCamera().setState(state);
  },
  lens(holder) {
    heldBy ??= new Map(graph.mapEdges((edge, attributes) => [edge, holdersOf(attributes.heldBy)] as const));
    const held: string[] = [];
    const faded: string[] = [];
    const touched = new Set<string>();
    graph.forEachEdge((edge, _attributes, source, target) => {
      if (holder === null || heldBy?.get(edge)?.includes(holder)) {
        held.push(edge);
        touched.add(source).add(target);
      } else faded.push(edge);
    });
    renderer.setEdgesState(held, { isDimmed: false });
    renderer.setEdgesState(faded, { isDimmed: true });
    const nodes = graph.nodes();
    renderer.setNodesState(
      nodes.filter((node) => holder === null || touched.has(node)),
      { isDimmed: false },
    );
    renderer.setNodesState(
      nodes.filter((node) => holder !== null && !touched.has(node)),
      { isDimmed: true },
    );
  },
};
