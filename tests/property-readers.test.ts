// Property-based reader tests (issue 14): every reader of the format table, given random text, text
// shaped like its format, or a fixture or export of a random graph with bytes inserted, deleted,
// truncated or duplicated, either returns a graph or throws the project's own ImportError: never a
// raw TypeError, RangeError or SyntaxError, never more than 5 s a case, never a change to
// Object.prototype. Readers are called through importGraph (and startImport, fed in chunks, where it
// exists), so the test covers whichever reader is in place. Fixed seeds, bounded runs; a failure
// prints its seed and counterexample (fast-check's `verbose`), to replay with `seed` and `path`.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as formats from "../src/formats/index.ts";
import {
  exportGraph,
  FORMATS,
  type FormatId,
  IMPORT_FORMATS,
  ImportError,
  importGraph,
} from "../src/formats/index.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";
import { awkwardGraph } from "./awkward-graph.ts";
import { charArb, graphFilesArb, graphOf, textArb } from "./support/graph-arbitraries.ts";
import { prototypeChanges, prototypeShape, restorePrototype } from "./support/prototype-guard.ts";

const SEED = 20_001_214;
const RUNS = Number(process.env.READER_RUNS ?? 300);
const CASE_LIMIT_MS = 5_000;
const PRISTINE = prototypeShape();
const xml = { xml: nodeXmlParser };
const LOSSLESS = (Object.keys(FORMATS) as FormatId[]).filter((id) => FORMATS[id].lossless);

interface Verdict {
  ok: boolean;
  /** The export of the graph read, to compare two ways of reading the same text. */
  graph?: unknown;
  error?: string;
}

/**
 * Reads a text with one reader (or by detection) and says what happened; throws when the reader
 * broke a rule: an error other than ImportError, a case over the time limit, a changed prototype.
 */
