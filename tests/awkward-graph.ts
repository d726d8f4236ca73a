// A graph made to break writers and readers: two curated sources and an imported one, with unicode,
// right-to-left text, quotes, backslashes, newlines, XML and CSV specials, emoji, a label of ~9,000
// characters, foreign attributes of every type, and ids no slug rule would allow (imported ones).
// Model 2: every attribution and modality, a document claim disputed by two actors (empty heldBy),
// a proposition, evidence with typographic quotes and dashes, and findings' openings. Imported nodes
// and edges with their own colour (one not opaque), shape, weight and thickness.
import { buildGraph } from "../src/graph/build.ts";
import { checkIntegrity } from "../src/graph/integrity.ts";
import type { AnyLoadedSource } from "../src/graph/load.ts";
import type { LinkageGraph } from "../src/graph/types.ts";
import { ImportedSourceFile, SourceFile } from "../src/model/schema.ts";

export const NASTY = `Quotes "double" and 'single', back\\slash \\n literal, <tag attr="x">&amp; & ]]> --> <!-- ; | ,`;
export const MULTILINE = "line one\nline two\r\nline three\ttabbed\n";
export const RTL = "الصين والولايات المتحدة — שלום";
export const EMOJI = "🇨🇳 🚀 👩🏽‍🔬 🧑‍🤝‍🧑";
export const LONG_LABEL = `${"Ein sehr langer Name, 長い名前, ".repeat(300)}end`.slice(0, 9000);
export const WEIRD_ID = `weird id <&> "q" 'a' \\ ${EMOJI} ${RTL}`;
/** Typographic quotes and dashes, as a document typesets them: “ ” ‘ ’ – —. */
export const TYPESET = "“We’re firmly opposed” – to ‘missile–defence’ — plans";

const curatedA = SourceFile.parse({
  modelVersion: 2,
  source: {
    id: "awkward-a",
    title: `Awkward source A: ${NASTY}`,
    publisher: `Publisher ${RTL}`,
    date: "2024-02",
    dateNote: MULTILINE.trim(),
    url: "https://example.org/a?x=1&y=2",
    findings: [
      { id: "F1", summary: `First finding ${EMOJI} ${NASTY}`, opening: `${TYPESET} | ; "straight"` },
      { id: "F2", summary: MULTILINE.trim(), opening: "Both sides – “broadly” – agreed" },
    ],
  },
  nodes: [
    {
      id: "actor:china",
      kind: "actor",
      label: `China 中国 ${EMOJI}`,
      aliases: ["PRC", `alias with | pipe and ; semicolon and "quote"`, RTL],
      description: `Description with ${NASTY}\nand a second line.`,
    },
    { id: "actor:us", kind: "actor", label: "United States", description: "The US." },
    {
      id: "issue:missile-defence",
      kind: "issue",
      label: `Missile defence <NMD & TMD> "quoted"`,
      description: `${RTL}\n${EMOJI}`,
      attributes: { weight: 1.5, tags: ["a", "b|c", 'd"e'], flag: true },
    },
    {
      id: "issue:linkage",
      kind: "issue",
      label: "Linkage",
      description: "Ties things together.",
      about: ["actor:china", "issue:missile-defence"],
    },
    {
      id: "issue:defence-targets-china",
      kind: "issue",
      label: "Missile defence is aimed at China",
      description: "A statement the sides differ on, not a thing.",
      proposition: true,
    },
  ],
  claims: [
    {
      id: "a-opposes",
      source: "actor:china",
      target: "issue:missile-defence",
      relation: "opposes",
      heldBy: ["actor:china"],
      findings: ["F1"],
      evidence: TYPESET,
      qualifier: `strongly, "very" <much>`,
      speaker: `Speaker ${RTL}`,
      note: `Note with ${NASTY}\n${MULTILINE}`,
      attributes: { year: 2000, score: -0.25, names: ["x", "y"], nums: [1, 2, 3], ok: [true, false] },
    },
    {
      id: "a-supports",
      source: "actor:us",
      target: "issue:missile-defence",
      relation: "supports",
      heldBy: ["actor:us", "actor:china"],
      attribution: "inferred",
      modality: "hedged",
      findings: ["F1", "F2"],
      evidence: "could – perhaps — support it",
      note: EMOJI,
    },
    {
      id: "a-links",
      source: "issue:linkage",
      target: "issue:missile-defence",
      relation: "links-to",
      heldBy: [],
      attribution: "document",
      modality: "question",
      findings: ["F2"],
      evidence: "whether ‘linkage’ – matters?",
      note: "Linked.",
    },
    {
      id: "a-aimed-at",
      source: "issue:defence-targets-china",
      target: "issue:missile-defence",
      relation: "links-to",
      heldBy: [],
      attribution: "document",
      disputedBy: ["actor:us", "actor:china"],
      findings: ["F1"],
      evidence: "participants differed — sharply — on “aims”",
      note: "The document reports the difference without assigning sides.",
    },
  ],
});

