// The texts of every graph-data source file, bundled by Vite (import.meta.glob), keyed by
// repository path. The one place the browser build reaches into graph-data.

const files = import.meta.glob<string>(["/graph-data/*.json", "!/graph-data/*.schema.json"], {
  eager: true,
  query: "?raw",
  import: "default",
});

/** `{ "graph-data/name.json": text }`, as text so syntax errors keep their line and column. */
export function graphDataFiles(): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [path.replace(/^\//, ""), text]));
}
