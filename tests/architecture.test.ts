// Keeps the layers honest (model < graph < formats < cli | ui, and state < views | controllers inside
// the UI) and keeps markup out of strings in src/ui. The rules live in tests/support/import-graph.ts;
// this file runs them on src/ and then on a copy of src/ with offences planted, so the guard that
// passes the tree is the same function that is seen to fail.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkHtmlSinks,
  checkLayers,
  LAYERS,
  type ReferenceKind,
  sourceFiles,
  type Violation,
} from "./support/import-graph.ts";

const SRC = fileURLToPath(new URL("../src", import.meta.url));
const ROOT = dirname(SRC);

const described = (v: Violation) =>
  `${v.file}:${v.line} ${v.kind ?? ""} ${JSON.stringify(v.specifier)}: ${v.rule}`.replace("  ", " ");

describe("src/", () => {
  it.each(LAYERS)("has sources in src/%s, so the rules below check something", (layer) => {
    expect(sourceFiles(join(SRC, layer)).length).toBeGreaterThan(0);
  });

  it("imports only along the layers, and shared code imports no Node built-in or browser-only package", () => {
    expect(checkLayers(SRC).map(described)).toEqual([]);
  });

  it("src/ui never writes HTML from strings", () => {
    expect(checkHtmlSinks(join(SRC, "ui"), ROOT).map(described)).toEqual([]);
  });
});

/** One offence: a new file in the copy, its text, and the violation the guard must report. */
interface Plant {
  name: string;
  file: string;
  text: string;
  line: number;
  kind: ReferenceKind;
  specifier: string;
  rule: RegExp;
}

// The first line of each planted file is a comment, so the reported line proves the guard points at
// the import rather than at the file.
const PLANTS: Plant[] = [
  {
    name: "model → graph, static import",
    file: "model/planted-static.ts",
    text: 'import { buildGraph } from "../graph/build.ts";',
    line: 2,
    kind: "import",
    specifier: "../graph/build.ts",
    rule: /^model may not import graph/,
  },
  {
    name: "model → graph, import type",
    file: "model/planted-type.ts",
    text: 'import type { LinkageGraph } from "../graph/types.ts";',
    line: 2,
    kind: "import type",
    specifier: "../graph/types.ts",
    rule: /^model may not import graph/,
  },
  {
    name: "graph → ui, dynamic import",
    file: "graph/planted-dynamic.ts",
    text: 'export const later = () =>\n  import("../ui/app.ts");',
    line: 3,
    kind: "dynamic import",
    specifier: "../ui/app.ts",
    rule: /^graph may not import ui/,
  },
  {
    name: "graph → ui, type query import",
    file: "graph/planted-type-query.ts",
    text: 'export type App = typeof import("../ui/app.ts");',
    line: 2,
    kind: "type query import",
    specifier: "../ui/app.ts",
    rule: /^graph may not import ui/,
  },
  {
    name: "formats → cli, side-effect import",
    file: "formats/planted-side-effect.ts",
    text: 'import "../cli/main.ts";',
    line: 2,
    kind: "side-effect import",
    specifier: "../cli/main.ts",
    rule: /^formats may not import cli/,
  },
  {
    name: "graph → formats, export *",
    file: "graph/planted-export-star.ts",
    text: 'export * from "../formats/index.ts";',
    line: 2,
    kind: "export *",
    specifier: "../formats/index.ts",
    rule: /^graph may not import formats/,
  },
  {
    name: "formats → ui, named re-export",
    file: "formats/planted-re-export.ts",
    text: 'export { createApp } from "../ui/app.ts";',
    line: 2,
    kind: "re-export",
    specifier: "../ui/app.ts",
    rule: /^formats may not import ui/,
  },
  {
    name: "graph → ui, worker URL",
    file: "graph/planted-worker.ts",
    text: 'new Worker(new URL("../ui/workers/layout-worker.ts", import.meta.url), { type: "module" });',
    line: 2,
    kind: "worker URL",
    specifier: "../ui/workers/layout-worker.ts",
    rule: /^graph may not import ui/,
  },
  {
    name: "model → formats, module URL",
    file: "model/planted-url.ts",
    text: 'export const formats = new URL("../formats/index.ts", import.meta.url);',
    line: 2,
    kind: "module URL",
    specifier: "../formats/index.ts",
    rule: /^model may not import formats/,
  },
  {
    name: "Vite's import.meta.glob in src/graph",
    file: "graph/planted-glob.ts",
    text: 'export const views = import.meta.glob("../ui/views/*.ts");',
    line: 2,
    kind: "import.meta.glob",
    specifier: "../ui/views/*.ts",
    rule: /^import\.meta\.glob is Vite-only/,
  },
  {
    name: "cli → ui",
    file: "cli/planted-ui.ts",
    text: 'import { createStore } from "../ui/state/store.ts";',
    line: 2,
    kind: "import",
    specifier: "../ui/state/store.ts",
    rule: /^cli may not import ui/,
  },
  {
    name: "ui → cli",
    file: "ui/planted-cli.ts",
    text: 'import { main } from "../cli/main.ts";',
    line: 2,
    kind: "import",
    specifier: "../cli/main.ts",
    rule: /^ui may not import cli/,
  },
  {
    name: "ui/state → ui/views",
    file: "ui/state/planted-views.ts",
    text: 'import { element } from "../views/dom.ts";',
    line: 2,
    kind: "import",
    specifier: "../views/dom.ts",
    rule: /^ui\/state may not import ui\/views/,
  },
  {
    name: "ui/views → ui/controllers",
    file: "ui/views/planted-controllers.ts",
    text: 'import { createRenderer } from "../controllers/renderer.ts";',
    line: 2,
    kind: "import",
    specifier: "../controllers/renderer.ts",
    rule: /^ui\/views may not import ui\/controllers/,
  },
  {
    name: "ui/workers → ui/views",
    file: "ui/workers/planted-views.ts",
    text: 'import { element } from "../views/dom.ts";',
    line: 2,
    kind: "import",
    specifier: "../views/dom.ts",
    rule: /^ui\/workers may not import ui\/views/,
  },
  {
    name: "Node built-in in src/graph, node: prefix",
    file: "graph/planted-node.ts",
    text: 'import { readFileSync } from "node:fs";',
    line: 2,
    kind: "import",
    specifier: "node:fs",
    rule: /^Node built-in/,
  },
  {
    name: "Node built-in in src/model, bare name",
    file: "model/planted-bare-node.ts",
    text: 'import { join } from "path";',
    line: 2,
    kind: "import",
    specifier: "path",
    rule: /^Node built-in/,
  },
  {
    name: "browser-only package in src/formats",
    file: "formats/planted-sigma.ts",
    text: 'import Sigma from "sigma";',
    line: 2,
    kind: "import",
    specifier: "sigma",
    rule: /^package sigma is not in RUNTIME_NEUTRAL_PACKAGES/,
  },
  {
    name: "computed dynamic import",
    file: "ui/planted-computed.ts",
    text: "export const load = (name: string) => import(name);",
    line: 2,
    kind: "dynamic import",
    specifier: "<computed>",
    rule: /^computed specifier/,
  },
];