function read(text: string, format: FormatId | undefined, name = "fuzz.txt"): Verdict {
  const started = performance.now();
  let verdict: Verdict;
  try {
    verdict = { ok: true, graph: importGraph({ name, text }, xml, format).graph.export() };
  } catch (error) {
    if (!(error instanceof ImportError)) {
      restorePrototype(PRISTINE);
      throw new Error(
        `${format ?? "detection"} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
        { cause: error },
      );
    }
    verdict = { ok: false, error: error.message };
  }
  const elapsed = performance.now() - started;
  const changes = prototypeChanges(PRISTINE);
  restorePrototype(PRISTINE);
  expect(changes, `${format ?? "detection"} changed Object.prototype`).toEqual([]);
  expect(elapsed, `${format ?? "detection"} took ${Math.round(elapsed)} ms`).toBeLessThan(CASE_LIMIT_MS);
  return verdict;
}

/** Every reader, and detection by name and content, on the same text. */
function readWithEveryReader(text: string): void {
  for (const format of IMPORT_FORMATS) read(text, format, `fuzz${FORMATS[format].extensions[0]}`);
  read(text, undefined, "fuzz.txt");
}

// ---------------------------------------------------------------------------------------------
// Inputs

const fixtures = new URL("./fixtures/", import.meta.url);
/** Small fixtures only: mutating the 2 MB ones would spend the time budget on parsing. */
const FIXTURE_PATHS = [
  "external/gephi-datasets/hello-world.gexf",
  "external/gephi-datasets/data.gexf",
  "external/gephi-datasets/viz.gexf",
  "external/networkx/karate-club.gexf",
  "external/networkx/typed-digraph.graphml",
  "external/networkx/les-miserables.graphml",
  "sources/good-minimal.json",
  "sources/bad-schema.json",
  "evidence/good.json",
];
const FIXTURES = FIXTURE_PATHS.map((path) => readFileSync(new URL(path, fixtures), "utf8"));

const AWKWARD_EXPORTS = LOSSLESS.flatMap((format) => exportGraph(awkwardGraph(), format).map((f) => f.text));

/** Pieces that readers have tripped on, or might: markup, references, deep nesting, hostile keys. */
const FRAGMENTS = [
  "<",
  ">",
  "</",
  "/>",
  '"',
  "'",
  "&",
  "&amp;",
  "&#x1b;",
  "&#0;",
  "&#x110000;",
  "&#xD800;",
  "&undefined;",
  "]]>",
  "<![CDATA[x]]>",
  "<!-- c -->",
  "<?pi x?>",
  "<!DOCTYPE x>",
  '<!ENTITY a "b">',
  'xmlns="http://gexf.net/1.3"',
  'xmlns:viz="http://gexf.net/1.3/viz"',
  '<node id="__proto__"/>',
  '<node id="constructor" label="toString"/>',
  '<edge source="a" target="__proto__"/>',
  '<edge id="toString" source="__proto__" target="__proto__"/>',
  '<attvalue for="0" value="x"/>',
  '<attribute id="0" title="__proto__" type="liststring"/>',
  '<data key="d0">x</data>',
  '<key id="d0" for="node" attr.name="__proto__" attr.type="double"/>',
  "<viz:position x='NaN' y='1e400'/>",
  "{",
  "}",
  "[",
  "]",
  ",",
  ":",
  "null",
  "true",
  "-0",
  "1e400",
  '"__proto__"',
  '"constructor"',
  '{"__proto__":{"previous":1}}',
  '"key":"__proto__"',
  '"x":null',
  '"y":"1"',
  '"size":[1]',
  '"attributes":{"__proto__":1}',
  '"modelVersion":2',
  '"provenance":"imported"',
  "[".repeat(6000),
  `${"[".repeat(6000)}${"]".repeat(6000)}`,
  "<n>".repeat(3000),
  "\u0000",
  "\ud800",
  "\ufeff",
  "\u2028",
  "\r\n",
];

type Mutation =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "truncate"; at: number }
  | { kind: "duplicate"; at: number; length: number; to: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant("insert" as const),
    at: position,
    text: fc.oneof(fc.constantFrom(...FRAGMENTS), textArb({ xmlSafe: false }, 6, 1)),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: position }),
  fc.record({
    kind: fc.constant("duplicate" as const),
    at: position,
    length: fc.integer({ min: 1, max: 200 }),
    to: position,
  }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = Math.floor(m.at * out.length);
    if (m.kind === "insert") out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.kind === "delete") out = out.slice(0, at) + out.slice(at + m.length);
    else if (m.kind === "truncate") out = out.slice(0, at);
    else {
      const span = out.slice(at, at + m.length);
      const to = Math.floor(m.to * out.length);
      out = out.slice(0, to) + span + out.slice(to);
    }
  }
  return out;
}

const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });

/**
 * A mutation that keeps the file well formed, so that it reaches the reader's own checks: in JSON a
 * value, key or list entry changed, dropped or doubled; in XML an attribute value changed or an
 * element dropped or doubled.
 */
interface StructuralMutation {
  at: number;
  action: "replace" | "delete" | "duplicate";
  value: unknown;
}
const structuralArb: fc.Arbitrary<StructuralMutation> = fc.record({
  at: position,
  action: fc.constantFrom("replace", "delete", "duplicate"),
  value: fc.oneof(
    fc.constantFrom("__proto__", "constructor", "", null, 0, -1, 1e308, true, [], {}, [1, "a"], {
      __proto__: 1,
    }),
    fc.jsonValue({ maxDepth: 2 }),
    textArb({ xmlSafe: true }, 6),
  ),
});

function mutateJson(text: string, mutations: readonly StructuralMutation[]): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  for (const m of mutations) {
    // Every place in the value, found without recursion: [container, key].
    const places: [Record<string, unknown> | unknown[], string | number][] = [];
    const stack: unknown[] = [value];
    while (stack.length) {
      const item = stack.pop();
      if (item === null || typeof item !== "object") continue;
      for (const key of Object.keys(item)) {
        places.push([item as Record<string, unknown>, Array.isArray(item) ? Number(key) : key]);
        stack.push((item as Record<string, unknown>)[key]);
      }
    }
    const place = places[Math.floor(m.at * places.length)];
    if (!place) continue;
    const [container, key] = place;
    if (Array.isArray(container) && typeof key === "number") {
      if (m.action === "delete") container.splice(key, 1);
      else if (m.action === "duplicate") container.splice(key, 0, structuredClone(container[key]));
      else container[key] = m.value;
    } else {
      const record = container as Record<string, unknown>;
      if (m.action === "delete") delete record[key];
      else if (m.action === "duplicate")
        Object.defineProperty(record, String(m.value), {
          value: record[key],
          enumerable: true,
          configurable: true,
          writable: true,
        });
      else record[key] = m.value;
    }
  }
  return JSON.stringify(value);
}

function mutateXml(text: string, mutations: readonly StructuralMutation[]): string {
  let out = text;
  for (const m of mutations) {
    if (m.action === "replace") {
      const values = [...out.matchAll(/="([^"]*)"/g)];
      const match = values[Math.floor(m.at * values.length)];
      if (!match || match.index === undefined) continue;
      const replacement = `="${escapeXml(typeof m.value === "string" ? m.value : JSON.stringify(m.value))}"`;
      out = out.slice(0, match.index) + replacement + out.slice(match.index + match[0].length);
    } else {
      const elements = [...out.matchAll(/<(node|edge|attvalue|attribute|data|key|viz:\w+)\b[^<>]*\/>/g)];
      const match = elements[Math.floor(m.at * elements.length)];
      if (!match || match.index === undefined) continue;
      const end = match.index + match[0].length;
      out =
        m.action === "delete"
          ? out.slice(0, match.index) + out.slice(end)
          : out.slice(0, end) + match[0] + out.slice(end);
    }
  }
  return out;
}

/** Structure-keeping mutations for a JSON or XML text. */
function mutateStructure(text: string, mutations: readonly StructuralMutation[]): string {
  return mutateJson(text, mutations) ?? mutateXml(text, mutations);
}

/** Random text, bare or behind the start of a format, so each reader gets past its first check. */
const randomTextArb = fc.tuple(
  fc.constantFrom(
    "",
    "<",
    "<gexf>",
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    "{",
    '{"source":{',
    '{"nodes":[',
    "[",
  ),
  fc.string({ unit: charArb({ xmlSafe: false }), maxLength: 200 }),
);

/** JSON shaped like graphology's serialization, with values of every type where it expects some. */
const looseJson = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "a", "", "0"),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);
const graphologyLikeArb = fc.record(
  {
    options: fc.record(
      { type: fc.constantFrom("directed", "mixed", "undirected", "x"), multi: looseJson },
      { requiredKeys: [] },
    ),
    attributes: fc.dictionary(fc.constantFrom("name", "sources", "__proto__", "x"), looseJson, {
      maxKeys: 3,
    }),
    nodes: fc.array(
      fc.record(
        {
          key: looseJson,
          attributes: fc.dictionary(
            fc.constantFrom(
              "label",
              "x",
              "y",
              "size",
              "kind",
              "sources",
              "__proto__",
              "constructor",
              "attributes",
            ),
            looseJson,
            { maxKeys: 5 },
          ),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 4 },
    ),
    edges: fc.array(
      fc.record(
        {
          key: looseJson,
          source: looseJson,
          target: looseJson,
          undirected: looseJson,
          attributes: fc.dictionary(fc.string(), looseJson, { maxKeys: 3 }),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 4 },
    ),
  },
  { requiredKeys: [] },
);

/** JSON shaped like a graph-data source file, with values of every type where it expects some. */
const projectLikeArb = fc.record(
  {
    modelVersion: fc.oneof(fc.constant(2), looseJson),
    source: fc.record(
      {
        id: looseJson,
        provenance: fc.oneof(fc.constant("imported"), looseJson),
        title: looseJson,
        findings: fc.array(fc.dictionary(fc.constantFrom("id", "summary", "opening"), looseJson), {
          maxLength: 2,
        }),
      },
      { requiredKeys: [] },
    ),
    nodes: fc.array(
      fc.dictionary(
        fc.constantFrom("id", "kind", "label", "about", "x", "attributes", "__proto__"),
        looseJson,
        {
          maxKeys: 5,
        },
      ),
      { maxLength: 3 },
    ),
    claims: fc.array(
      fc.dictionary(
        fc.constantFrom("id", "source", "target", "relation", "heldBy", "disputedBy", "findings"),
        looseJson,
        {
          maxKeys: 6,
        },
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: [] },
);

/** XML text, escaped for an attribute value or element content. */
const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** Values that readers have to take apart: ids that clash, numbers that are not, lists, hostile keys. */
const xmlValueArb = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "toString",
    "a",
    "b",
    "0",
    "1",
    "",
    " ",
    "NaN",
    "1e400",
    "-0",
    "[a, b]",
    "a|b",
    "true",
  ),
  textArb({ xmlSafe: true }, 6),
);
const xmlTypeArb = fc.constantFrom(
  "string",
  "double",
  "float",
  "integer",
  "long",
  "boolean",
  "liststring",
  "listdouble",
  "int",
  "bogus",
);
const maybe = (name: string, value: fc.Arbitrary<string>) =>
  fc.option(
    value.map((v) => ` ${name}="${escapeXml(v)}"`),
    { nil: "" },
  );

/** A GEXF graph with declared attributes, nodes (some nested), edges and viz values, all at random. */
const gexfArb = fc
  .record({
    version: fc.constantFrom("1.3", "1.2", "1.1", "2"),
    edgeType: maybe("defaultedgetype", fc.constantFrom("directed", "undirected", "mutual", "x")),
    attributes: fc.array(
      fc.tuple(maybe("id", xmlValueArb), maybe("title", xmlValueArb), maybe("type", xmlTypeArb)),
      { maxLength: 3 },
    ),
    nodes: fc.array(
      fc.record({
        id: maybe("id", xmlValueArb),
        label: maybe("label", xmlValueArb),
        values: fc.array(fc.tuple(maybe("for", xmlValueArb), maybe("value", xmlValueArb)), { maxLength: 2 }),
        position: fc.option(fc.tuple(xmlValueArb, xmlValueArb), { nil: undefined }),
        child: maybe("id", xmlValueArb),
      }),
      { maxLength: 4 },
    ),
    edges: fc.array(
      fc.tuple(
        maybe("id", xmlValueArb),
        maybe("source", xmlValueArb),
        maybe("target", xmlValueArb),
        maybe("weight", xmlValueArb),
      ),
      { maxLength: 4 },
    ),
  })
  .map((g) => {
    const declared = g.attributes.map(([id, title, type]) => `<attribute${id}${title}${type}/>`).join("");
    const nodes = g.nodes
      .map((n) => {
        const values = n.values.map(([f, v]) => `<attvalue${f}${v}/>`).join("");
        const position = n.position
          ? `<viz:position x="${escapeXml(n.position[0])}" y="${escapeXml(n.position[1])}"/>`
          : "";
        const child = n.child ? `<nodes><node${n.child}/></nodes>` : "";
        return `<node${n.id}${n.label}><attvalues>${values}</attvalues>${position}${child}</node>`;
      })
      .join("");
    const edges = g.edges
      .map(([id, source, target, weight]) => `<edge${id}${source}${target}${weight}/>`)
      .join("");
    return `<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="${g.version}"><graph${g.edgeType}><attributes class="node">${declared}</attributes><nodes>${nodes}</nodes><edges>${edges}</edges></graph></gexf>`;
  });

/** A GraphML graph with keys, nodes, edges and data, all at random. */
const graphmlArb = fc
  .record({
    edgeDefault: maybe("edgedefault", fc.constantFrom("directed", "undirected", "x")),
    keys: fc.array(
      fc.tuple(
        maybe("id", xmlValueArb),
        maybe("for", fc.constantFrom("node", "edge", "graph", "all", "x")),
        maybe("attr.name", xmlValueArb),
        maybe("attr.type", xmlTypeArb),
      ),
      { maxLength: 3 },
    ),
    nodes: fc.array(
      fc.tuple(
        maybe("id", xmlValueArb),
        fc.array(fc.tuple(maybe("key", xmlValueArb), xmlValueArb), { maxLength: 2 }),
      ),
      {
        maxLength: 4,
      },
    ),
    edges: fc.array(
      fc.tuple(
        maybe("id", xmlValueArb),
        maybe("source", xmlValueArb),
        maybe("target", xmlValueArb),
        maybe("directed", xmlValueArb),
      ),
      {
        maxLength: 4,
      },
    ),
  })
  .map((g) => {
    const keys = g.keys.map(([id, f, name, type]) => `<key${id}${f}${name}${type}/>`).join("");
    const data = (entries: [string, string][]) =>
      entries.map(([key, v]) => `<data${key}>${escapeXml(v)}</data>`).join("");
    const nodes = g.nodes.map(([id, entries]) => `<node${id}>${data(entries)}</node>`).join("");
    const edges = g.edges
      .map(([id, source, target, directed]) => `<edge${id}${source}${target}${directed}/>`)
      .join("");
    return `<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">${keys}<graph${g.edgeDefault}>${nodes}${edges}</graph></graphml>`;
  });

/** A random graph written in one of the lossless formats. */
const generatedExportArb = fc
  .tuple(graphFilesArb({ xmlSafe: true }), fc.constantFrom(...LOSSLESS))
  .map(([files, format]) => exportGraph(graphOf(files), format)[0]?.text ?? "");

const seedTextArb = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...FIXTURES) },
  { weight: 1, arbitrary: fc.constantFrom(...AWKWARD_EXPORTS) },
  { weight: 2, arbitrary: generatedExportArb },
);

