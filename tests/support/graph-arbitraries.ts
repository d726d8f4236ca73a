// fast-check arbitraries of valid graphs for the property-based tests: an imported source with
// arbitrary ids (`__proto__`, `constructor`, ids that start with the key mark), arbitrary Unicode
// (emoji, astral characters, U+2028/2029/0085, combining marks, right-to-left marks, empty strings,
// labels up to 10,000 characters) and every model field, and sometimes a curated source beside it
// whose free text is just as arbitrary. Text for XML formats leaves out what XML 1.0 cannot hold.
import fc from "fast-check";
import { buildGraph } from "../../src/graph/build.ts";
import { checkIntegrity } from "../../src/graph/integrity.ts";
import type { AnyLoadedSource } from "../../src/graph/load.ts";
import type { LinkageGraph } from "../../src/graph/types.ts";
import { ImportedSourceFile, SourceFile } from "../../src/model/schema.ts";
import { ATTRIBUTIONS, MODALITIES, NODE_KINDS, RELATIONS } from "../../src/model/vocabulary.ts";

export interface TextOptions {
  /** Leave out what XML 1.0 cannot hold: C0 controls other than tab, LF and CR, U+FFFE/FFFF, lone surrogates. */
  xmlSafe: boolean;
}

/** Characters that have broken writers and readers before, or are likely to. */
const AWKWARD = [
  "\u2028",
  "\u2029",
  "\u0085",
  "\t",
  "\n",
  "\r",
  "\r\n",
  " ",
  "  ",
  "\u00a0",
  "\u200b",
  "\u200d",
  "\u202e",
  "\ufeff",
  "é",
  "e\u0301",
  "🚀",
  "👩🏽‍🔬",
  "🇨🇳",
  "\u{10FFFD}",
  "\u{1D11E}",
  "中",
  "ש",
  "<",
  ">",
  "&",
  "&amp;",
  "]]>",
  "<!--",
  '"',
  "'",
  "\\",
  "|",
  ";",
  ",",
  "=",
  "@",
  "#",
  "~",
  "`",
  "{",
  "}",
  "[",
  "]",
  "$",
  "%",
  "\u007f",
  "\u0080",
  "\u009f",
];
/** Only JSON can hold these. */
const JSON_ONLY = [
  "\u0000",
  "\u0001",
  "\u001b",
  "\u001f",
  "\u000b",
  "\u000c",
  "\ufffe",
  "\uffff",
  "\ud800",
  "\udfff",
];

export function charArb({ xmlSafe }: TextOptions): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }) },
    { weight: 3, arbitrary: fc.constantFrom(...AWKWARD, ...(xmlSafe ? [] : JSON_ONLY)) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
  );
}

export function textArb(options: TextOptions, maxLength = 12, minLength = 0): fc.Arbitrary<string> {
  return fc.string({ unit: charArb(options), minLength, maxLength });
}

/** Up to 10,000 characters, made by repeating a random piece, so it costs little to generate. */
export function longTextArb(options: TextOptions): fc.Arbitrary<string> {
  return fc.tuple(textArb(options, 40, 1), fc.integer({ min: 1000, max: 10_000 })).map(([piece, length]) => {
    let text = piece.repeat(Math.ceil(length / piece.length));
    // Cut on a code point boundary, so a surrogate pair is never halved by the cut.
    text = Array.from(text).slice(0, length).join("");
    while (text.length > 10_000) text = Array.from(text).slice(0, -1).join("");
    return text;
  });
}

/** Trimmed and not empty, the way the model's Text fields keep it. */
const trimmedArb = (options: TextOptions, max: number) =>
  textArb(options, Math.min(max, 16), 1)
    .map((text) => text.trim())
    .filter((text) => text.length > 0 && text.length <= max);

const HOSTILE_IDS = [
  "__proto__",
  "constructor",
  "toString",
  "prototype",
  "valueOf",
  "hasOwnProperty",
  "~",
  "~x",
  "0",
  "-1",
  " ",
  "id with space",
];

