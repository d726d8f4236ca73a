// Entry of the explorer page: every graph-data source file, the positions laid out at build
// time (virtual:graph-layout), and the explorer started on #app inside the host that swaps in
// imported graphs.
import "./zod-csp.ts";
import layout from "virtual:graph-layout";
import { startExplorerHost } from "./explorer-host.ts";
import { graphDataFiles } from "./graph-data.ts";
import { loadSources } from "./state/sources.ts";
import "./styles.css";

const root = document.getElementById("app");
if (root) {
  startExplorerHost(root, () => ({ sources: loadSources(graphDataFiles()), positions: layout.positions }));
}
