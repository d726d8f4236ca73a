// Reads every module reference in a source tree with the TypeScript parser (never a regex over the
// text) and checks them against the layer rules of the README's "Architecture" section. It owns the
// rules; tests/architecture.test.ts runs it on src/ and on copies with planted offences, so the
// function that guards the tree is the one shown to fail.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

export type ReferenceKind =
  | "import"
  | "import type"
  | "side-effect import"
  | "dynamic import"
  | "type query import"
  | "re-export"
  | "export *"
  | "worker URL"
  | "module URL"
  | "import.meta.glob";

export interface ModuleReference {
  /** The referring file, relative to the tree's parent: "src/graph/build.ts". */
  file: string;
  line: number;
  specifier: string;
  kind: ReferenceKind;
}

export interface Violation {
  file: string;
  /** 1-based; 0 when the file or folder itself is the offence. */
  line: number;
  specifier: string;
  /** How the file refers to the specifier; absent when the offence is not a reference. */
  kind?: ReferenceKind | undefined;
  rule: string;
}

const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|mjs)$/;

export function sourceFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE_FILE.test(name) ? [path] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// Reading references

const isImportMeta = (node: ts.Node): boolean =>
  ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword && node.name.text === "meta";

/** `import.meta.url`, the base that makes `new URL(spec, base)` a module-relative reference. */
const isImportMetaUrl = (node: ts.Node | undefined): boolean =>
  node !== undefined &&
  ts.isPropertyAccessExpression(node) &&
  node.name.text === "url" &&
  isImportMeta(node.expression);

const isGlobal = (node: ts.Expression, name: string): boolean =>
  (ts.isIdentifier(node) && node.text === name) ||
  (ts.isPropertyAccessExpression(node) && node.name.text === name);

/** The literal text, or null when the specifier is computed and so cannot be checked. */
const literal = (node: ts.Node | undefined): string | null =>
  node !== undefined && ts.isStringLiteralLike(node) ? node.text : null;

type Found = { node: ts.Node; specifier: string | null; kind: ReferenceKind };

function importDeclaration(node: ts.ImportDeclaration): Found {
  const clause = node.importClause;
  const kind: ReferenceKind =
    clause === undefined ? "side-effect import" : clause.isTypeOnly ? "import type" : "import";
  return { node, specifier: literal(node.moduleSpecifier), kind };
}

function exportDeclaration(node: ts.ExportDeclaration): Found | null {
  if (node.moduleSpecifier === undefined) return null;
  const star = node.exportClause === undefined || ts.isNamespaceExport(node.exportClause);
  return { node, specifier: literal(node.moduleSpecifier), kind: star ? "export *" : "re-export" };
}

function callExpression(node: ts.CallExpression): Found[] {
  if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
    return [{ node, specifier: literal(node.arguments[0]), kind: "dynamic import" }];
  }
  const callee = node.expression;
  if (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === "glob" &&
    isImportMeta(callee.expression)
  ) {
    const patterns = node.arguments[0];
    const list = patterns && ts.isArrayLiteralExpression(patterns) ? [...patterns.elements] : [patterns];
    return list.map((pattern) => ({ node, specifier: literal(pattern), kind: "import.meta.glob" as const }));
  }
  return [];
}

function newExpression(node: ts.NewExpression, parent: ts.Node | undefined): Found | null {
  if (!isGlobal(node.expression, "URL") || !isImportMetaUrl(node.arguments?.[1])) return null;
  const inWorker =
    parent !== undefined &&
    ts.isNewExpression(parent) &&
    (isGlobal(parent.expression, "Worker") || isGlobal(parent.expression, "SharedWorker"));
  return { node, specifier: literal(node.arguments?.[0]), kind: inWorker ? "worker URL" : "module URL" };
}

/** `type T = import("../x.ts").T`: erased at run time, but still a dependency between layers. */
function importType(node: ts.ImportTypeNode): Found {
  const argument = node.argument;
  const specifier = ts.isLiteralTypeNode(argument) ? literal(argument.literal) : null;
  return { node, specifier, kind: "type query import" };
}

