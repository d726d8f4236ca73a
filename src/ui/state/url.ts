// The URL <-> shared view codec: `?node=actor:china&relation=links-to&attribution=stated&camera=0.5,0.5,1`.
// Each parameter is a zod codec checked on its own, then ids are checked against the graph, so a
// bad parameter is dropped with a notice and the rest of the link still opens. Pure; calls zod, the
// model's schemas and the perspective and trace codecs; controllers/url-sync.ts calls it.
import { z } from "zod";
import { suggestIds } from "../../graph/suggest.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { NodeId, SLUG_PATTERN } from "../../model/schema.ts";
import { ATTRIBUTIONS, MODALITIES, NODE_KINDS, RELATIONS } from "../../model/vocabulary.ts";
import { type CameraView, DEFAULT_FILTERS, type SharedView, type View } from "./explorer-state.ts";
import type { HolderFilter } from "./holders.ts";
import { PERSPECTIVE_PARAM_NAMES, parsePerspectiveParams, perspectiveParams } from "./perspective-url.ts";
import { parseTraceParams, TRACE_PARAM_NAMES, traceParams } from "./trace-url.ts";
import { paramReader, quote } from "./url-params.ts";

function listCodec<const T extends readonly [string, ...string[]]>(values: T) {
  return z.codec(z.string(), z.array(z.enum(values)), {
    decode: (text) => (text === "" ? [] : text.split(",").map((part) => part.trim())),
    encode: (list) => list.join(","),
  });
}

const NUMBER = "-?(?:\\d+\\.?\\d*|\\.\\d+)(?:e-?\\d+)?";
const CameraCodec = z.codec(
  z.string().regex(new RegExp(`^${NUMBER},${NUMBER},${NUMBER}$`)),
  z.strictObject({
    x: z.number().min(-10).max(10),
    y: z.number().min(-10).max(10),
    ratio: z.number().gt(0).max(20),
  }),
  {
    decode: (text) => {
      const [x, y, ratio] = text.split(",").map(Number) as [number, number, number];
      return { x, y, ratio };
    },
    encode: ({ x, y, ratio }) => [x, y, ratio].map((n) => Number(n.toFixed(4))).join(","),
  },
);

const HolderCodec = z.union([z.literal("any"), z.literal("both"), NodeId.startsWith("actor:")]);
const FindingCodec = z
  .string()
  .regex(new RegExp(`^${SLUG_PATTERN.source.slice(1, -1)}#F[1-9][0-9]*$`), { message: "not a finding" });

/** Each parameter: its codec and, for the notice, what a good value looks like. */
const PARAMS = {
  node: { codec: NodeId, expected: "a node id such as actor:china" },
  claim: { codec: z.string().regex(SLUG_PATTERN), expected: "a claim id" },
  kind: { codec: listCodec(NODE_KINDS), expected: `a comma-separated list of ${NODE_KINDS.join(", ")}` },
  relation: { codec: listCodec(RELATIONS), expected: `a comma-separated list of ${RELATIONS.join(", ")}` },
  attribution: {
    codec: listCodec(ATTRIBUTIONS),
    expected: `a comma-separated list of ${ATTRIBUTIONS.join(", ")}`,
  },
  modality: { codec: listCodec(MODALITIES), expected: `a comma-separated list of ${MODALITIES.join(", ")}` },
  holder: { codec: HolderCodec, expected: "any, both or an actor id" },
  source: { codec: z.string().regex(SLUG_PATTERN), expected: "a source id" },
  finding: { codec: FindingCodec, expected: "a finding such as cns-us-china-2000#F3" },
  view: { codec: z.enum(["graph", "list", "matrix"]), expected: "graph, list or matrix" },
  camera: { codec: CameraCodec, expected: "three numbers x,y,ratio" },
} as const;

type ParamName = keyof typeof PARAMS;

/** What the graph has, so a link naming something absent is caught. */
export interface KnownIds {
  nodes: ReadonlyMap<string, string>;
  claims: ReadonlySet<string>;
  sources: ReadonlySet<string>;
  findings: ReadonlySet<string>;
  holders: ReadonlySet<string>;
}

export function knownIds(graph: LinkageGraph): KnownIds {
  const nodes = new Map<string, string>();
  graph.forEachNode((id, attributes) => nodes.set(id, attributes.label));
  const holders = new Set<string>();
  graph.forEachEdge((_claim, attributes) => {
    for (const holder of attributes.heldBy) holders.add(holder);
  });
  const sources = graph.getAttribute("sources");
  return {
    nodes,
    claims: new Set(graph.edges()),
    sources: new Set(sources.map((source) => source.id)),
    findings: new Set(sources.flatMap((source) => source.findings.map((f) => `${source.id}#${f.id}`))),
    holders,
  };
}

export interface ParsedLink {
  view: SharedView;
  notices: string[];
}

function didYouMean(wanted: string, known: KnownIds): string {
  const candidates = [...known.nodes].map(([id, label]) => ({ id, label }));
  const suggestions = suggestIds(wanted, candidates, 1);
  return suggestions.length ? ` Did you mean ${suggestions[0]}?` : "";
}

/**
 * Parameters other modules read from the same link; they are not this codec's to check, but they are
 * not unknown either. `file` opens an imported graph (explorer-host.ts).
 */
export const OTHER_PARAM_NAMES: string[] = ["file"];

