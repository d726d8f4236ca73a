// `npm run bench:cli`: how long `linkage stats --json` takes from process start to exit, run as scripts
// run it (node bin/linkage.js), with the bundled CLI and with the sources through tsx, against a bare
// `node -e ""` in the same run. Runs alternate so load on the shared machine touches all three alike.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describeMachine } from "./machine.ts";
import { writeResult } from "./results.ts";
import { median, round } from "./stats.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const build = spawnSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(1);

const variants = {
  bareNode: { args: ["-e", ""], env: {} },
  bundled: { args: ["bin/linkage.js", "stats", "--json"], env: {} },
  fromSource: { args: ["bin/linkage.js", "stats", "--json"], env: { LINKAGE_FROM_SOURCE: "1" } },
} as const;
type Variant = keyof typeof variants;

const times: Record<Variant, number[]> = { bareNode: [], bundled: [], fromSource: [] };
for (let run = 0; run < RUNS; run++) {
  for (const name of Object.keys(variants) as Variant[]) {
    const { args, env } = variants[name];
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env } });
    const wall = performance.now() - start;
    if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
    if (run > 0) times[name].push(wall); // the first round warms the file cache
  }
}

const ms = (name: Variant) => round(median(times[name]), 0);
const report = {
  machine: describeMachine(),
  runs: RUNS - 1,
  medianMs: { bareNode: ms("bareNode"), bundled: ms("bundled"), fromSource: ms("fromSource") },
  overBareNodeMs: { bundled: ms("bundled") - ms("bareNode"), fromSource: ms("fromSource") - ms("bareNode") },
  ratioFromSourceToBundled: round(ms("fromSource") / ms("bundled"), 2),
};
writeResult("cli-start", report);
console.log(JSON.stringify(report, null, 2));
