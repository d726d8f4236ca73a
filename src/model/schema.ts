// The zod schemas of a source file in graph-data and every type inferred from them: curated sources
// (every claim names holders and cites findings) and imported graphs (foreign ids and attributes,
// holders and findings optional). Pure: imports only zod and the vocabularies. Integrity across files
// lives in src/graph/integrity.ts.
import { z } from "zod";
import { ATTRIBUTIONS, MODALITIES, NODE_KINDS, type NodeKind, RELATIONS } from "./vocabulary.ts";

const SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";
export const NODE_ID_PATTERN = new RegExp(`^(${NODE_KINDS.join("|")}):${SLUG}$`);
export const SLUG_PATTERN = new RegExp(`^${SLUG}$`);
export const FINDING_ID_PATTERN = /^F[1-9][0-9]*$/;
/** A finding cited by a claim: `F3` (the claim's own source) or `source-id#F3` (any source). */
export const FINDING_REF_PATTERN = new RegExp(`^(?:(${SLUG})#)?(F[1-9][0-9]*)$`);

export const NodeId = z.string().regex(NODE_ID_PATTERN, {
  message: "expected `<kind>:<slug>`: kind is actor, issue or treaty; slug is lowercase kebab case",
});
export type NodeId = z.infer<typeof NodeId>;

export const NodeKindSchema = z.enum(NODE_KINDS);
export const RelationSchema = z.enum(RELATIONS);
export const AttributionSchema = z.enum(ATTRIBUTIONS);
export const ModalitySchema = z.enum(MODALITIES);

/**
 * The version of the model a curated source file is written in. Version 2 added attribution, modality,
 * disputedBy and evidence to claims, `opening` to findings and `proposition` to nodes.
 */
export const MODEL_VERSION = 2;

/** Bounds of a claim's evidence quote, in words: long enough to find, short enough to be a citation. */
export const EVIDENCE_WORDS = { min: 2, max: 12 } as const;

export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/).length : 0;
}

const Text = (max: number) => z.string().trim().min(1, { message: "must not be empty" }).max(max);

/** Where a source came from: read by a person from a document, or imported from another tool's file. */
export const PROVENANCES = ["curated", "imported"] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** Longest label or id an imported graph may carry; longer ones are refused with a message. */
export const MAX_IMPORTED_TEXT = 10_000;

const ForeignScalar = z.union([
  z.string(),
  z.number().refine(Number.isFinite, "must be a finite number"),
  z.boolean(),
]);
/**
 * An attribute of another tool's graph, kept as it was read: a string, number or boolean, or a list of
 * one of those. Nested objects are kept as JSON text by the importers.
 */
export const ForeignValue = z.union([
  ForeignScalar,
  z.array(z.string()),
  z.array(z.number().refine(Number.isFinite, "must be a finite number")),
  z.array(z.boolean()),
]);
export type ForeignValue = z.infer<typeof ForeignValue>;
export const ForeignAttributes = z
  .record(z.string().min(1).max(1000), ForeignValue)
  .describe("Attributes kept from another tool's file, by their name there.");
export type ForeignAttributes = z.infer<typeof ForeignAttributes>;

export const GraphNode = z
  .strictObject({
    id: NodeId,
    kind: NodeKindSchema,
    label: Text(200),
    aliases: z.array(Text(200)).optional(),
    description: Text(2000),
    about: z
      .array(NodeId)
      .min(2)
      .optional()
      .describe("For an issue that is itself about tying other nodes together: the nodes it concerns."),
    proposition: z
      .boolean()
      .optional()
      .describe(
        'True for an issue that is a statement ("TMD aids offensive missiles"), not a thing: it must be tied by a links-to claim to what it is about.',
      ),
    attributes: ForeignAttributes.optional(),
  })
  .refine((node) => node.id.startsWith(`${node.kind}:`), {
    message: "the id's prefix must match the kind",
    path: ["id"],
  });
export type GraphNode = z.infer<typeof GraphNode>;

/** A verbatim quote of 2 to 12 words from the passage of a finding the claim cites. */
export const Evidence = z
  .string()
  .trim()
  .min(1, { message: "must not be empty" })
  .max(200, { message: "an evidence quote is at most 200 characters" })
  .refine(
    (text) => {
      const words = wordCount(text);
      return words >= EVIDENCE_WORDS.min && words <= EVIDENCE_WORDS.max;
    },
    {
      message: `an evidence quote is ${EVIDENCE_WORDS.min} to ${EVIDENCE_WORDS.max} words: the shortest verbatim span of a cited finding that carries the claim`,
    },
  )
  .describe("A verbatim quote of 2 to 12 words from the passage of a finding the claim cites.");

const HolderList = z
  .array(NodeId)
  .describe('The actors the document attributes the claim to; empty exactly when attribution is "document".');
