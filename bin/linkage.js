#!/usr/bin/env node
// Entry for `npx linkage`: registers tsx so the TypeScript CLI runs as it is, with no build step.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2));
