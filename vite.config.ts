// Vite serves and builds the explorer. base './' makes dist/ work from any static host and any
// sub-path; the graph-layout plugin lays out graph-data at build time (virtual:graph-layout).
import { defineConfig } from "vite";
import { graphLayoutPlugin } from "./scripts/vite-graph-layout.ts";

export default defineConfig({
  base: "./",
  plugins: [graphLayoutPlugin()],
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