const DisputedBy = z
  .array(NodeId)
  .min(2, { message: "disputedBy names two or more actors" })
  .describe(
    'Actors the document reports as differing on this claim\'s proposition, without saying who holds which view. Only with attribution "document".',
  );

export const Claim = z.strictObject({
  id: z.string().regex(SLUG_PATTERN, { message: "expected a lowercase kebab-case claim id" }),
  source: NodeId,
  target: NodeId,
  relation: RelationSchema,
  heldBy: HolderList,
  attribution: AttributionSchema.default("stated"),
  modality: ModalitySchema.default("asserted"),
  disputedBy: DisputedBy.optional(),
  findings: z
    .array(
      z.string().regex(FINDING_REF_PATTERN, { message: "expected a finding id such as F3 or source-id#F3" }),
    )
    .min(1, { message: "a claim must cite at least one finding" }),
  evidence: Evidence,
  qualifier: Text(120).optional(),
  speaker: Text(200).optional(),
  note: Text(2000),
  attributes: ForeignAttributes.optional(),
});
export type Claim = z.infer<typeof Claim>;

const FindingOpening = Text(300).describe(
  "The first words of the finding's passage in the document, verbatim, so check-evidence can find the passage.",
);

const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Why a YYYY, YYYY-MM or YYYY-MM-DD text is not a real calendar date ("2000-02-30": February 2000
 * has 29 days), or null when it is one, or when it does not have that shape (the pattern says so).
 */
export function calendarDateProblem(text: string): string | null {
  if (!DATE_PATTERN.test(text)) return null;
  const [year, month, day] = text.split("-").map(Number);
  if (month === undefined) return null;
  if (month < 1 || month > 12) return `${text} is not a calendar date: there is no month ${month}`;
  const days = month === 2 ? (isLeapYear(year as number) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (day !== undefined && (day < 1 || day > days)) {
    return `${text} is not a calendar date: month ${month} of ${year} has ${days} days`;
  }
  return null;
}

/** The Gregorian rule, applied to every year (the proleptic calendar ISO 8601 uses). */
const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** A source's date: YYYY, YYYY-MM or YYYY-MM-DD, and a real month and day. */
const CalendarDate = z
  .string()
  .regex(DATE_PATTERN, { message: "expected YYYY, YYYY-MM or YYYY-MM-DD" })
  .check((context) => {
    const problem = calendarDateProblem(context.value);
    if (problem) context.issues.push({ code: "custom", message: problem, input: context.value });
  });

export const Finding = z.strictObject({
  id: z.string().regex(FINDING_ID_PATTERN, { message: "expected F1, F2, …" }),
  summary: Text(2000),
  opening: FindingOpening.optional(),
});
export type Finding = z.infer<typeof Finding>;

/** A finding of a curated source: its passage's opening words are required. */
export const CuratedFinding = Finding.extend({ opening: FindingOpening });

export const SourceMeta = z.strictObject({
  id: z.string().regex(SLUG_PATTERN, { message: "expected a lowercase kebab-case source id" }),
  title: Text(300),
  publisher: Text(300),
  date: CalendarDate,
  dateNote: Text(500).optional(),
  url: z.url().optional(),
  findings: z.array(CuratedFinding).min(1),
  provenance: z.literal("curated").optional().describe("Absent means curated."),
});
export type SourceMeta = z.infer<typeof SourceMeta>;

export const SourceFile = z.strictObject({
  $schema: z.string().optional(),
  modelVersion: z.literal(MODEL_VERSION, {
    message: `expected "modelVersion": ${MODEL_VERSION}`,
  }),
  source: SourceMeta,
  nodes: z.array(GraphNode),
  claims: z.array(Claim),
});
export type SourceFile = z.infer<typeof SourceFile>;

// Imported graphs: ids are the other tool's, so any non-empty string; nothing is invented for them.
const ImportedId = z
  .string()
  .min(1, { message: "must not be empty" })
  .max(MAX_IMPORTED_TEXT, { message: `ids are limited to ${MAX_IMPORTED_TEXT} characters` });
const ImportedText = z
  .string()
  .max(MAX_IMPORTED_TEXT, { message: `text is limited to ${MAX_IMPORTED_TEXT} characters` });

/** Shapes a node may be drawn in: the explorer's SDF shapes (a GEXF `disc` is a circle). */
export const NODE_SHAPES = ["circle", "square", "triangle", "diamond"] as const;
export type NodeShape = (typeof NODE_SHAPES)[number];

/** A colour another tool gave a node or edge, as readers write it: lowercase `#rrggbb`, `#rrggbbaa` when not opaque. */
export const Color = z
  .string()
  .regex(/^#[0-9a-f]{6}(?:[0-9a-f]{2})?$/, {
    message: "expected a colour as #rrggbb or #rrggbbaa (lowercase hexadecimal)",
  })
  .describe("A colour as #rrggbb, or #rrggbbaa when it is not opaque.");

