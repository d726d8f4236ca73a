// Issue 14, defect 1: ids that name a property every plain object has (`__proto__`, `constructor`,
// `toString`, …). graphology 0.26 keeps adjacency in plain objects indexed by node key, so an edge to
// a node keyed `__proto__` sets Object.prototype.previous (docs/upstream/graphology-prototype-keys.md).
// buildGraph gives such ids safe keys and every writer writes the original id back; these tests import
// the issue's trigger, round-trip a graph made of such ids through every format, and check that
// Object.prototype and the built-in functions on it gain nothing from any fixture.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { exportGraph, FORMATS, type FormatId, importGraph } from "../src/formats/index.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";
import { buildGraph, graphKey, KEY_MARK, originalId, UNSAFE_KEYS } from "../src/graph/build.ts";
import { checkIntegrity } from "../src/graph/integrity.ts";
import type { AnyLoadedSource } from "../src/graph/load.ts";
import type { LinkageGraph } from "../src/graph/types.ts";
import { ImportedSourceFile, SourceFile } from "../src/model/schema.ts";
import { prototypeChanges, prototypeShape, restorePrototype } from "./support/prototype-guard.ts";

const xml = { xml: nodeXmlParser };

const PRISTINE = prototypeShape();

function expectPrototypeUntouched(): void {
  expect(prototypeChanges(PRISTINE)).toEqual([]);
}

// A failing test must not leave the pollution behind for the next one.
afterEach(() => restorePrototype(PRISTINE));

/** The GEXF of issue 14: nodes `a` and `__proto__`, and an edge from one to the other. */
const ISSUE_GEXF = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <nodes><node id="a" label="a"/><node id="__proto__" label="proto"/></nodes>
    <edges><edge id="e1" source="a" target="__proto__"/></edges>
  </graph>
</gexf>
`;

const HOSTILE = ["__proto__", "constructor", "toString", "prototype", "hasOwnProperty", "valueOf"];

/** Nodes named like Object.prototype's members, claims between them keyed the same way, holders too. */
function hostileGraph(): LinkageGraph {
  const imported = ImportedSourceFile.parse({
    source: { id: "hostile", provenance: "imported", title: "Hostile ids", findings: [] },
    nodes: [
      ...HOSTILE.map((id) => ({ id, kind: "actor", label: `node ${id}` })),
      { id: "~tilde", kind: "issue", label: "starts with the key mark" },
      { id: "about-them", kind: "issue", label: "about", about: ["__proto__", "constructor"] },
    ],
    claims: [
      { id: "__proto__", source: "constructor", target: "__proto__", relation: "supports" },
      {
        id: "valueOf",
        source: "__proto__",
        target: "toString",
        relation: "opposes",
        heldBy: ["__proto__", "toString"],
      },
      { id: "toString", source: "toString", target: "__proto__", relation: "links-to" },
      { id: "~e", source: "hasOwnProperty", target: "valueOf", relation: "links-to" },
      {
        id: "disputed",
        source: "prototype",
        target: "~tilde",
        relation: "links-to",
        attribution: "document",
        disputedBy: ["__proto__", "constructor"],
      },
    ],
  });
  // graph-data's own rules allow claim ids such as "constructor" and "prototype" (lowercase slugs).
  const curated = SourceFile.parse({
    modelVersion: 2,
    source: {
      id: "curated",
      title: "Curated",
      publisher: "P",
      date: "2000",
      findings: [{ id: "F1", summary: "One finding.", opening: "One finding" }],
    },
    nodes: [
      { id: "actor:a", kind: "actor", label: "A", description: "An actor." },
      { id: "issue:b", kind: "issue", label: "B", description: "An issue." },
    ],
    claims: [
      {
        id: "constructor",
        source: "actor:a",
        target: "issue:b",
        relation: "supports",
        heldBy: ["actor:a"],
        findings: ["F1"],
        evidence: "One finding",
        note: "Supports.",
      },
      {
        id: "prototype",
        source: "issue:b",
        target: "actor:a",
        relation: "links-to",
        heldBy: [],
        attribution: "document",
        findings: ["F1"],
        evidence: "One finding",
        note: "Links.",
      },
    ],
  });
  const loaded: AnyLoadedSource[] = [
    { file: "curated.json", data: curated },
    { file: "hostile.json", data: imported },
  ];
  expect(checkIntegrity(loaded)).toEqual([]);
  return buildGraph(loaded);
}

describe("graphology 0.26 itself (why ids are mapped)", () => {
  it("still sets Object.prototype.previous for an edge to a node keyed __proto__ (upstream report)", () => {
    // In a child process, so this process's Object.prototype stays clean. When this fails, graphology
    // has fixed it: see docs/upstream/graphology-prototype-keys.md before dropping the mapping.
    const script = `import Graph from "graphology";
const g = new Graph({ multi: true });
g.addNode("a"); g.addNode("__proto__"); g.addEdge("a", "__proto__");
console.log(JSON.stringify("previous" in {}));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("true");
  });
});

describe("safe keys", () => {
  it("cover every property a plain object has in this runtime, and prototype", () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype)) expect(UNSAFE_KEYS).toContain(name);
    expect(UNSAFE_KEYS).toContain("prototype");
  });

  it("give every id back, and never an unsafe key", () => {
    for (const id of [...UNSAFE_KEYS, "a", "~", "~~", `${KEY_MARK}__proto__`, "actor:us", "", " "]) {
      expect(UNSAFE_KEYS.has(graphKey(id))).toBe(false);
      expect(originalId(graphKey(id))).toBe(id);
    }
    // Ids that need no mapping are their own keys, so graph-data's keys are its ids.
    expect(graphKey("actor:us")).toBe("actor:us");
    expect(graphKey("__proto__")).not.toBe(graphKey(`${KEY_MARK}__proto__`));
  });
});