const plantedText = (plant: Plant) =>
  `// planted by tests/architecture.test.ts: ${plant.name}\n${plant.text}\n`;

describe("the layer guard, on a copy of src/ with offences planted", () => {
  let parent: string;
  let reported: Violation[];

  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), "linkage-architecture-"));
    const copy = join(parent, "src");
    cpSync(SRC, copy, { recursive: true });
    for (const plant of PLANTS) writeFileSync(join(copy, plant.file), plantedText(plant));
    writeFileSync(join(copy, "planted-loose.ts"), "export const loose = 1;\n");
    reported = checkLayers(copy);
  });

  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it("plants imports of files that exist, so each can only fail by the rule it breaks", () => {
    const targets = PLANTS.filter((p) => p.specifier.startsWith(".") && p.kind !== "import.meta.glob").map(
      (p) => join(SRC, dirname(p.file), p.specifier),
    );
    expect(targets.filter((target) => !existsSync(target))).toEqual([]);
  });

  it.each(PLANTS)("reports $name with the file, line and specifier", (plant) => {
    const inFile = reported.filter((v) => v.file === `src/${plant.file}`);
    expect(inFile.map(({ line, kind, specifier }) => ({ line, kind, specifier }))).toEqual([
      { line: plant.line, kind: plant.kind, specifier: plant.specifier },
    ]);
    expect(inFile[0]?.rule).toMatch(plant.rule);
  });

  it("reports a file that sits in no layer", () => {
    expect(reported.filter((v) => v.file === "src/planted-loose.ts").map((v) => v.rule)).toEqual([
      expect.stringMatching(/^file outside every layer/),
    ]);
  });
});

describe("the guards, on folders with nothing to check", () => {
  let parent: string;

  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), "linkage-architecture-empty-"));
    mkdirSync(join(parent, "src", "ui"), { recursive: true });
    writeFileSync(join(parent, "src", "ui", "styles.css"), "body { margin: 0; }\n");
  });

  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it("fail on an empty src/ and on one holding no source file", () => {
    expect(checkLayers(join(parent, "src")).map((v) => v.rule)).toEqual(["no source files found"]);
    expect(checkLayers(join(parent, "missing")).map((v) => v.rule)).toEqual(["no source files found"]);
    expect(checkHtmlSinks(join(parent, "src", "ui"), parent).map((v) => v.rule)).toEqual([
      "no source files found",
    ]);
  });
});

describe("the HTML guard, on a planted folder", () => {
  let parent: string;

  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), "linkage-architecture-html-"));
    mkdirSync(join(parent, "ui"));
    const lines = [
      "// planted by tests/architecture.test.ts",
      'const panel = document.createElement("div");',
      "panel.innerHTML = location.hash;",
      'panel["outerHTML"] += "<b>x</b>";',
      'panel.insertAdjacentHTML("beforeend", location.hash);',
      "document.write(location.hash);",
      "panel.textContent = location.hash;",
    ];
    writeFileSync(join(parent, "ui", "planted.ts"), `${lines.join("\n")}\n`);
  });

  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it("reports each way of turning a string into markup, and not textContent", () => {
    const reported = checkHtmlSinks(join(parent, "ui"), parent);
    expect(reported.map(({ file, line, specifier }) => `${file}:${line} ${specifier}`)).toEqual([
      "ui/planted.ts:3 innerHTML",
      "ui/planted.ts:4 outerHTML",
      "ui/planted.ts:5 insertAdjacentHTML",
      "ui/planted.ts:6 document.write",
    ]);
  });
});
