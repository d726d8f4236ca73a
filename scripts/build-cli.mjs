// Bundles the CLI (src/cli/main.ts and everything it imports) into one ES module, build/cli/linkage.mjs,
// so `linkage` starts without compiling TypeScript at run time. Run by `npm ci` (prepare) and by
// `npm run build:cli`. bin/linkage.js uses the bundle only while it is newer than every file in src/.
// The bundle sits two folders deep, like src/cli/io.ts, so its `../../graph-data` resolves the same.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "build/cli/linkage.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
  // graphology and other CommonJS packages require Node built-ins ("events"); an ES module has no
  // `require`, so the bundle makes one.
  banner: {
    js: 'import { createRequire as __linkageRequire } from "node:module";\nconst require = __linkageRequire(import.meta.url);',
  },
});