describe("the GEXF trigger of issue 14", () => {
  it("imports without touching Object.prototype, with the edge between a and __proto__", () => {
    const { graph } = importGraph({ name: "proto.gexf", text: ISSUE_GEXF }, xml);
    expectPrototypeUntouched();
    expect(graph.order).toBe(2);
    expect(graph.size).toBe(1);
    expect(graph.mapNodes((key) => originalId(key))).toEqual(["a", "__proto__"]);
    expect(graph.hasDirectedEdge(graphKey("a"), graphKey("__proto__"))).toBe(true);
    expect(graph.outNeighbors(graphKey("a")).map(originalId)).toEqual(["__proto__"]);
    expect(graph.getNodeAttribute(graphKey("__proto__"), "label")).toBe("proto");
    // What users saw: every later strict parse failed with `Unrecognized key: "previous"`.
    expect(
      SourceFile.safeParse({})
        .error?.issues.map((issue) => issue.message)
        .join(),
    ).not.toContain("previous");
  });

  it.each(["gexf", "graphml", "graphology-json", "project-json"] as const)(
    "exports to %s with the id __proto__ as it was, and reads back the same graph",
    (format) => {
      const { graph } = importGraph({ name: "proto.gexf", text: ISSUE_GEXF }, xml);
      const [file] = exportGraph(graph, format);
      const text = file?.text ?? "";
      expect(text).toContain("__proto__");
      expect(text).not.toContain(`${KEY_MARK}__proto__`);
      const back = importGraph({ name: `back${FORMATS[format].extensions[0]}`, text }, xml, format);
      expect(back.graph.export()).toEqual(graph.export());
      expectPrototypeUntouched();
    },
  );
});

describe("a graph of hostile ids", () => {
  it("never hands graphology an unsafe key, and keeps holders, disputants and about as keys", () => {
    const graph = hostileGraph();
    expectPrototypeUntouched();
    for (const key of [...graph.nodes(), ...graph.edges()]) expect(UNSAFE_KEYS.has(key)).toBe(false);
    expect(graph.nodes().map(originalId)).toEqual(["actor:a", "issue:b", ...HOSTILE, "~tilde", "about-them"]);
    expect(graph.edges().map(originalId)).toEqual([
      "constructor",
      "prototype",
      "__proto__",
      "valueOf",
      "toString",
      "~e",
      "disputed",
    ]);
    const claim = graph.getEdgeAttributes(graphKey("valueOf"));
    const about = graph.getNodeAttribute("about-them", "about") ?? [];
    expect([...claim.heldBy, ...about].map(originalId)).toEqual([
      "__proto__",
      "toString",
      "__proto__",
      "constructor",
    ]);
    // Inside the graph they are keys, so every query finds the nodes they name.
    for (const holder of [...claim.heldBy, ...about]) expect(graph.hasNode(holder)).toBe(true);
  });

  const lossless = (Object.keys(FORMATS) as FormatId[]).filter((id) => FORMATS[id].lossless);
  it.each(lossless)("round-trips through %s identically, writing the original ids", (format) => {
    const graph = hostileGraph();
    const before = graph.export();
    const files = exportGraph(graph, format);
    for (const file of files) {
      expect(file.text).not.toMatch(/~(__proto__|constructor|toString|prototype|hasOwnProperty|valueOf)/);
    }
    if (format === "project-json") {
      const loaded: AnyLoadedSource[] = files.map((file) => {
        const outcome = importGraph({ name: file.name, text: file.text }, xml, format);
        return { file: file.name, data: outcome.files[0] as AnyLoadedSource["data"] };
      });
      expect(buildGraph(loaded).export()).toEqual(before);
    } else {
      const [file] = files;
      const back = importGraph({ name: `back${FORMATS[format].extensions[0]}`, text: file?.text ?? "" }, xml);
      expect(back.graph.export()).toEqual(before);
    }
    expectPrototypeUntouched();
  });

  it.each(["csv", "neo4j-admin", "cypher"] as const)("exports to %s with the original ids", (format) => {
    const text = exportGraph(hostileGraph(), format)
      .map((file) => file.text)
      .join("\n");
    for (const id of ["__proto__", "constructor", "toString", "~tilde", "~e"]) expect(text).toContain(id);
    expect(text).not.toMatch(/~(__proto__|constructor|toString|prototype|hasOwnProperty|valueOf|~tilde|~e)/);
  });
});

describe("every fixture", () => {
  const root = new URL("./fixtures/", import.meta.url);
  const files = [
    ...readdirSync(new URL("external/gephi-datasets/", root)).map((n) => `external/gephi-datasets/${n}`),
    ...readdirSync(new URL("external/networkx/", root)).map((n) => `external/networkx/${n}`),
    ...readdirSync(new URL("sources/", root)).map((n) => `sources/${n}`),
    "evidence/good.json",
  ];
  it.each(files)("%s imports (or is refused) without touching Object.prototype", (path) => {
    const text = readFileSync(new URL(path, root), "utf8");
    try {
      importGraph({ name: path.split("/").pop() as string, text }, xml);
    } catch {
      // Some fixtures are bad on purpose; what matters here is what they leave behind.
    }
    expectPrototypeUntouched();
  });
});
