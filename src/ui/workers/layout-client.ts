// The main-thread side of the layout worker: one request, one promise of positions. app.ts calls it
// for nodes the build did not place; the positions go into the display graph, never the domain graph.
import type { LayoutOptions, Positions } from "../../graph/layout.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import type { LayoutRequest } from "./layout-worker.ts";

export function layoutInWorker(graph: LinkageGraph, options: LayoutOptions = {}): Promise<Positions> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./layout-worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<Positions>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || "the layout worker failed"));
    };
    const request: LayoutRequest = { graph: graph.export(), options };
    worker.postMessage(request);
  });
}