/** Every parameter a link may carry, for the notice on an unknown one. */
function knownParamNames(): Set<string> {
  return new Set([
    ...Object.keys(PARAMS),
    ...TRACE_PARAM_NAMES,
    ...PERSPECTIVE_PARAM_NAMES,
    ...OTHER_PARAM_NAMES,
  ]);
}

/** Notices for what no codec reads: unknown or nameless parameters, and any parameter given twice. */
function shapeNotices(params: URLSearchParams, notices: string[]): void {
  const names = knownParamNames();
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (seen.has(name)) continue;
    seen.add(name);
    if (name === "") {
      notices.push(`Ignored a parameter with no name in the link (${quote(`=${value}`)}).`);
      continue;
    }
    if (!names.has(name)) {
      notices.push(`Ignored ${quote(name)} in the link: it is not a parameter the explorer reads.`);
      continue;
    }
    const all = params.getAll(name);
    if (all.length > 1)
      notices.push(
        `The link gives ${name}= ${all.length} times; the first, ${quote(all[0] as string)}, is used and the rest ignored.`,
      );
  }
}

export function parseLink(search: string, known: KnownIds): ParsedLink {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  shapeNotices(params, notices);
  const read = paramReader(params, PARAMS, notices);

  const view: SharedView = { selection: null, filters: DEFAULT_FILTERS, view: "graph", camera: null };
  // Before the filters: with `trace=`, the issue's short form takes `holder=` and `depth=` for the trace.
  Object.assign(view, parseTraceParams(params, known, notices));
  const node = read("node");
  const claim = read("claim");
  if (node !== undefined) {
    if (known.nodes.has(node)) view.selection = { type: "node", id: node };
    else
      notices.push(`No node ${quote(node)} in this graph, so nothing is selected.${didYouMean(node, known)}`);
    if (claim !== undefined)
      notices.push(`Ignored claim=${quote(claim)}: a link selects one node or one claim.`);
  } else if (claim !== undefined) {
    if (known.claims.has(claim)) view.selection = { type: "claim", id: claim };
    else notices.push(`No claim ${quote(claim)} in this graph, so nothing is selected.`);
  }

  const filters = { ...DEFAULT_FILTERS };
  const kinds = read("kind");
  if (kinds !== undefined) filters.kinds = NODE_KINDS.filter((kind) => kinds.includes(kind));
  const relations = read("relation");
  if (relations !== undefined) filters.relations = RELATIONS.filter((r) => relations.includes(r));
  const attributions = read("attribution");
  if (attributions !== undefined) filters.attributions = ATTRIBUTIONS.filter((a) => attributions.includes(a));
  const modalities = read("modality");
  if (modalities !== undefined) filters.modalities = MODALITIES.filter((m) => modalities.includes(m));
  const holder = read("holder");
  if (holder !== undefined) {
    if (holder === "any" || holder === "both" || known.holders.has(holder))
      filters.holder = holder as HolderFilter;
    else notices.push(`No claim is held by ${quote(holder)}, so the holder filter is off.`);
  }
  const source = read("source");
  if (source !== undefined) {
    if (known.sources.has(source)) filters.source = source;
    else notices.push(`No source ${quote(source)} is loaded, so the source filter is off.`);
  }
  const finding = read("finding");
  if (finding !== undefined) {
    if (known.findings.has(finding)) filters.finding = finding;
    else notices.push(`No finding ${quote(finding)} is loaded, so the finding filter is off.`);
  }
  view.filters = filters;
  view.view = (read("view") as View | undefined) ?? "graph";
  view.camera = (read("camera") as CameraView | undefined) ?? null;
  Object.assign(view, parsePerspectiveParams(params, known, notices));
  return { view, notices };
}

/** `:` and `,` are legal in a query and keep links readable; everything else is escaped. */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ":").replace(/%2C/gi, ",");
}

/** The query string (with `?`, or "" when everything is default) that reopens this view. */
export function linkQuery(view: SharedView): string {
  const parts: [ParamName, string][] = [];
  if (view.selection) parts.push([view.selection.type, view.selection.id]);
  const { filters } = view;
  if (filters.kinds.length !== NODE_KINDS.length)
    parts.push(["kind", PARAMS.kind.codec.encode([...filters.kinds])]);
  if (filters.relations.length !== RELATIONS.length) {
    parts.push(["relation", PARAMS.relation.codec.encode([...filters.relations])]);
  }
  if (filters.attributions.length !== ATTRIBUTIONS.length)
    parts.push(["attribution", PARAMS.attribution.codec.encode([...filters.attributions])]);
  if (filters.modalities.length !== MODALITIES.length)
    parts.push(["modality", PARAMS.modality.codec.encode([...filters.modalities])]);
  if (filters.holder !== "any") parts.push(["holder", filters.holder]);
  if (filters.source !== null) parts.push(["source", filters.source]);
  if (filters.finding !== null) parts.push(["finding", filters.finding]);
  if (view.view !== "graph") parts.push(["view", view.view]);
  if (view.camera) parts.push(["camera", PARAMS.camera.codec.encode(view.camera)]);
  const all: [string, string][] = [...parts, ...perspectiveParams(view), ...traceParams(view.trace)];
  return all.length ? `?${all.map(([name, value]) => `${name}=${encodeValue(value)}`).join("&")}` : "";
}
