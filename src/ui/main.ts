// Entry of the explorer page: every graph-data source file, the positions laid out at build
// time (virtual:graph-layout), and the explorer started on #app inside the host that swaps in
// imported graphs. A link's `?file=URL` is read here, so graph-data is not even loaded for it.
import "./zod-csp.ts";
import layout from "virtual:graph-layout";
import { startExplorerHost } from "./explorer-host.ts";
import { graphDataFiles } from "./graph-data.ts";
import { readFileParam } from "./state/file-param.ts";
import { loadSources } from "./state/sources.ts";
import "./styles.css";

const root = document.getElementById("app");
if (root) {
  startExplorerHost(root, () => ({ sources: loadSources(graphDataFiles()), positions: layout.positions }), {
    readLink: () => readFileParam(window.location.search, window.location.href),
  });
}
