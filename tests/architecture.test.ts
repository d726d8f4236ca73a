// Keeps the layers honest: domain and format code import nothing from the front ends and no Node
// built-ins, so it runs in the browser as well as in Node.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

function sourcesUnder(dir: string): string[] {
  const full = join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(full);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(full, name);
    if (statSync(path).isDirectory()) return sourcesUnder(relative(root, path));
    return name.endsWith(".ts") ? [path] : [];
  });
}

const importsOf = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)[^'"]*?from\s+["']([^"']+)["']/gm)].map(
    (m) => m[1] as string,
  );

describe.each(["src/model", "src/graph", "src/formats"])("%s", (layer) => {
  const files = sourcesUnder(layer);
  it.skipIf(files.length === 0)("imports nothing from src/ui or src/cli, and no Node built-in", () => {
    const offences = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => /(^|\/)(ui|cli)\//.test(spec) || spec.startsWith("node:"))
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    expect(offences).toEqual([]);
  });
});

describe("src/ui", () => {
  it("never writes HTML from strings", () => {
    const offences = sourcesUnder("src/ui").filter((file) =>
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write\(/.test(readFileSync(file, "utf8")),
    );
    expect(offences.map((f) => relative(root, f))).toEqual([]);
  });
});