function referencesIn(source: ts.SourceFile): Found[] {
  const found: Found[] = [];
  // The parent is passed down rather than read from node.parent: parsing without parent links is faster.
  const visit = (node: ts.Node, parent?: ts.Node): void => {
    if (ts.isImportDeclaration(node)) found.push(importDeclaration(node));
    else if (ts.isExportDeclaration(node)) found.push(...[exportDeclaration(node)].filter((f) => f !== null));
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      found.push({ node, specifier: literal(node.moduleReference.expression), kind: "import" });
    } else if (ts.isCallExpression(node)) found.push(...callExpression(node));
    else if (ts.isNewExpression(node)) found.push(...[newExpression(node, parent)].filter((f) => f !== null));
    else if (ts.isImportTypeNode(node)) found.push(importType(node));
    ts.forEachChild(node, (child) => visit(child, node));
  };
  visit(source);
  return found;
}

const posix = (path: string) => path.split(sep).join("/");

// Parsed once per distinct text: the planted copy of src/ repeats every file, and the HTML guard
// reads src/ui again. The same text always parses to the same tree, so this changes no verdict.
const parsed = new Map<string, ts.SourceFile>();

function parse(path: string): ts.SourceFile {
  const text = readFileSync(path, "utf8");
  let source = parsed.get(text);
  if (source === undefined) {
    source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
    parsed.set(text, source);
  }
  return source;
}

/** Stands for a specifier that is computed at run time, so that the rules can refuse it. */
export const COMPUTED = "<computed>";

/** Every module reference in one file; `file` is given relative to treeParent. */
export function moduleReferences(path: string, treeParent: string): ModuleReference[] {
  const source = parse(path);
  const file = posix(relative(treeParent, path));
  return referencesIn(source).map(({ node, specifier, kind }) => ({
    file,
    line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
    specifier: specifier ?? COMPUTED,
    kind,
  }));
}

// ---------------------------------------------------------------------------------------------
// The rules

export const LAYERS = ["model", "graph", "formats", "cli", "ui"] as const;
export type Layer = (typeof LAYERS)[number];

/** Which layers each layer may import from: its own and the ones below; the two front ends never meet. */
export const LAYER_MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  model: ["model"],
  graph: ["model", "graph"],
  formats: ["model", "graph", "formats"],
  cli: ["model", "graph", "formats", "cli"],
  ui: ["model", "graph", "formats", "ui"],
};

/** Layers whose code runs unchanged in Node, in the browser and in a worker. */
const SHARED_LAYERS: readonly Layer[] = ["model", "graph", "formats"];

/**
 * The only packages the shared layers may import: each runs in Node and in the browser alike. A list,
 * not a ban list, so a new package is a decision made here rather than a surprise in the bundle.
 * Refused by not being here: Node built-ins, sigma (WebGL and DOM), graphology-layout-forceatlas2/worker
 * (a Web Worker), Vite's virtual: modules.
 */
export const RUNTIME_NEUTRAL_PACKAGES: Record<string, string> = {
  zod: "schemas (model, formats)",
  graphology: "the graph (graph)",
  "graphology-types": "types only (formats)",
  "graphology-layout-forceatlas2": "its synchronous layout is plain JavaScript (graph/layout.ts)",
  "graphology-layout-noverlap": "plain JavaScript (graph/layout.ts)",
  saxes: "a streaming XML parser with no DOM (formats/saxes-runtime.js)",
};

/** Subpaths of listed packages that need a browser or Node after all. */
const RUNTIME_BOUND_SUBPATHS: Record<string, string> = {
  "graphology-layout-forceatlas2/worker": "starts a Web Worker",
};

/**
 * src/ui's own layers. state/ is pure transitions; views/ (DOM) and controllers/ (sigma) both read
 * state and never each other; workers/ holds the worker entries and the clients that start them.
 * The shell is the files directly in src/ui: the entry (main.ts), the wiring (explorer-host.ts,
 * app.ts) and small runtime helpers (downloads.ts, graph-data.ts, zod-csp.ts). Only the shell wires
 * the parts together, so no part imports the shell, except that a worker needs zod-csp.ts.
 */
export const UI_PARTS = ["state", "views", "controllers", "workers", "shell"] as const;
export type UiPart = (typeof UI_PARTS)[number];

export const UI_PART_MAY_IMPORT: Record<UiPart, readonly UiPart[]> = {
  state: ["state"],
  views: ["state", "views"],
  controllers: ["state", "controllers"],
  // A worker runs without a DOM: no views, controllers or state, and from the shell only the below.
  workers: ["workers", "shell"],
  shell: ["state", "views", "controllers", "workers", "shell"],
};

/** The shell files a worker may import: zod-csp.ts sets zod's no-eval mode before any schema runs. */
export const WORKER_SAFE_SHELL_FILES: readonly string[] = ["ui/zod-csp.ts"];

