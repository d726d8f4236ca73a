// Vite serves and builds the explorer. base './' makes dist/ work from any static host and any
// sub-path; the graph-layout plugin lays out graph-data at build time (virtual:graph-layout).
// index.html carries the Content-Security-Policy; the build keeps it as it is.
import { defineConfig, type Plugin } from "vite";
import { graphLayoutPlugin } from "./scripts/vite-graph-layout.ts";

/**
 * The dev server injects each CSS module as a <style> element, which the page's `style-src 'self'`
 * refuses; only under `vite` (never in the build) is inline style allowed, so development works.
 */
function devInlineStyles(): Plugin {
  return {
    name: "linkage-dev-inline-styles",
    apply: "serve",
    transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  base: "./",
  plugins: [graphLayoutPlugin(), devInlineStyles()],
  build: { target: "es2022" },
  worker: { format: "es" },
  // Pre-bundle up front so the dev server never reloads the page mid-session to add a dependency.
  optimizeDeps: {
    include: [
      "sigma",
      "sigma/rendering",
      "graphology",
      "graphology-layout-forceatlas2",
      "graphology-layout-forceatlas2/worker",
      "graphology-layout-noverlap",
      "zod",
    ],
  },
});