export const ImportedNode = z.strictObject({
  id: ImportedId,
  kind: NodeKindSchema,
  label: ImportedText,
  description: ImportedText.optional(),
  aliases: z.array(ImportedText).optional(),
  about: z.array(ImportedId).optional(),
  proposition: z.boolean().optional(),
  x: z.number().optional(),
  y: z.number().optional(),
  size: z.number().optional(),
  color: Color.optional().describe(
    "The node's colour in the other tool (GEXF viz:color, a GraphML colour key).",
  ),
  shape: z.enum(NODE_SHAPES).optional().describe("The node's shape in the other tool (GEXF viz:shape)."),
  attributes: ForeignAttributes.optional(),
});
export type ImportedNode = z.infer<typeof ImportedNode>;

export const ImportedClaim = z.strictObject({
  id: ImportedId,
  source: ImportedId,
  target: ImportedId,
  relation: RelationSchema,
  heldBy: z.array(ImportedId).optional().describe("Holders, when the file named them; never invented."),
  attribution: AttributionSchema.optional(),
  modality: ModalitySchema.optional(),
  disputedBy: z.array(ImportedId).min(2, { message: "disputedBy names two or more actors" }).optional(),
  evidence: ImportedText.optional(),
  findings: z
    .array(
      z.string().regex(FINDING_REF_PATTERN, { message: "expected a finding id such as F3 or source-id#F3" }),
    )
    .optional()
    .describe("Findings, when the file cited them; never invented."),
  qualifier: ImportedText.optional(),
  speaker: ImportedText.optional(),
  note: ImportedText.optional(),
  weight: z.number().optional().describe("The edge's weight in the other tool's file, as it was."),
  color: Color.optional().describe(
    "The edge's colour in the other tool (GEXF viz:color, a GraphML colour key).",
  ),
  thickness: z
    .number()
    .nonnegative({ message: "a thickness is 0 or more" })
    .optional()
    .describe("The edge's drawn width in the other tool (GEXF viz:thickness)."),
  attributes: ForeignAttributes.optional(),
});
export type ImportedClaim = z.infer<typeof ImportedClaim>;

export const ImportedSourceMeta = z.strictObject({
  id: z.string().regex(SLUG_PATTERN, { message: "expected a lowercase kebab-case source id" }),
  provenance: z.literal("imported"),
  title: Text(MAX_IMPORTED_TEXT),
  /** The file the graph was read from, and its format. */
  importedFrom: Text(1000).optional(),
  format: Text(100).optional(),
  publisher: Text(300).optional(),
  date: CalendarDate.optional(),
  dateNote: Text(500).optional(),
  url: z.url().optional(),
  findings: z.array(Finding),
  attributes: ForeignAttributes.optional(),
});
export type ImportedSourceMeta = z.infer<typeof ImportedSourceMeta>;

export const ImportedSourceFile = z.strictObject({
  $schema: z.string().optional(),
  modelVersion: z.literal(MODEL_VERSION).optional(),
  source: ImportedSourceMeta,
  nodes: z.array(ImportedNode),
  claims: z.array(ImportedClaim),
});
export type ImportedSourceFile = z.infer<typeof ImportedSourceFile>;

/**
 * Any source the graph can be built from: a curated one, or an imported graph. A graph's curated
 * sources may lack the findings' openings (synthetic graphs, visible-only exports); files may not.
 */
export type AnySourceMeta = (Omit<SourceMeta, "findings"> & { findings: Finding[] }) | ImportedSourceMeta;
export type AnySourceFile = SourceFile | ImportedSourceFile;

export function isImported(source: AnySourceMeta): source is ImportedSourceMeta {
  return source.provenance === "imported";
}

/** The schema that applies to a parsed file: imported when it says so, curated otherwise. */
export function sourceFileSchemaFor(value: unknown): typeof SourceFile | typeof ImportedSourceFile {
  const source = (value as { source?: { provenance?: unknown } } | null)?.source;
  return source?.provenance === "imported" ? ImportedSourceFile : SourceFile;
}

/** A finding reference as `source-id#F3`, the form used everywhere outside a source file. */
export type QualifiedFindingRef = `${string}#F${number}`;

export function qualifyFinding(ref: string, ownSource: string): string {
  const match = FINDING_REF_PATTERN.exec(ref);
  if (!match) return ref;
  return `${match[1] ?? ownSource}#${match[2]}`;
}

export function splitFindingRef(ref: string): { source: string; finding: string } {
  const at = ref.lastIndexOf("#");
  return { source: ref.slice(0, at), finding: ref.slice(at + 1) };
}

export function kindOf(id: string): NodeKind | undefined {
  const prefix = id.slice(0, id.indexOf(":"));
  return (NODE_KINDS as readonly string[]).includes(prefix) ? (prefix as NodeKind) : undefined;
}
