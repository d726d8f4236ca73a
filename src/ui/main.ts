// Entry of the explorer page: reads every graph-data source file bundled by Vite, the positions
// laid out at build time, and starts the explorer on #app.
import layout from "virtual:graph-layout";
import { startExplorer } from "./app.ts";
import { loadSources } from "./state/sources.ts";
import "./styles.css";

// Raw text, so loading reports syntax errors with line and column exactly as the CLI does.
const files = import.meta.glob<string>(["/graph-data/*.json", "!/graph-data/*.schema.json"], {
  eager: true,
  query: "?raw",
  import: "default",
});
const byName = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [path.replace(/^\//, ""), text]),
);

const root = document.getElementById("app");
if (root) startExplorer(root, { sources: loadSources(byName), positions: layout.positions });
