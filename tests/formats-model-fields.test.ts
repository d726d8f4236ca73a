// Model 2's fields in every format: one list of the model's fields, derived from the zod schemas, that
// every writer and reader uses; the awkward graph carrying each of them, so the round trips cover them;
// foreign files whose attributes have these names, checked by the imported schema; and bad values
// refused with the file, the element (and line), the field and what was expected.
import { describe, expect, it } from "vitest";
import { exportGraph, ImportError, importGraph } from "../src/formats/index.ts";
import {
  CLAIM_FIELDS,
  claimFieldValues,
  FINDING_FIELDS,
  NODE_FIELDS,
  nodeFieldValues,
} from "../src/formats/model-fields.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";
import { loadSourceText } from "../src/graph/load.ts";
import { Claim, Finding, GraphNode, ImportedClaim, ImportedNode } from "../src/model/schema.ts";
import { awkwardGraph, TYPESET } from "./awkward-graph.ts";

const xml = { xml: nodeXmlParser };
const names = (fields: readonly { name: string }[]) => fields.map((field) => field.name);

function failure(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected an ImportError");
}

describe("the one list of the model's fields", () => {
  it("has every field of the claim and node schemas, curated and imported, with its kind", () => {
    for (const shape of [Claim.shape, ImportedClaim.shape]) {
      for (const key of Object.keys(shape)) {
        if (!["id", "source", "target", "attributes"].includes(key))
          expect(names(CLAIM_FIELDS)).toContain(key);
      }
    }
    for (const shape of [GraphNode.shape, ImportedNode.shape]) {
      for (const key of Object.keys(shape)) {
        if (!["id", "x", "y", "size", "attributes"].includes(key)) expect(names(NODE_FIELDS)).toContain(key);
      }
    }
    expect(FINDING_FIELDS).toEqual(Object.keys(Finding.shape));
    const kinds = Object.fromEntries([...CLAIM_FIELDS, ...NODE_FIELDS].map((f) => [f.name, f.kind]));
    expect(kinds).toMatchObject({
      heldBy: "list",
      disputedBy: "list",
      findings: "list",
      attribution: "text",
      modality: "text",
      evidence: "text",
      proposition: "flag",
      aliases: "list",
      sourceId: "text",
    });
  });

  it("is covered by the awkward graph: every field holds a value somewhere, so the round trips test it", () => {
    const graph = awkwardGraph();
    const claimFields = new Set(
      graph.mapEdges((_id, a) => names(claimFieldValues(a).map(([f]) => f))).flat(),
    );
    const nodeFields = new Set(graph.mapNodes((_id, a) => names(nodeFieldValues(a).map(([f]) => f))).flat());
    expect([...claimFields].sort()).toEqual(names(CLAIM_FIELDS).sort());
    expect([...nodeFields].sort()).toEqual(names(NODE_FIELDS).sort());
    const findingFields = new Set(
      graph.getAttribute("sources").flatMap((source) => source.findings.flatMap((f) => Object.keys(f))),
    );
    expect([...findingFields].sort()).toEqual([...FINDING_FIELDS].sort());
    // The cases model 2 added, each in the graph.
    const claims = graph.mapEdges((_id, a) => a);
    expect(claims.some((a) => a.attribution === "document" && a.heldBy.length === 0 && a.disputedBy)).toBe(
      true,
    );
    expect(claims.some((a) => a.attribution === "inferred")).toBe(true);
    expect(claims.some((a) => a.modality === "hedged")).toBe(true);
    expect(claims.some((a) => a.modality === "question")).toBe(true);
    expect(claims.some((a) => a.evidence === TYPESET)).toBe(true);
    expect(claims.some((a) => a.attribution === undefined)).toBe(true); // an imported edge that says nothing
  });
});

