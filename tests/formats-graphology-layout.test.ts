// Issue 14, defect 11 (graphology JSON part): a node's x, y and size are layout, not attributes. A
// null or absent one means the node has none (`"y": null` once became the string "null"); one that is
// not a number stops the import with an ImportError naming the node and the field.
import { describe, expect, it } from "vitest";
import { ImportError, importGraph } from "../src/formats/index.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";

const xml = { xml: nodeXmlParser };

/** A graphology serialization, as another program would write it: two nodes and an edge. */
function serialized(first: Record<string, unknown>): string {
  return JSON.stringify({
    options: { type: "directed", multi: false, allowSelfLoops: true },
    attributes: {},
    nodes: [
      { key: "n1", attributes: { label: "One", ...first } },
      { key: "n2", attributes: { label: "Two", x: 1, y: 2, size: 3 } },
    ],
    edges: [{ key: "e1", source: "n1", target: "n2", attributes: {} }],
  });
}

const read = (first: Record<string, unknown>) =>
  importGraph({ name: "layout.graphology.json", text: serialized(first) }, xml, "graphology-json");

function failure(first: Record<string, unknown>): ImportError {
  try {
    read(first);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected an ImportError");
}

describe("graphology JSON layout", () => {
  it('reads "y": null as no y, not as the text "null"', () => {
    const { graph, warnings } = read({ x: 5, y: null, size: null });
    const node = graph.getNodeAttributes("n1");
    expect(node.x).toBe(5);
    expect(node).not.toHaveProperty("y");
    expect(node).not.toHaveProperty("size");
    expect(node.attributes ?? {}).not.toHaveProperty("y");
    expect(node.attributes ?? {}).not.toHaveProperty("size");
    expect(warnings).toEqual([]);
    expect(graph.getNodeAttributes("n2")).toMatchObject({ x: 1, y: 2, size: 3 });
  });

  it("reads an absent x, y and size as none", () => {
    const node = read({}).graph.getNodeAttributes("n1");
    for (const field of ["x", "y", "size"]) expect(node).not.toHaveProperty(field);
  });

  it.each([
    ["x", "12"],
    ["y", "north"],
    ["size", true],
    ["x", [1, 2]],
    ["y", { value: 1 }],
  ])("refuses a %s of %j, naming the node and the field", (field, value) => {
    const error = failure({ [field]: value });
    expect(error.problems[0]?.element).toBe('node "n1"');
    expect(error.problems[0]?.message).toContain(`"${field}"`);
    expect(error.problems[0]?.message).toMatch(/must be a number/);
  });

  it("refuses a non-numeric layout in one of our own files too, naming the node and the field", () => {
    const [file] = [read({ x: 1, y: 2 })].map(({ graph }) => JSON.parse(JSON.stringify(graph.export())));
    file.nodes[0].attributes.y = "2";
    const error = (() => {
      try {
        importGraph({ name: "own.graphology.json", text: JSON.stringify(file) }, xml, "graphology-json");
      } catch (caught) {
        return caught as ImportError;
      }
      throw new Error("expected an ImportError");
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toContain('node "n1"');
    expect(error.message).toMatch(/\by\b/);
  });

  it("reads a null layout in one of our own files as none", () => {
    const file = JSON.parse(JSON.stringify(read({ x: 1, y: 2 }).graph.export()));
    file.nodes[0].attributes.y = null;
    const { graph } = importGraph(
      { name: "own.graphology.json", text: JSON.stringify(file) },
      xml,
      "graphology-json",
    );
    expect(graph.getNodeAttributes("n1")).not.toHaveProperty("y");
    expect(graph.getNodeAttribute("n1", "x")).toBe(1);
  });
});
