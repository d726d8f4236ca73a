#!/usr/bin/env node
// Entry for `npx linkage`: registers tsx so the TypeScript CLI runs as it is, with no build step.
import { register } from "tsx/esm/api";

// `linkage trace … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

register();
const { runCli } = await import("../src/cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2));