/** The layer of a path under src/ ("graph/build.ts"), or null for a file outside every layer. */
const layerOf = (inSrc: string): Layer | null => {
  const [first, ...rest] = inSrc.split("/");
  return rest.length > 0 && LAYERS.some((layer) => layer === first) ? (first as Layer) : null;
};

/** The part of src/ui a path under src/ ("ui/views/legend.ts") belongs to, or null for none. */
const uiPartOf = (inSrc: string): UiPart | null => {
  const [, folder, ...rest] = inSrc.split("/");
  if (rest.length === 0) return "shell";
  return folder !== "shell" && UI_PARTS.some((part) => part === folder) ? (folder as UiPart) : null;
};

const NODE_BUILTINS = new Set(builtinModules);

const packageName = (specifier: string): string => {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
};

const isNodeBuiltin = (specifier: string) =>
  specifier.startsWith("node:") || NODE_BUILTINS.has(packageName(specifier));

/** Why a shared layer may not import this package, or null when it may. */
function sharedPackageRefusal(specifier: string): string | null {
  if (isNodeBuiltin(specifier)) return "Node built-in in a layer that must also run in the browser";
  if (specifier.startsWith("virtual:")) return "Vite virtual module in a layer that must also run in Node";
  const bound = RUNTIME_BOUND_SUBPATHS[specifier];
  if (bound !== undefined) return `${specifier} ${bound}; a shared layer must run in Node and the browser`;
  if (!(packageName(specifier) in RUNTIME_NEUTRAL_PACKAGES)) {
    return `package ${packageName(specifier)} is not in RUNTIME_NEUTRAL_PACKAGES (shared layers run in Node and the browser)`;
  }
  return null;
}

/** Which packages each layer may import: the shared layers a short list, the UI anything for a browser. */
const PACKAGE_REFUSAL: Record<Layer, (specifier: string) => string | null> = {
  model: sharedPackageRefusal,
  graph: sharedPackageRefusal,
  formats: sharedPackageRefusal,
  cli: () => null,
  ui: (specifier) => (isNodeBuiltin(specifier) ? "Node built-in in the browser app" : null),
};

const isRelative = (specifier: string) => specifier.startsWith("./") || specifier.startsWith("../");

/**
 * The file a path-like specifier names, as "model/schema.ts" under src/, or null when it names none.
 * "./" and "../" count from the referring file, "/" from the project root (Vite's convention).
 */
function resolveUnderSrc(fromPath: string, specifier: string, srcDir: string): string | null {
  const base = specifier.startsWith("/")
    ? join(dirname(srcDir), specifier)
    : resolve(dirname(fromPath), specifier);
  const candidates = [base, `${base}.ts`, `${base}.js`, `${base}.d.ts`, join(base, "index.ts")];
  for (const candidate of candidates) {
    const inside = posix(relative(srcDir, candidate));
    if (inside === "" || inside.startsWith("../") || isAbsolute(inside)) return null;
    if (isFile(candidate)) return inside;
  }
  return null;
}

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** Why `from` may not import `to` (both relative to src/), or null when it may. */
function crossingRefusal(from: string, to: string): string | null {
  const fromLayer = layerOf(from);
  const toLayer = layerOf(to);
  if (fromLayer === null || toLayer === null) return null; // a misplaced file is reported once, by itself
  if (!LAYER_MAY_IMPORT[fromLayer].includes(toLayer)) {
    return `${fromLayer} may not import ${toLayer} (allowed: ${LAYER_MAY_IMPORT[fromLayer].join(", ")})`;
  }
  if (fromLayer !== "ui" || toLayer !== "ui") return null;
  const fromPart = uiPartOf(from);
  const toPart = uiPartOf(to);
  if (fromPart === null || toPart === null) return null;
  if (!UI_PART_MAY_IMPORT[fromPart].includes(toPart)) {
    return `ui/${fromPart} may not import ui/${toPart} (allowed: ${UI_PART_MAY_IMPORT[fromPart].join(", ")})`;
  }
  if (fromPart === "workers" && toPart === "shell" && !WORKER_SAFE_SHELL_FILES.includes(to)) {
    return `ui/workers may import from the shell only ${WORKER_SAFE_SHELL_FILES.join(", ")}`;
  }
  return null;
}