function idArb(options: TextOptions): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_IDS) },
    { weight: 3, arbitrary: textArb(options, 10, 1) },
  );
}

/** A finite double other than -0 (which JSON writes as 0). */
const numberArb = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));

function foreignValueArb(options: TextOptions): fc.Arbitrary<unknown> {
  return fc.oneof(
    textArb(options, 12),
    numberArb,
    fc.integer(),
    fc.boolean(),
    fc.array(textArb(options, 6), { maxLength: 3 }),
    fc.array(numberArb, { minLength: 1, maxLength: 3 }),
    fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
  );
}

function attributesArb(options: TextOptions): fc.Arbitrary<Record<string, unknown> | undefined> {
  const name = fc.oneof(
    fc.constantFrom("label", "x", "weight", "viz:color", "constructor"),
    textArb(options, 8, 1),
  );
  return fc.option(
    fc
      .uniqueArray(fc.tuple(name, foreignValueArb(options)), { maxLength: 3, selector: ([n]) => n })
      .map((entries) => Object.fromEntries(entries)),
    { nil: undefined },
  );
}

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Drops the keys whose value is undefined, as a file would leave them out. */
function defined<T extends object>(entry: T): T {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) as T;
}

const pickSome = <T>(items: readonly T[]) =>
  items.length ? fc.subarray([...items]) : fc.constant([] as T[]);

/** An imported source file, valid by construction (the test checks integrity too). */
export function importedFileArb(options: TextOptions): fc.Arbitrary<ImportedSourceFile> {
  const nodeShape = fc.record({
    kind: fc.constantFrom(...NODE_KINDS),
    label: fc.oneof(
      { weight: 6, arbitrary: textArb(options, 16) },
      { weight: 1, arbitrary: longTextArb(options) },
    ),
    description: optional(textArb(options, 24)),
    aliases: optional(fc.array(textArb(options, 8), { maxLength: 3 })),
    proposition: optional(fc.boolean()),
    x: optional(numberArb),
    y: optional(numberArb),
    size: optional(numberArb),
    attributes: attributesArb(options),
  });
  return fc
    .record({
      ids: fc.uniqueArray(idArb(options), { minLength: 1, maxLength: 6 }),
      claimIds: fc.uniqueArray(idArb(options), { maxLength: 7 }),
      title: trimmedArb(options, 10_000),
      findings: fc.array(
        fc.record({ summary: trimmedArb(options, 2000), opening: optional(trimmedArb(options, 300)) }),
        { maxLength: 2 },
      ),
      attributes: attributesArb(options),
    })
    .chain(({ ids, claimIds, title, findings, attributes }) => {
      const findingIds = findings.map((_, i) => `F${i + 1}`);
      return fc
        .record({
          nodes: fc.tuple(...ids.map(() => nodeShape)),
          claims: fc.tuple(
            ...claimIds.map(() =>
              fc.record({
                source: fc.constantFrom(...ids),
                target: fc.constantFrom(...ids),
                relation: fc.constantFrom(...RELATIONS),
                holders: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 2 }),
                disputants: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 3 }),
                attribution: optional(fc.constantFrom(...ATTRIBUTIONS)),
                modality: optional(fc.constantFrom(...MODALITIES)),
                evidence: optional(textArb(options, 16)),
                findings: optional(pickSome(findingIds)),
                qualifier: optional(textArb(options, 8)),
                speaker: optional(textArb(options, 8)),
                note: optional(textArb(options, 20)),
                attributes: attributesArb(options),
              }),
            ),
          ),
          about: fc.tuple(...ids.map(() => optional(pickSome(ids)))),
        })
        .map(({ nodes, claims, about }) => {
          const kinds = new Map(ids.map((id, i) => [id, nodes[i]?.kind]));
          const actors = (list: string[]) => list.filter((id) => kinds.get(id) === "actor");
          return ImportedSourceFile.parse({
            source: defined({
              id: "generated",
              provenance: "imported",
              title,
              findings: findings.map((finding, i) => defined({ id: `F${i + 1}`, ...finding })),
              attributes,
            }),
            nodes: ids.map((id, i) => defined({ id, ...nodes[i], about: about[i] })),
            claims: claimIds.map((id, i) => {
              const { holders, disputants, attribution, ...claim } = claims[i] as (typeof claims)[number];
              const heldBy = actors(holders);
              // Holders must match the attribution; disputants only with "document", two or more actors.
              const fitting =
                heldBy.length === 0
                  ? attribution === undefined
                    ? undefined
                    : "document"
                  : attribution === "document"
                    ? "stated"
                    : attribution;
              const disputedBy =
                fitting === "document" && actors(disputants).length >= 2 ? actors(disputants) : undefined;
              const note = fitting === "inferred" && !claim.note?.trim() ? "Why: the context." : claim.note;
              return defined({
                id,
                ...claim,
                note,
                heldBy: heldBy.length || holders.length ? heldBy : undefined,
                attribution: fitting,
                disputedBy,
              });
            }),
          });
        });
    });
}