describe("project JSON for model 2", () => {
  const files = exportGraph(awkwardGraph(), "project-json");
  const curated = JSON.parse(files[0]?.text ?? "");
  const imported = JSON.parse(files[2]?.text ?? "");

  it('writes "modelVersion": 2 on curated files, which the curated loader accepts', () => {
    expect(curated.modelVersion).toBe(2);
    const loaded = loadSourceText(files[0]?.name ?? "", files[0]?.text ?? "");
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    expect(imported).not.toHaveProperty("modelVersion");
  });

  it("writes a document claim's empty holders and disputedBy, and leaves the schema's defaults out", () => {
    const aimed = curated.claims.find((c: { id: string }) => c.id === "a-aimed-at");
    expect(aimed).toMatchObject({
      heldBy: [],
      attribution: "document",
      disputedBy: ["actor:us", "actor:china"],
      evidence: "participants differed — sharply — on “aims”",
    });
    // "asserted" and "stated" are what a curated file means by saying nothing, as graph-data writes it.
    expect(aimed).not.toHaveProperty("modality");
    const opposes = curated.claims.find((c: { id: string }) => c.id === "a-opposes");
    expect(opposes).not.toHaveProperty("attribution");
    expect(opposes.evidence).toBe(TYPESET);
    expect(curated.source.findings[0].opening).toContain("“We’re firmly opposed”");
    expect(
      curated.nodes.find((n: { id: string }) => n.id === "issue:defence-targets-china").proposition,
    ).toBe(true);
  });

  it("writes an imported edge's stated attribution, which has no default there, and invents none", () => {
    expect(imported.claims.find((c: { id: string }) => c.id === "e2")).toMatchObject({
      attribution: "stated",
      modality: "asserted",
    });
    expect(imported.claims.find((c: { id: string }) => c.id === "e0")).not.toHaveProperty("attribution");
  });

  it("refuses a first-model file as a whole, saying what to add", () => {
    const old = { ...curated };
    delete old.modelVersion;
    const error = failure(() => importGraph({ name: "old.json", text: JSON.stringify(old) }, xml));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file: "old.json", element: "modelVersion" });
    expect(error.message).toContain('model 2 needs "modelVersion": 2 at the top');
  });
});

describe("the Cypher script", () => {
  const [file] = exportGraph(awkwardGraph(), "cypher");
  const text = file?.text ?? "";

  it("sets model 2's claim properties, node proposition and finding openings", () => {
    const line = (id: string) => text.split("\n").find((l) => l.includes(`{id: '${id}'`)) ?? "";
    const aimed = line("a-aimed-at");
    expect(aimed).toContain("attribution: 'document', modality: 'asserted'");
    expect(aimed).toContain("disputedBy: ['actor:us', 'actor:china']");
    expect(aimed).toContain("evidence: 'participants differed — sharply — on “aims”'");
    expect(aimed).not.toContain("heldBy"); // no holders: the property is absent, as for any empty list
    expect(line("a-links")).toContain("modality: 'question'");
    expect(line("e0")).not.toContain("attribution");
    expect(line("issue:defence-targets-china")).toContain("proposition: true");
    expect(line("actor:us")).not.toContain("proposition");
    expect(text).toContain("opening: 'B’s only – finding'");
    expect(text).toContain("SET f += row.props");
  });
});

/** A GEXF file written by another tool, with edge and node attributes named like model 2's fields. */
function foreignGexf(edgeValues: Record<string, string>, nodeValues: Record<string, string> = {}): string {
  const declared = [
    ["attribution", "string"],
    ["modality", "string"],
    ["disputedBy", "liststring"],
    ["evidence", "string"],
    ["weight", "double"],
  ];
  const attvalues = (values: Record<string, string>, ids: string[][]) =>
    Object.entries(values)
      .map(([name, value]) => `<attvalue for="${ids.findIndex(([n]) => n === name)}" value="${value}"/>`)
      .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta><creator>Gephi 0.10</creator></meta>
  <graph defaultedgetype="directed">
    <attributes class="node">
      <attribute id="0" title="proposition" type="boolean"/>
    </attributes>
    <attributes class="edge">
${declared.map(([name, type], i) => `      <attribute id="${i}" title="${name}" type="${type}"/>`).join("\n")}
    </attributes>
    <nodes>
      <node id="us" label="United States"/>
      <node id="cn" label="China"/>
      <node id="claim" label="NMD is aimed at China"><attvalues>${attvalues(nodeValues, [["proposition"]])}</attvalues></node>
    </nodes>
    <edges>
      <edge id="e1" source="claim" target="us"><attvalues>${attvalues(edgeValues, declared)}</attvalues></edge>
    </edges>
  </graph>
</gexf>
`;
}
const actors = { mapping: { defaultKind: "actor" as const } };

describe("a foreign file with model 2's attributes", () => {
  it("reads them into the claim and the node, checked, and not as foreign attributes", () => {
    const text = foreignGexf(
      {
        attribution: "document",
        modality: "hedged",
        disputedBy: "[&quot;us&quot;, &quot;cn&quot;]",
        evidence: "could be “aimed” – at China",
        weight: "2.5",
      },
      { proposition: "true" },
    );
    const { graph, files } = importGraph({ name: "gephi.gexf", text }, { ...xml, ...actors });
    expect(graph.getEdgeAttributes("e1")).toMatchObject({
      attribution: "document",
      modality: "hedged",
      disputedBy: ["us", "cn"],
      evidence: "could be “aimed” – at China",
      attributes: { weight: 2.5 },
    });
    expect(graph.getEdgeAttributes("e1").attributes).not.toHaveProperty("attribution");
    expect(graph.getNodeAttributes("claim").proposition).toBe(true);
    expect(files[0]?.claims[0]).toMatchObject({ attribution: "document", disputedBy: ["us", "cn"] });
  });

  it.each([
    [
      "attribution",
      { attribution: "maybe" },
      'attribute "attribution" ("maybe")',
      'expected one of "stated"|"inferred"|"document"',
    ],
    [
      "modality",
      { modality: "sure" },
      'attribute "modality" ("sure")',
      'expected one of "asserted"|"hedged"|"question"',
    ],
    [
      "disputedBy",
      { disputedBy: "[&quot;us&quot;]" },
      'attribute "disputedBy" (["us"])',
      "disputedBy names two or more actors",
    ],
  ])(
    "refuses a bad %s, naming the file, the line, the edge, the field and what was expected",
    (_f, values, field, expected) => {
      const text = foreignGexf(values);
      const error = failure(() => importGraph({ name: "gephi.gexf", text }, { ...xml, ...actors }));
      expect(error.problems[0]).toMatchObject({
        file: "gephi.gexf",
        line: text.split("\n").findIndex((line) => line.includes("<edge ")) + 1,
        element: '<edge id="e1" source="claim" target="us">',
      });
      expect(error.message).toContain(field);
      expect(error.message).toContain(expected);
    },
  );

  it("refuses a GraphML proposition that is not true or false", () => {
    const text = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="p" for="node" attr.name="proposition" attr.type="string"/>
<graph edgedefault="directed">
<node id="a"><data key="p">perhaps</data></node>
</graph>
</graphml>`;
    const error = failure(() => importGraph({ name: "yed.graphml", text }, xml));
    expect(error.problems[0]).toMatchObject({ file: "yed.graphml", line: 4, element: '<node id="a">' });
    expect(error.message).toContain('attribute "proposition" ("perhaps")');
    expect(error.message).toContain("expected boolean");
  });

  it("refuses a graphology JSON edge whose evidence is not text", () => {
    const text = JSON.stringify({
      nodes: [{ key: "a" }, { key: "b" }],
      edges: [{ key: "e", source: "a", target: "b", attributes: { evidence: 42 } }],
    });
    const error = failure(() => importGraph({ name: "sigma.json", text }, xml));
    expect(error.problems[0]).toMatchObject({ file: "sigma.json", element: "edges[0]" });
    expect(error.message).toContain('attribute "evidence" (42)');
    expect(error.message).toContain("expected string");
  });
});

