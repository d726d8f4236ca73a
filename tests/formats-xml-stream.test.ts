// The streaming XML reader under GEXF and GraphML (src/formats/xml-stream.ts over saxes): the same
// graph whatever the chunks, the same graph as other tools' readers on every real file, DOCTYPEs
// refused before any parser sees the text, deep nesting and characters XML 1.0 forbids refused with
// the line, and writers whose output every parser reads back unchanged (issue 14: #2, #3, #6, #7).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DOMParser } from "@xmldom/xmldom";
import fc from "fast-check";
import { MultiDirectedGraph, MultiGraph } from "graphology";
import { parse as gexfParse } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import {
  exportGraph,
  FileTooLargeError,
  ImportError,
  importGraph,
  MAX_IMPORT_BYTES,
  startImport,
  UnsafeXmlError,
} from "../src/formats/index.ts";
import { MAX_XML_DEPTH } from "../src/formats/limits.ts";
import type { XmlParser } from "../src/formats/xml-stream.ts";
import { buildGraph } from "../src/graph/build.ts";
import type { LinkageGraph } from "../src/graph/types.ts";
import { ImportedSourceFile } from "../src/model/schema.ts";

const fixtures = fileURLToPath(new URL("./fixtures/external/", import.meta.url));
const xmlFixtures = readdirSync(fixtures)
  .flatMap((dir) =>
    statSync(join(fixtures, dir)).isDirectory()
      ? readdirSync(join(fixtures, dir)).map((name) => `${dir}/${name}`)
      : [],
  )
  .filter((path) => /\.(gexf|graphml)$/.test(path));
const fixtureText = (path: string) => readFileSync(join(fixtures, path), "utf8");
const nameOf = (path: string) => path.split("/").pop() as string;

