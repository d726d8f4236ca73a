#!/usr/bin/env node
// Entry for `npx linkage`: registers tsx so the TypeScript CLI runs as it is, with no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