/** Why this reference breaks a rule, or null. `from` and `fromPath`: the referring file under src/ and on disk. */
function referenceRefusal(
  ref: ModuleReference,
  from: string,
  fromPath: string,
  srcDir: string,
): string | null {
  const shared = SHARED_LAYERS.some((layer) => layer === layerOf(from));
  const url = ref.kind === "worker URL" || ref.kind === "module URL";
  if (ref.specifier === COMPUTED) return "computed specifier, which the guard cannot check";
  if (ref.kind === "import.meta.glob") return shared ? "import.meta.glob is Vite-only" : null;
  if (isRelative(ref.specifier) || ref.specifier.startsWith("/")) {
    const target = resolveUnderSrc(fromPath, ref.specifier, srcDir);
    // new URL("../../graph-data", import.meta.url) names data, not a module: only files in src/ count.
    if (target === null) return url ? null : "names no file under src/ (missing, or outside the layers)";
    return crossingRefusal(from, target);
  }
  if (url) return null; // "https://…" is not one of our modules
  const layer = layerOf(from);
  return layer === null ? null : PACKAGE_REFUSAL[layer](ref.specifier);
}

function misplacement(inSrc: string): string | null {
  const layer = layerOf(inSrc);
  if (layer === null) return `file outside every layer (${LAYERS.join(", ")})`;
  if (layer === "ui" && uiPartOf(inSrc) === null)
    return `file outside every part of ui (${UI_PARTS.join(", ")})`;
  return null;
}

/**
 * Every broken layer rule in the tree at srcDir (a folder laid out like src/), with the file as
 * "src/…" and the 1-based line. An empty tree is itself a violation: a guard with nothing to check
 * must not pass.
 */
export function checkLayers(srcDir: string): Violation[] {
  const treeParent = dirname(srcDir);
  const files = sourceFiles(srcDir);
  if (files.length === 0) {
    return [
      { file: posix(relative(treeParent, srcDir)), line: 0, specifier: "", rule: "no source files found" },
    ];
  }
  return files.flatMap((path) => {
    const file = posix(relative(treeParent, path));
    const inSrc = posix(relative(srcDir, path));
    const misplaced = misplacement(inSrc);
    const own: Violation[] = misplaced === null ? [] : [{ file, line: 0, specifier: "", rule: misplaced }];
    const refused = moduleReferences(path, treeParent).flatMap((ref) => {
      const rule = referenceRefusal(ref, inSrc, path, srcDir);
      return rule === null ? [] : [{ file, line: ref.line, specifier: ref.specifier, kind: ref.kind, rule }];
    });
    return [...own, ...refused];
  });
}

// ---------------------------------------------------------------------------------------------
// HTML from strings

const HTML_PROPERTIES = new Set(["innerHTML", "outerHTML"]);
const HTML_METHODS = new Set(["insertAdjacentHTML", "setHTMLUnsafe", "createContextualFragment"]);

const memberName = (node: ts.Node): string | null => {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) return literal(node.argumentExpression);
  return null;
};

const ASSIGNMENTS = new Set([ts.SyntaxKind.EqualsToken, ts.SyntaxKind.PlusEqualsToken]);

function htmlSink(node: ts.Node): string | null {
  if (ts.isBinaryExpression(node) && ASSIGNMENTS.has(node.operatorToken.kind)) {
    const name = memberName(node.left);
    return name !== null && HTML_PROPERTIES.has(name) ? name : null;
  }
  if (!ts.isCallExpression(node)) return null;
  const name = memberName(node.expression);
  if (name !== null && HTML_METHODS.has(name)) return name;
  const target = ts.isPropertyAccessExpression(node.expression) ? node.expression.expression : null;
  const onDocument = target !== null && ts.isIdentifier(target) && target.text === "document";
  return onDocument && (name === "write" || name === "writeln") ? `document.${name}` : null;
}

/**
 * Every place under dir that turns a string into markup (innerHTML and its kin). Text from data
 * must reach the DOM through textContent or created elements. An empty folder is a violation.
 */
export function checkHtmlSinks(dir: string, treeParent: string): Violation[] {
  const files = sourceFiles(dir);
  if (files.length === 0) {
    return [
      { file: posix(relative(treeParent, dir)), line: 0, specifier: "", rule: "no source files found" },
    ];
  }
  return files.flatMap((path) => {
    const source = parse(path);
    const file = posix(relative(treeParent, path));
    const found: Violation[] = [];
    const visit = (node: ts.Node): void => {
      const sink = htmlSink(node);
      if (sink !== null) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ file, line, specifier: sink, rule: "writes HTML from a string" });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  });
}
