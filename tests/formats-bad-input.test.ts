// Bad input: every failed import throws a typed error naming the file and the line or element, and
// leaves nothing behind. DOCTYPEs (XXE, billion laughs) are refused before any parser sees the text,
// sizes are bounded, ids must be strings or numbers, and nothing imported is ever evaluated.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  checkFileSize,
  FileTooLargeError,
  ImportError,
  importGraph,
  MAX_IMPORT_BYTES,
  startImport,
  UnsafeXmlError,
} from "../src/formats/index.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";
import { saxesXmlParser } from "../src/formats/xml-saxes.ts";
import type { XmlParser } from "../src/formats/xml-stream.ts";

const xml = { xml: nodeXmlParser };
/** A parser that must never be reached: the checks before parsing have to stop the file. */
const untouchable: XmlParser = () => {
  throw new Error("the parser was reached");
};

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

describe("malformed XML", () => {
  it("names the file and the line", () => {
    const text =
      '<?xml version="1.0"?>\n<gexf version="1.3">\n<graph>\n<nodes>\n<node id="a">\n</nodes>\n</graph>\n</gexf>';
    const error = failure(() => importGraph({ name: "broken.gexf", text }, xml));
    expect(error.problems[0]).toMatchObject({ file: "broken.gexf", line: 5 });
    expect(error.message).toMatch(/^broken\.gexf: line 5, column \d+: malformed XML: .*node/);
  });

  it("names a GraphML file's bad element", () => {
    const text =
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<graph>\n<node id="a"/>\n<edge source="a"/>\n</graph>\n</graphml>';
    const error = failure(() => importGraph({ name: "g.graphml", text }, xml));
    expect(error.problems[0]).toMatchObject({ file: "g.graphml", line: 4, element: '<edge source="a">' });
    expect(error.message).toContain("the edge has no target");
  });

  it("says which edge names a node the file does not define", () => {
    const error = failure(() =>
      importGraph(
        { name: "e.gexf", text: gexf('<node id="a"/>', '<edge id="e1" source="a" target="zz"/>') },
        xml,
      ),
    );
    expect(error.problems[0]).toMatchObject({
      file: "e.gexf",
      line: 8,
      element: '<edge id="e1" source="a" target="zz">',
    });
    expect(error.message).toContain('refers to node "zz", which the file does not define');
  });

  it("refuses a node id used twice", () => {
    const error = failure(() =>
      importGraph({ name: "d.gexf", text: gexf('<node id="a"/>\n<node id="a"/>') }, xml),
    );
    expect(error.problems[0]).toMatchObject({ line: 6, element: '<node id="a">' });
  });
});

