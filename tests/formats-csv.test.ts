// CSV for spreadsheets and neo4j-admin: RFC 4180 quoting, a UTF-8 byte-order mark, the documented
// list joining (" | " with backslash escapes), no cell that a spreadsheet would run as a formula,
// and neo4j-admin's header format with an array delimiter no item contains.
import { describe, expect, it } from "vitest";
import { joinList, splitList } from "../src/formats/csv-text.ts";
import { exportGraph } from "../src/formats/index.ts";
import { awkwardGraph, MULTILINE, NASTY, TYPESET } from "./awkward-graph.ts";

/** An RFC 4180 reader, written here so the test does not trust the writer's own helpers. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

const table = (text: string) => {
  const [header, ...rows] = parseCsv(text.replace(/^\ufeff/, ""));
  return rows.map((row) => Object.fromEntries((header ?? []).map((name, i) => [name, row[i]])));
};

describe("CSV export", () => {
  const files = exportGraph(awkwardGraph(), "csv");
  const byName = Object.fromEntries(files.map((f) => [f.name, f.text]));

  it("writes nodes.csv, claims.csv and findings.csv, each UTF-8 with a BOM and CRLF rows", () => {
    expect(files.map((f) => f.name)).toEqual(["nodes.csv", "claims.csv", "findings.csv"]);
    for (const file of files) {
      expect(file.text.startsWith("\ufeff")).toBe(true);
      expect(file.text.endsWith("\r\n")).toBe(true);
    }
  });

  it("quotes fields with commas, quotes and line breaks so they read back unchanged", () => {
    const nodes = table(byName["nodes.csv"] ?? "");
    const china = nodes.find((n) => n.id === "actor:china");
    expect(china?.description).toBe(`Description with ${NASTY}\nand a second line.`);
    expect(splitList(china?.aliases ?? "")).toEqual([
      "PRC",
      `alias with | pipe and ; semicolon and "quote"`,
      "الصين والولايات المتحدة — שלום",
      "Beijing",
    ]);
    const zero = nodes.find((n) => n.id === "0");
    expect(zero?.description).toBe(MULTILINE);
    const claims = table(byName["claims.csv"] ?? "");
    expect(claims.find((c) => c.id === "a-supports")).toMatchObject({ heldBy: "actor:us | actor:china" });
    expect(claims.find((c) => c.id === "a-opposes")).toMatchObject({
      "attr:year": "2000",
      "attr:names": "x | y",
    });
  });

  it("writes model 2's fields: claims' attribution, modality, disputedBy and evidence, nodes' proposition, findings' opening", () => {
    const claims = table(byName["claims.csv"] ?? "");
    expect(claims.find((c) => c.id === "a-aimed-at")).toMatchObject({
      heldBy: "",
      attribution: "document",
      modality: "asserted",
      disputedBy: "actor:us | actor:china",
      evidence: "participants differed — sharply — on “aims”",
    });
    expect(claims.find((c) => c.id === "a-links")).toMatchObject({
      attribution: "document",
      modality: "question",
    });
    expect(claims.find((c) => c.id === "a-opposes")?.evidence).toBe(TYPESET);
    // An imported edge whose file said nothing leaves the cells empty rather than inventing "stated".
    expect(claims.find((c) => c.id === "e0")).toMatchObject({ attribution: "", modality: "", evidence: "" });
    const nodes = table(byName["nodes.csv"] ?? "");
    expect(nodes.find((n) => n.id === "issue:defence-targets-china")?.proposition).toBe("true");
    expect(nodes.find((n) => n.id === "actor:us")?.proposition).toBe("");
    const findings = table(byName["findings.csv"] ?? "");
    expect(findings.find((f) => f.ref === "awkward-b#F1")).toMatchObject({
      summary: "B's only finding.",
      opening: "B’s only – finding",
    });
  });

  it("never starts a text cell with a formula, but leaves signed numbers alone", () => {
    const nodes = table(byName["nodes.csv"] ?? "");
    const formula = nodes.find((n) => n.id === "-1");
    expect(formula?.label).toBe("'=SUM(A1:A2)");
  });

  it("joins lists with ' | ' and escapes pipes and backslashes", () => {
    const items = ["a", "b|c", "d\\e", " spaced "];
    expect(joinList(items)).toBe("a | b\\|c | d\\\\e |  spaced ");
    expect(splitList(joinList(items))).toEqual(items);
    expect(splitList("")).toEqual([]);
  });
});

describe("neo4j-admin import CSV", () => {
  const files = exportGraph(awkwardGraph(), "neo4j-admin");
  const byName = Object.fromEntries(files.map((f) => [f.name, f.text]));

  it("uses neo4j-admin's header format", () => {
    expect(files.map((f) => f.name)).toEqual([
      "nodes.csv",
      "relationships.csv",
      "import.sh",
      "restore-guarded.cypher",
    ]);
    for (const name of ["nodes.csv", "relationships.csv"])
      expect(byName[name]?.startsWith("\ufeff")).toBe(true);
    const [nodeHeader] = parseCsv((byName["nodes.csv"] ?? "").replace(/^\ufeff/, ""));
    expect(nodeHeader?.slice(0, 14)).toEqual([
      "id:ID",
      ":LABEL",
      "kind",
      "label",
      "description",
      "aliases:string[]",
      "about:string[]",
      "proposition:boolean",
      "color",
      "shape",
      "sources:string[]",
      "x:double",
      "y:double",
      "size:double",
    ]);
    expect(nodeHeader).toContain("weight:double");
    expect(nodeHeader).toContain("tags:string[]");
    const [relationshipHeader] = parseCsv((byName["relationships.csv"] ?? "").replace(/^\ufeff/, ""));
    expect(relationshipHeader?.slice(0, 18)).toEqual([
      ":START_ID",
      ":END_ID",
      ":TYPE",
      "id",
      "relation",
      "heldBy:string[]",
      "attribution",
      "modality",
      "disputedBy:string[]",
      "evidence",
      "findings:string[]",
      "qualifier",
      "speaker",
      "note",
      "weight:double",
      "color",
      "thickness:double",
      "sourceId",
    ]);
    expect(relationshipHeader).toContain("label:string");
    // A foreign attribute named like a field of ours is renamed, not mixed into it.
    expect(relationshipHeader).toContain("attr_weight:long");
  });

  it("picks an array delimiter that no item contains and passes it to neo4j-admin", () => {
    // The awkward graph has aliases with ";" and "|" in them, so the third choice, "^", is used.
    const nodes = table(byName["nodes.csv"] ?? "");
    expect(nodes.find((n) => n["id:ID"] === "actor:china")?.[":LABEL"]).toBe("Entity^Actor");
    expect(byName["import.sh"]).toContain("--array-delimiter='^' --multiline-fields=true");
    const relationships = table(byName["relationships.csv"] ?? "");
    expect(relationships.find((r) => r.id === "a-supports")).toMatchObject({
      ":TYPE": "SUPPORTS",
      "heldBy:string[]": "actor:us^actor:china",
      attribution: "inferred",
      modality: "hedged",
    });
  });

  it("writes model 2's fields: a document claim's disputedBy as an array, a proposition as a boolean", () => {
    const relationships = table(byName["relationships.csv"] ?? "");
    expect(relationships.find((r) => r.id === "a-aimed-at")).toMatchObject({
      "heldBy:string[]": "",
      attribution: "document",
      "disputedBy:string[]": "actor:us^actor:china",
      evidence: "participants differed — sharply — on “aims”",
    });
    const nodes = table(byName["nodes.csv"] ?? "");
    expect(nodes.find((n) => n["id:ID"] === "issue:defence-targets-china")?.["proposition:boolean"]).toBe(
      "true",
    );
    expect(nodes.find((n) => n["id:ID"] === "actor:us")?.["proposition:boolean"]).toBe("");
  });
});