/** Imports text fed in the chunks given by `cuts` (offsets into the text). */
function importInChunks(name: string, text: string, cuts: readonly number[]) {
  const stream = startImport(name, {});
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    stream.write(text.slice(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  stream.write(text.slice(at));
  return stream.end();
}

function failure(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected an ImportError");
}

const gexf = (nodes: string, edges = "") =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n<graph>\n<nodes>\n${nodes}\n</nodes>\n<edges>\n${edges}\n</edges>\n</graph>\n</gexf>\n`;
const graphml = (body: string) =>
  `<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<key id="l" for="node" attr.name="label" attr.type="string"/>\n<graph>\n${body}\n</graph>\n</graphml>\n`;

describe("chunks", () => {
  it.each(xmlFixtures)(
    "%s: the same graph whole, in 1,000-character chunks and in 3-character ones",
    (path) => {
      const text = fixtureText(path);
      const whole = importGraph({ name: nameOf(path), text }, {}).graph.export();
      const every = (step: number) =>
        Array.from({ length: Math.ceil(text.length / step) }, (_, i) => i * step);
      expect(importInChunks(nameOf(path), text, every(1000)).graph.export()).toEqual(whole);
      if (text.length < 200_000)
        expect(importInChunks(nameOf(path), text, every(3)).graph.export()).toEqual(whole);
    },
  );

  it("splits anywhere: inside a surrogate pair, a character reference, a CRLF, a CDATA section", () => {
    const text = graphml(
      '<node id="a"><data key="l">A 🚀 &#x1F680; &amp; line\r\nnext <![CDATA[<b>]]> &#x2028;</data></node>',
    );
    const expected = importGraph({ name: "g.graphml", text }, {}).graph.getNodeAttribute("a", "label");
    expect(expected).toBe("A 🚀 🚀 & line\nnext <b> \u2028");
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: text.length }), { maxLength: 12 }), (cuts) => {
        const graph = importInChunks("g.graphml", text, cuts).graph;
        expect(graph.getNodeAttribute("a", "label")).toBe(expected);
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});

/** `rgb(1, 2, 3)` or `rgba(1, 2, 3, 0.6)` as `#010203` or `#01020399`, written here, apart from the reader's. */
function hexOfCss(css: string): string {
  const [r, g, b, a] = (css.match(/[\d.]+/g) ?? []).map(Number);
  const hex = (n: number) => Math.round(n).toString(16).padStart(2, "0");
  return `#${hex(r ?? 0)}${hex(g ?? 0)}${hex(b ?? 0)}${a === undefined || a === 1 ? "" : hex(a * 255)}`;
}

describe("the same graph as other tools' readers", () => {
  const gexfFixtures = xmlFixtures.filter((path) => path.endsWith(".gexf"));

  it.each(gexfFixtures)(
    "%s: nodes, edges, labels, layout and values as graphology-gexf reads them",
    (path) => {
      const text = fixtureText(path);
      const theirs = gexfParse(MultiGraph, text);
      const ours = importGraph({ name: nameOf(path), text }, {}).graph;
      expect(ours.nodes()).toEqual(theirs.nodes());
      expect(ours.mapEdges((_id, _a, s, t) => [s, t])).toEqual(theirs.mapEdges((_id, _a, s, t) => [s, t]));
      ours.forEachNode((id, mine) => {
        const their = theirs.getNodeAttributes(id);
        expect(mine.label).toBe(their.label ?? id);
        if (their.x !== undefined && their.y !== undefined)
          expect([mine.x, mine.y]).toEqual([their.x, their.y]);
        if (their.size !== undefined) expect(mine.size).toBe(their.size);
        // graphology-gexf writes colours as CSS rgb()/rgba(); ours are #rrggbb(aa) of the same channels.
        expect(mine.color).toBe(their.color === undefined ? undefined : hexOfCss(String(their.color)));
        for (const [name, value] of Object.entries(mine.attributes ?? {})) {
          if (name !== "viz:z" && name !== "viz:shape" && name !== "pid") expect(value).toEqual(their[name]);
        }
      });
      expect(ours.mapEdges((_id, a) => a.weight)).toEqual(theirs.mapEdges((_id, a) => a.weight));
    },
  );

  it("les-miserables.graphml: nodes, edges and weights as networkx reads them", () => {
    const path = join(fixtures, "networkx/les-miserables.graphml");
    const script =
      "import json, sys, networkx as nx\ng = nx.read_graphml(sys.argv[1])\nprint(json.dumps({'nodes': list(g.nodes), 'edges': [[s, t, d.get('weight')] for s, t, d in g.edges(data=True)]}))";
    const run = spawnSync("/usr/bin/python3", ["-c", script, path], { encoding: "utf8" });
    expect(run.status).toBe(0);
    const theirs = JSON.parse(run.stdout) as { nodes: string[]; edges: [string, string, number][] };
    const ours = importGraph({ name: "les-miserables.graphml", text: readFileSync(path, "utf8") }, {}).graph;
    expect(ours.nodes()).toEqual(theirs.nodes);
    // networkx lists an undirected graph's edges by node; compare them as sets.
    const key = ([s, t, w]: [string, string, unknown]) => `${[s, t].sort().join("|")}|${w}`;
    const mine = ours.mapEdges((_id, a, s, t) => key([s, t, a.weight]));
    expect(mine.sort()).toEqual(theirs.edges.map(key).sort());
  });
});

describe("hierarchies and depth", () => {
  /** A GEXF whose nodes nest `depth` deep, each in the one before, one element a line. */
  const nested = (depth: number) => {
    const lines: string[] = [];
    for (let i = 0; i < depth; i++) lines.push(`<node id="n${i}" label="level ${i}">`, "<nodes>");
    lines.push('<node id="leaf"/>');
    for (let i = depth - 1; i >= 0; i--)
      lines.push("</nodes>", `<edges><edge source="n${i}" target="leaf"/></edges>`, "</node>");
    return gexf(lines.join("\n"));
  };

  it("reads nested nodes (a GEXF hierarchy) parent first, with the edges inside them", () => {
    const { graph } = importGraph({ name: "h.gexf", text: nested(100) }, {});
    expect(graph.order).toBe(101);
    expect(graph.nodes().slice(0, 3)).toEqual(["n0", "n1", "n2"]);
    expect(graph.nodes().at(-1)).toBe("leaf");
    expect(graph.size).toBe(100);
    expect(graph.source(graph.edges()[0] as string)).toBe("n99");
  });

  it("refuses nodes nested 10,000 deep with the line and the element, not a RangeError", () => {
    const text = nested(10_000);
    const error = failure(() => importGraph({ name: "deep.gexf", text }, {}));
    // <gexf> (line 2), <graph>, <nodes>, then <node> and <nodes> by turns, one a line: the element
    // at depth d is on line d + 1, a <node> when d is even.
    const over = MAX_XML_DEPTH + 1;
    const element = over % 2 === 0 ? "<node>" : "<nodes>";
    expect(error.problems[0]).toMatchObject({ file: "deep.gexf", line: over + 1, element });
    expect(error.message).toContain(`elements are nested more than ${MAX_XML_DEPTH} deep`);
  });

  it("refuses deep nesting in GraphML too, wherever it is (inside a skipped element)", () => {
    const deep = `${"<x>".repeat(5000)}${"</x>".repeat(5000)}`;
    const error = failure(() =>
      importGraph({ name: "deep.graphml", text: graphml(`<desc>${deep}</desc>`) }, {}),
    );
    expect(error.problems[0]).toMatchObject({ file: "deep.graphml", line: 5, element: "<x>" });
  });
});

describe("characters XML 1.0 forbids", () => {
  it.each([
    ["an escape character reference", "&#x1b;", 5],
    ["a NUL reference", "&#0;", 5],
    ["a reference past U+10FFFF", "&#x110000;", 5],
    ["a reference to a lone surrogate", "&#xD800;", 5],
    ["a reference to U+FFFE", "&#xFFFE;", 5],
    ["a raw escape character", "\u001b", 5],
    ["a raw U+FFFF", "\uffff", 5],
    ["a raw lone surrogate", "\ud800", 5],
    ["a raw lone low surrogate", "x\udc00y", 5],
  ])("refuses %s in an attribute value, naming the line", (_name, bad, line) => {
    const error = failure(() =>
      importGraph({ name: "c.gexf", text: gexf(`<node id="a" label="x${bad}"/>`) }, {}),
    );
    expect(error.problems[0]).toMatchObject({ file: "c.gexf", line });
    expect(error.message).toMatch(/malformed XML: .*(character|reference)/);
  });

  it.each([
    ["&#x1b;", "a character reference is malformed or names a character XML 1.0 does not allow"],
    ["\u0007", "U+0007 is a character XML 1.0 does not allow"],
    ["\ud83d", "U+D83D is a character XML 1.0 does not allow"],
  ])("refuses %j in text content, naming the line", (bad, message) => {
    const text = graphml(`<node id="a">\n<data key="l">ok ${bad}</data>\n</node>`);
    const error = failure(() => importGraph({ name: "c.graphml", text }, {}));
    expect(error.problems[0]).toMatchObject({ file: "c.graphml", line: 6 });
    expect(error.message).toContain(message);
  });

  it("keeps what XML 1.0 allows: tab, line ends, C1 controls, U+2028, astral characters", () => {
    const label = "tab\tnel\u0085ls\u2028ps\u2029del\u007f🇨🇳";
    const text = graphml(`<node id="a"><data key="l">${label}</data></node>`);
    expect(importGraph({ name: "ok.graphml", text }, {}).graph.getNodeAttribute("a", "label")).toBe(label);
  });
});

describe("after an error", () => {
  it("the import is over: every later write and the end throw the same ImportError", () => {
    const stream = startImport("m.gexf", {}, "gexf");
    const first = failure(() => stream.write("<gexf><graph></nodes>"));
    expect(first.message).toContain("malformed XML");
    expect(failure(() => stream.write("</graph></gexf>"))).toBe(first);
    expect(failure(() => stream.end())).toBe(first);
  });
});

describe("DOCTYPE, in any chunks", () => {
  const untouchable: XmlParser = () => {
    throw new Error("the parser was reached");
  };
  const doctype =
    '<?xml version="1.0"?>\n<!-- a comment <!DOCTYPE in it> -->\n<!DOCTYPE gexf [<!ENTITY x "y">]>\n<gexf/>';

  it("is refused before any parser is made, however the prolog is cut", () => {
    for (let cut = 1; cut < doctype.length; cut++) {
      const stream = startImport("d.gexf", { xml: untouchable }, "gexf");
      const error = failure(() => {
        stream.write(doctype.slice(0, cut));
        stream.write(doctype.slice(cut));
        stream.end();
      });
      expect(error).toBeInstanceOf(UnsafeXmlError);
      expect(error.problems[0]).toMatchObject({ file: "d.gexf", line: 3 });
    }
  });

  it("is refused after the root too, and an entity it would define is never expanded", () => {
    const late = failure(() =>
      importGraph({ name: "l.gexf", text: `${gexf('<node id="a"/>')}<!DOCTYPE x>` }, {}),
    );
    expect(late.message).toMatch(/DOCTYPE|doctype/);
    const undefinedEntity = failure(() =>
      importGraph({ name: "e.gexf", text: gexf('<node id="&xxe;"/>') }, {}),
    );
    expect(undefinedEntity.message).toContain("undefined entity");
  });
});

describe("size", () => {
  it("counts the text as it streams and stops at the chunk that goes past the import limit", () => {
    const stream = startImport("big.graphml", {}, "graphml");
    stream.write('<graphml><graph><node id="a"/>');
    const error = failure(() => stream.write(" ".repeat(MAX_IMPORT_BYTES)));
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect(error.message).toContain("big.graphml: the file is 100.0 MB; imports are limited to 100 MB");
    // After a failure the import is over: the same error again, nothing read.
    expect(() => stream.end()).toThrow(FileTooLargeError);
  });
});

describe("writers whose files every parser reads back unchanged", () => {
  const SEPARATORS = "NEL\u0085 LS\u2028 PS\u2029 CR\r LF\n TAB\t CRLF\r\n";

  function graphWith(label: string, value: string): LinkageGraph {
    const file = ImportedSourceFile.parse({
      source: { id: "s", provenance: "imported", title: "S", findings: [] },
      nodes: [
        { id: `a${label}`, kind: "issue", label, attributes: { note: value } },
        { id: "b", kind: "actor", label: "B" },
      ],
      claims: [
        { id: "c", source: `a${label}`, target: "b", relation: "links-to", attributes: { note: value } },
      ],
    });
    return buildGraph([{ data: file }]);
  }

  it.each(["gexf", "graphml"] as const)(
    "%s escapes NEL, LS, PS, CR and tabs so xmldom reads them too",
    (format) => {
      const [file] = exportGraph(graphWith(SEPARATORS, SEPARATORS), format);
      const text = file?.text ?? "";
      for (const reference of ["&#x85;", "&#x2028;", "&#x2029;", "&#13;"]) expect(text).toContain(reference);
      expect(text).not.toMatch(/[\u0085\u2028\u2029\r]/);
      // xmldom reads NEL, LS and PS as line ends when they are raw: the references keep them.
      const document = new DOMParser().parseFromString(text, "application/xml");
      const node = document.getElementsByTagName("node")[0];
      const label =
        format === "gexf" ? node?.getAttribute("label") : node?.getElementsByTagName("data")[1]?.textContent;
      expect(label).toBe(SEPARATORS);
    },
  );

  it("graphology-gexf, another reader, gets the same labels back from our GEXF", () => {
    const graph = graphWith(SEPARATORS, "v");
    const [file] = exportGraph(graph, "gexf");
    const theirs = gexfParse(MultiDirectedGraph, file?.text ?? "");
    expect(theirs.getNodeAttribute(`a${SEPARATORS}`, "label")).toBe(SEPARATORS);
  });

  const xmlText = fc
    .string({ unit: "grapheme", maxLength: 40 })
    // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping the characters XML cannot hold
    .map((text) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ""))
    .chain((text) =>
      fc.constantFrom(text, `${text}\u2028`, `\u0085${text}\r\n`, `\t${text}\u2029`, `${text}\r`),
    );

  it.each(["gexf", "graphml"] as const)(
    "%s: random XML-safe labels and values round-trip identically",
    (format) => {
      fc.assert(
        fc.property(
          xmlText.filter((label) => label.length > 0),
          xmlText,
          (label, value) => {
            const graph = graphWith(label, value);
            const [file] = exportGraph(graph, format);
            const back = importGraph({ name: `r.${format}`, text: file?.text ?? "" }, {});
            expect(back.graph.export()).toEqual(graph.export());
          },
        ),
        { seed: 7, numRuns: 150 },
      );
    },
  );
});

describe("mutated files", () => {
  const seeds = ["gephi-datasets/data.gexf", "gephi-datasets/viz.gexf", "networkx/typed-digraph.graphml"].map(
    (path) => ({ name: nameOf(path), text: fixtureText(path) }),
  );
  const mutation = fc.record({
    file: fc.integer({ min: 0, max: seeds.length - 1 }),
    at: fc.nat(),
    cut: fc.nat({ max: 20 }),
    insert: fc.constantFrom(
      "<",
      ">",
      "&",
      "&#0;",
      "&#x1b;",
      "\ud800",
      "<!DOCTYPE x>",
      "<node>",
      "</nodes>",
      '"',
      "]]>",
      "<![CDATA[",
      "\u0000",
      "",
    ),
  });

  it("either read or refused with the project's own error, never a raw one, and no prototype touched", () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(mutation, ({ file, at, cut, insert }) => {
        const seed = seeds[file] as (typeof seeds)[number];
        const where = at % (seed.text.length + 1);
        const text = seed.text.slice(0, where) + insert + seed.text.slice(where + cut);
        try {
          importGraph({ name: seed.name, text }, {});
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          expect(error.problems[0]?.file).toBe(seed.name);
        }
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
      }),
      { seed: 14, numRuns: 400 },
    );
  });
});
