// `npm run bench`: runs every benchmark part (bench/*.bench.ts), one process each and one after
// the other so they do not compete for the machine, then writes bench/results/summary.json with
// the machine's description and each part's own result file. `tsx bench/run.ts explorer` runs one.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeMachine } from "./machine.ts";

const here = fileURLToPath(new URL(".", import.meta.url));
const results = join(here, "results");
const wanted = new Set(process.argv.slice(2));
const parts = readdirSync(here)
  .filter((file) => file.endsWith(".bench.ts"))
  .map((file) => ({ file, name: file.replace(/\.bench\.ts$/, "") }))
  .filter((part) => wanted.size === 0 || wanted.has(part.name))
  .sort((a, b) => a.name.localeCompare(b.name));

if (parts.length === 0) {
  console.error(`No benchmark part matches ${[...wanted].join(", ")}.`);
  process.exit(2);
}

mkdirSync(results, { recursive: true });
const summary = { date: new Date().toISOString(), machine: describeMachine(), parts: [] as unknown[] };
let failed = 0;
for (const part of parts) {
  console.log(`\n== ${part.name} (${part.file})`);
  const started = performance.now();
  const startedAt = Date.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", join(here, part.file)], { stdio: "inherit" });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const resultFile = join(results, `${part.name}.json`);
  // A result file older than this run is a previous run's: leave it out rather than pass it off.
  const fresh = existsSync(resultFile) && statSync(resultFile).mtimeMs >= startedAt - 1000;
  const result = fresh ? (JSON.parse(readFileSync(resultFile, "utf8")) as unknown) : null;
  if (run.status !== 0) failed++;
  summary.parts.push({ name: part.name, file: `bench/${part.file}`, exitCode: run.status, seconds, result });
}
writeFileSync(join(results, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
console.log(
  `\nWrote bench/results/summary.json (${parts.length} part${parts.length === 1 ? "" : "s"}, ${failed} failed).`,
);
process.exit(failed > 0 ? 1 : 0);