/** A curated source of two nodes and a claim, whose free text is arbitrary. */
export function curatedFileArb(options: TextOptions): fc.Arbitrary<SourceFile> {
  return fc
    .record({
      title: trimmedArb(options, 300),
      summary: trimmedArb(options, 2000),
      opening: trimmedArb(options, 300),
      labels: fc.tuple(trimmedArb(options, 200), trimmedArb(options, 200)),
      descriptions: fc.tuple(trimmedArb(options, 2000), trimmedArb(options, 2000)),
      aliases: fc.array(trimmedArb(options, 200), { maxLength: 2 }),
      note: trimmedArb(options, 2000),
      qualifier: optional(trimmedArb(options, 120)),
      speaker: optional(trimmedArb(options, 200)),
    })
    .map((text) =>
      SourceFile.parse({
        modelVersion: 2,
        source: {
          id: "curated",
          title: text.title,
          publisher: "Publisher",
          date: "2000-02-29",
          findings: [{ id: "F1", summary: text.summary, opening: text.opening }],
        },
        nodes: [
          {
            id: "actor:a",
            kind: "actor",
            label: text.labels[0],
            description: text.descriptions[0],
            ...(text.aliases.length ? { aliases: text.aliases } : {}),
          },
          { id: "issue:b", kind: "issue", label: text.labels[1], description: text.descriptions[1] },
        ],
        claims: [
          defined({
            id: "a-supports-b",
            source: "actor:a",
            target: "issue:b",
            relation: "supports",
            heldBy: ["actor:a"],
            findings: ["F1"],
            evidence: "two words",
            note: text.note,
            qualifier: text.qualifier,
            speaker: text.speaker,
          }),
        ],
      }),
    );
}

/** Builds the graph that graph-data or an import would build from these files. */
export function graphOf(files: readonly (SourceFile | ImportedSourceFile)[]): LinkageGraph {
  const loaded: AnyLoadedSource[] = files.map((data, i) => ({ file: `generated-${i}.json`, data }));
  const problems = checkIntegrity(loaded);
  if (problems.length) throw new Error(`the generator made an invalid graph: ${JSON.stringify(problems)}`);
  return buildGraph(loaded);
}

/**
 * The source files of a graph: an imported source and, one time in three, a curated one beside it.
 * Files rather than the graph, so that a failure prints what to replay.
 */
export function graphFilesArb(options: TextOptions): fc.Arbitrary<(SourceFile | ImportedSourceFile)[]> {
  return fc
    .tuple(
      importedFileArb(options),
      fc.oneof(
        { weight: 2, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: curatedFileArb(options) },
      ),
    )
    .map(([imported, curated]) => (curated ? [curated, imported] : [imported]));
}