// ---------------------------------------------------------------------------------------------

const options = (runs: number) => ({ seed: SEED, numRuns: runs, verbose: true });

function timed(label: string, runs: number, body: () => void): void {
  const started = performance.now();
  body();
  console.log(
    `${label}: ${runs} cases × ${IMPORT_FORMATS.length + 1} readings in ${Math.round(performance.now() - started)} ms`,
  );
}

describe("every reader", () => {
  it("reads the fixtures and exports that the mutations start from (so mutants start from sound files)", () => {
    FIXTURE_PATHS.forEach((path, i) => {
      const verdict = read(FIXTURES[i] as string, undefined, path.split("/").pop());
      expect(verdict.ok, `${path}: ${verdict.error}`).toBe(!path.includes("bad-"));
    });
    // Project JSON writes the awkward graph's three sources as three files, which need each other.
    for (const format of LOSSLESS.filter((id) => id !== "project-json")) {
      const [file] = exportGraph(awkwardGraph(), format);
      expect(read(file?.text ?? "", undefined, "awkward.txt").ok, format).toBe(true);
    }
  });

  it(`returns a graph or an ImportError for random text (${RUNS} cases, seed ${SEED})`, () => {
    timed("random text", RUNS, () =>
      fc.assert(
        fc.property(randomTextArb, ([head, tail]) => readWithEveryReader(head + tail)),
        options(RUNS),
      ),
    );
  }, 60_000);

  it(`returns a graph or an ImportError for mutated fixtures and exports (${RUNS} cases, seed ${SEED})`, () => {
    timed("mutated files", RUNS, () =>
      fc.assert(
        fc.property(seedTextArb, mutationsArb, (text, mutations) =>
          readWithEveryReader(mutate(text, mutations)),
        ),
        options(RUNS),
      ),
    );
  }, 60_000);

  it(`returns a graph or an ImportError for well-formed files with values changed (${RUNS} cases)`, () => {
    timed("well-formed mutants", RUNS, () =>
      fc.assert(
        fc.property(seedTextArb, fc.array(structuralArb, { minLength: 1, maxLength: 4 }), (text, mutations) =>
          readWithEveryReader(mutateStructure(text, mutations)),
        ),
        options(RUNS),
      ),
    );
  }, 60_000);

  it(`returns a graph or an ImportError for JSON shaped like graphology's and graph-data's (${RUNS} cases)`, () => {
    timed("JSON shapes", RUNS, () =>
      fc.assert(
        fc.property(fc.oneof(graphologyLikeArb, projectLikeArb), (value) =>
          readWithEveryReader(JSON.stringify(value)),
        ),
        options(RUNS),
      ),
    );
  }, 60_000);

  it(`returns a graph or an ImportError for GEXF and GraphML made of random elements (${RUNS} cases)`, () => {
    timed("XML shapes", RUNS, () =>
      fc.assert(
        fc.property(fc.oneof(gexfArb, graphmlArb), (text) => readWithEveryReader(text)),
        options(RUNS),
      ),
    );
  }, 60_000);
});

