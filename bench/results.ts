// Where every benchmark part writes its result: bench/results/<name>.json, which `npm run bench` collects.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Writes `report` as bench/results/`name`.json, pretty-printed with a final newline. */
export function writeResult(name: string, report: unknown): void {
  const dir = fileURLToPath(new URL("./results/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}${name}.json`, `${JSON.stringify(report, null, 2)}\n`);
}