describe("our own files with a bad model 2 value", () => {
  it("refuses an imported project JSON claim's attribution, naming the claim and the field", () => {
    const imported = JSON.parse(exportGraph(awkwardGraph(), "project-json")[2]?.text ?? "");
    imported.claims[2].attribution = "maybe";
    const error = failure(() => importGraph({ name: "mine.json", text: JSON.stringify(imported) }, xml));
    expect(error.problems[0]).toMatchObject({ file: "mine.json", element: 'claim "e2" attribution' });
    expect(error.message).toContain('expected one of "stated"|"inferred"|"document"');
  });

  it("refuses an edited GEXF attvalue, naming the claim and the field", () => {
    const [file] = exportGraph(awkwardGraph(), "gexf");
    const text = (file?.text ?? "").replace(
      '<attvalue for="modality" value="question"/>',
      '<attvalue for="modality" value="rhetorical"/>',
    );
    expect(text).not.toBe(file?.text);
    const error = failure(() => importGraph({ name: "edited.gexf", text }, xml));
    expect(error.problems[0]).toMatchObject({ file: "edited.gexf", element: 'claim "a-links" modality' });
    expect(error.message).toContain('expected one of "asserted"|"hedged"|"question"');
  });

  it("refuses a graphology JSON claim whose disputedBy is not a list, naming the claim and the field", () => {
    const serialized = awkwardGraph().export();
    const edge = serialized.edges.find((e) => e.key === "a-aimed-at");
    Object.assign(edge?.attributes ?? {}, { disputedBy: "actor:us" });
    const error = failure(() => importGraph({ name: "g.json", text: JSON.stringify(serialized) }, xml));
    expect(error.problems[0]).toMatchObject({ file: "g.json", element: 'claim "a-aimed-at" disputedBy' });
    expect(error.message).toContain("expected array");
  });

  it("refuses a GraphML proposition that is not a boolean, naming the node and the field", () => {
    const [file] = exportGraph(awkwardGraph(), "graphml");
    const text = (file?.text ?? "").replace(
      '<data key="proposition">true</data>',
      '<data key="proposition">yes</data>',
    );
    expect(text).not.toBe(file?.text);
    const error = failure(() => importGraph({ name: "edited.graphml", text }, xml));
    expect(error.problems[0]).toMatchObject({
      file: "edited.graphml",
      element: 'node "issue:defence-targets-china" proposition',
    });
    expect(error.message).toContain("expected boolean");
  });
});
