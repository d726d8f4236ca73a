// Types of the modules that Vite plugins generate at build time (see scripts/vite-graph-layout.ts).
declare module "virtual:graph-layout" {
  const layout: {
    seed: number;
    iterations: number;
    positions: Record<string, { x: number; y: number }>;
  };
  export default layout;
}