// startImport (fed by chunks as the CLI and the explorer read a file) where the format table has it.
const startImport = (formats as Record<string, unknown>).startImport as
  | ((
      name: string,
      options: typeof xml,
      format?: FormatId,
    ) => { write(text: string): void; end(): { graph: { export(): unknown } } })
  | undefined;

describe.skipIf(!startImport)("every reader, fed in chunks", () => {
  const CHUNK_RUNS = Math.ceil(RUNS / 3);
  it(`gives the same graph or the same refusal as reading the whole text (${CHUNK_RUNS} cases)`, () => {
    timed("chunked", CHUNK_RUNS, () =>
      fc.assert(
        fc.property(
          fc.oneof(
            seedTextArb,
            seedTextArb.chain((text) => mutationsArb.map((m) => mutate(text, m))),
          ),
          fc.array(fc.integer({ min: 1, max: 4096 }), { minLength: 1, maxLength: 8 }),
          fc.constantFrom(...IMPORT_FORMATS),
          (text, sizes, format) => {
            const name = `chunks${FORMATS[format].extensions[0]}`;
            const whole = read(text, format, name);
            let chunked: Verdict;
            try {
              const stream = startImport?.(name, xml, format);
              let at = 0;
              for (let i = 0; at < text.length; i++) {
                let end = at + (sizes[i % sizes.length] as number);
                // A file is decoded before it is cut, so a chunk never ends inside a surrogate pair.
                if (/[\ud800-\udbff]/.test(text[end - 1] ?? "") && /[\udc00-\udfff]/.test(text[end] ?? ""))
                  end++;
                stream?.write(text.slice(at, end));
                at = end;
              }
              chunked = { ok: true, graph: stream?.end().graph.export() };
            } catch (error) {
              if (!(error instanceof ImportError)) throw error;
              chunked = { ok: false, error: error.message };
            }
            expect(prototypeChanges(PRISTINE)).toEqual([]);
            expect(
              chunked.ok,
              `whole: ${whole.error ?? "a graph"}; in chunks: ${chunked.error ?? "a graph"}`,
            ).toBe(whole.ok);
            if (whole.ok) expect(chunked.graph).toEqual(whole.graph);
          },
        ),
        options(CHUNK_RUNS),
      ),
    );
  }, 60_000);
});

// The smallest inputs of the defects these properties found, kept as plain cases.
describe("cases the properties found", () => {
  const failure = (text: string, format: FormatId) => {
    try {
      importGraph({ name: "found.json", text }, xml, format);
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it("graphology JSON: an attribute nested 5,000 deep is refused, naming the node and the attribute", () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    const text = `{"nodes":[{"key":"a","attributes":{"deep":${deep}}}],"edges":[]}`;
    const error = failure(text, "graphology-json");
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problems[0]).toMatchObject({ element: 'nodes[0] attribute "deep"' });
    expect((error as ImportError).message).toMatch(/nests more than 100 levels/);
  });

  it.each(["project-json", "graphology-json"] as const)(
    "%s: 6,000 unclosed brackets are refused with an ImportError, not a RangeError",
    (format) => {
      expect(failure("[".repeat(6000), format)).toBeInstanceOf(ImportError);
    },
  );
});