describe("DOCTYPE, XXE and billion laughs", () => {
  const xxe = `<?xml version="1.0"?>\n<!DOCTYPE gexf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<gexf version="1.3"><graph><nodes><node id="a" label="&xxe;"/></nodes><edges/></graph></gexf>`;
  const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n<graphml><graph><node id="&lol3;"/></graph></graphml>`;

  it.each([
    ["an external entity (XXE)", "xxe.gexf", xxe],
    ["nested entities (billion laughs)", "lolz.graphml", laughs],
    ["a bare DOCTYPE", "bare.graphml", "<!doctype graphml>\n<graphml><graph/></graphml>"],
  ])("refuses %s before parsing, in any runtime", (_name, file, text) => {
    const error = failure(() => importGraph({ name: file, text }, { xml: untouchable }));
    expect(error).toBeInstanceOf(UnsafeXmlError);
    expect(error.problems[0]).toMatchObject({ file, line: text.startsWith("<!") ? 1 : 2 });
    expect(error.message).toContain("DOCTYPE");
  });

  it("does not mistake a DOCTYPE inside a comment for one", () => {
    const text = gexf('<!-- <!DOCTYPE x> --><node id="a"/>');
    expect(importGraph({ name: "c.gexf", text }, xml).graph.order).toBe(1);
  });
});

describe("sizes and ids", () => {
  it("refuses files over 100 MB before reading them", () => {
    expect(() => checkFileSize("huge.gexf", MAX_IMPORT_BYTES + 1)).toThrow(FileTooLargeError);
    expect(() => checkFileSize("huge.gexf", MAX_IMPORT_BYTES + 1)).toThrow(
      "huge.gexf: the file is 100.0 MB; imports are limited to 100 MB",
    );
    expect(() => checkFileSize("ok.gexf", MAX_IMPORT_BYTES)).not.toThrow();
  });

  const long = "x".repeat(10_001);
  it.each([
    ["GEXF", "long.gexf", gexf(`<node id="a" label="${long}"/>`)],
    [
      "GraphML",
      "long.graphml",
      `<graphml><key id="l" for="node" attr.name="label" attr.type="string"/><graph><node id="a"><data key="l">${long}</data></node></graph></graphml>`,
    ],
    [
      "graphology JSON",
      "long.json",
      JSON.stringify({ nodes: [{ key: "a", attributes: { label: long } }], edges: [] }),
    ],
  ])("refuses a %s label over 10,000 characters", (_name, file, text) => {
    const error = failure(() => importGraph({ name: file, text }, xml));
    expect(error.message).toContain("the label is 10001 characters long; labels are limited to 10000");
    expect(error.problems[0]?.file).toBe(file);
  });

  it.each([
    ["an object", { key: { toString: "x" } }, "not object"],
    ["an array", { key: ["a"] }, "not an array"],
    ["null", { key: null }, "not null"],
    ["a boolean", { key: true }, "not boolean"],
  ])("refuses a node id that is %s", (_name, node, what) => {
    const text = JSON.stringify({ nodes: [{ key: "ok" }, node], edges: [] });
    const error = failure(() => importGraph({ name: "ids.json", text }, xml));
    expect(error.problems[0]).toMatchObject({ file: "ids.json", element: "nodes[1]" });
    expect(error.message).toContain(`the key must be a string or a number, ${what}`);
  });

  it("takes numeric ids as strings", () => {
    const text = JSON.stringify({ nodes: [{ key: 1 }, { key: 2 }], edges: [{ source: 1, target: 2 }] });
    expect(importGraph({ name: "n.json", text }, xml).graph.nodes()).toEqual(["1", "2"]);
  });
});

describe("JSON", () => {
  it("names the line and column of a syntax error", () => {
    const error = failure(() =>
      importGraph({ name: "bad.json", text: '{\n  "nodes": [\n    {"key": "a",}\n  ]\n}' }, xml),
    );
    expect(error.problems[0]).toMatchObject({ file: "bad.json", line: 3, column: 17 });
  });

  it("names the entry of a project JSON schema error", () => {
    const text = JSON.stringify({
      modelVersion: 2,
      source: {
        id: "x",
        title: "X",
        publisher: "P",
        date: "2020",
        findings: [{ id: "F1", summary: "S", opening: "The first words" }],
      },
      nodes: [{ id: "actor:a", kind: "actor", label: "A" }],
      claims: [],
    });
    const error = failure(() => importGraph({ name: "p.json", text }, xml));
    expect(error.problems[0]).toMatchObject({ file: "p.json", element: 'node "actor:a" description' });
  });

  it("never evaluates what it imports, and no key reaches a prototype", () => {
    const text = `{"attributes": {"name": "constructor"}, "nodes": [{"key": "a", "attributes": {
      "label": "<img src=x onerror=alert(1)>", "run": "function () { throw 1 }",
      "__proto__": {"polluted": true}}}], "edges": []}`;
    const { graph } = importGraph({ name: "evil.json", text }, xml);
    const attributes = graph.getNodeAttributes("a");
    expect(attributes).toMatchObject({
      label: "<img src=x onerror=alert(1)>",
      attributes: { run: "function () { throw 1 }" },
    });
    expect(Object.getPrototypeOf(attributes.attributes)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((attributes.attributes as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("all or nothing", () => {
  it("returns no graph at all when any part is bad", () => {
    const text = gexf(
      '<node id="a"/>\n<node id="b"/>',
      '<edge source="a" target="b"/>\n<edge source="b" target="nope"/>',
    );
    let outcome: unknown;
    expect(() => {
      outcome = importGraph({ name: "half.gexf", text }, xml);
    }).toThrow(ImportError);
    expect(outcome).toBeUndefined();
  });

  it("refuses a file in no format it knows", () => {
    const error = failure(() => importGraph({ name: "notes.txt", text: "just words" }, xml));
    expect(error.message).toBe(
      "notes.txt: not a format this can import (project JSON, graphology JSON, GEXF or GraphML)",
    );
  });
});

describe("one XmlParser for every runtime (the worker's and the CLI's)", () => {
  it("reads a real file fed in small chunks, as the worker feeds a file's slices", () => {
    const text = readFileSync(
      new URL("./fixtures/external/networkx/karate-club.gexf", import.meta.url),
      "utf8",
    );
    const stream = startImport("karate-club.gexf", { xml: saxesXmlParser });
    for (let at = 0; at < text.length; at += 7) stream.write(text.slice(at, at + 7));
    const { graph } = stream.end();
    expect(graph.order).toBe(34);
    expect(graph.export()).toEqual(importGraph({ name: "karate-club.gexf", text }, xml).graph.export());
  });

  it("names the element an end tag leaves open, where it starts, and the end tag's place", () => {
    const text = "<gexf>\n  <node>\n</graph>";
    const error = failure(() => importGraph({ name: "b.gexf", text }, xml));
    expect(error.problems[0]).toMatchObject({ file: "b.gexf", line: 2, column: 3 });
    expect(error.message).toContain("<node> is not closed before the end tag on line 3, column 8");
  });
});
