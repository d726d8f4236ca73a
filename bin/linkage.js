#!/usr/bin/env node
// Entry for `npx linkage`. Runs the bundled CLI (build/cli/linkage.mjs, made by `npm ci` through the
// prepare script, or `npm run build:cli`) when it is newer than every source file; otherwise runs the
// TypeScript sources through tsx, so an edit in src/ is never hidden behind a stale bundle.
import { readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

// `linkage trace … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

const bundle = fileURLToPath(new URL("../build/cli/linkage.mjs", import.meta.url));
const sources = fileURLToPath(new URL("../src", import.meta.url));

function newestSource(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    const time = entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

function bundleIsFresh() {
  if (process.env.LINKAGE_FROM_SOURCE === "1") return false;
  try {
    return statSync(bundle).mtimeMs > newestSource(sources);
  } catch {
    return false;
  }
}

let main;
if (bundleIsFresh()) {
  main = await import(bundle);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  main = await import("../src/cli/main.ts");
}
process.exitCode = await main.runCli(process.argv.slice(2));