const curatedB = SourceFile.parse({
  modelVersion: 2,
  source: {
    id: "awkward-b",
    title: "Awkward source B",
    publisher: "B",
    date: "2025",
    findings: [{ id: "F1", summary: "B's only finding.", opening: "B’s only – finding" }],
  },
  nodes: [
    // Also defined by A: the same node, with aliases of its own that merge.
    {
      id: "actor:china",
      kind: "actor",
      label: "China (B)",
      aliases: ["Beijing"],
      description: "Other words.",
    },
    { id: "treaty:abm", kind: "treaty", label: "ABM Treaty", description: "The 1972 treaty." },
  ],
  claims: [
    {
      id: "b-supports",
      source: "actor:china",
      target: "treaty:abm",
      relation: "supports",
      heldBy: ["actor:china"],
      findings: ["F1", "awkward-a#F2"],
      evidence: "China supports the treaty",
      note: "Cites a finding of another source.",
    },
  ],
});

const imported = ImportedSourceFile.parse({
  source: {
    id: "awkward-import",
    provenance: "imported",
    title: `Imported ${NASTY}`,
    importedFrom: "awkward.gexf",
    format: "gexf",
    findings: [],
    attributes: { defaultedgetype: "undirected", note: MULTILINE },
  },
  nodes: [
    {
      id: WEIRD_ID,
      kind: "issue",
      label: LONG_LABEL,
      x: -12.5,
      y: 3e-7,
      size: 4,
      color: "#010203",
      shape: "diamond",
      proposition: true,
      attributes: {
        "viz:color": "rgb(1, 2, 3)",
        count: 42,
        big: 2 ** 40,
        ratio: 0.1,
        yes: false,
        text: NASTY,
      },
    },
    { id: "0", kind: "actor", label: "zero", description: MULTILINE, x: 0, y: 0, color: "#ff000080" },
    { id: "-1", kind: "treaty", label: "=SUM(A1:A2)", x: 1, y: -1, attributes: { empty: [] } },
  ],
  claims: [
    {
      id: "e0",
      source: "0",
      target: WEIRD_ID,
      relation: "links-to",
      weight: 2.5,
      color: "#00ff00",
      thickness: 1.5,
    },
    { id: "e 1", source: WEIRD_ID, target: WEIRD_ID, relation: "links-to", attributes: { weight: 3 } },
    {
      id: "e2",
      source: "0",
      target: "-1",
      relation: "supports",
      heldBy: ["0"],
      attribution: "stated",
      modality: "asserted",
      evidence: "Held – “not” cited",
      note: "Held, not cited.",
    },
    {
      id: "e3",
      source: "-1",
      target: "actor:us",
      relation: "opposes",
      attribution: "document",
      modality: "question",
      disputedBy: ["0", "actor:us"],
      evidence: `${NASTY} ’`,
      attributes: { label: RTL },
    },
  ],
});

export const AWKWARD_FILES = [curatedA, curatedB, imported];

/** The awkward graph, checked by the integrity rules as graph-data would be. */
export function awkwardGraph(): LinkageGraph {
  const loaded: AnyLoadedSource[] = AWKWARD_FILES.map((data, i) => ({ file: `awkward-${i}.json`, data }));
  const problems = checkIntegrity(loaded);
  if (problems.length) throw new Error(`awkward graph is invalid: ${JSON.stringify(problems, null, 2)}`);
  return buildGraph(loaded);
}
