// The trace's URL parameters: `trace=issue:taiwan-arms-sales&traceHolder=actor:china&traceDepth=2`,
// `traceRelation=links-to,supports`, `traceAttribution=stated` (the "Stated claims only" switch) and
// `traceKind=issue,treaty` (only answers of these kinds).
// `holder` already names the holder filter, so the trace's own parameters are prefixed. The issue's
// short form (`?trace=…&holder=…&depth=…`, no traceHolder) is read too and rewritten to the long one.
// zod-checked one by one like url.ts's; a bad value is dropped with a notice and the rest of the link
// still opens. Pure; url.ts calls these two functions.
import { z } from "zod";
import { suggestIds } from "../../graph/suggest.ts";
import { DEFAULT_TRACE_RELATIONS, TRACE_ATTRIBUTIONS, TRACE_DEPTH } from "../../graph/trace.ts";
import { NodeId } from "../../model/schema.ts";
import { NODE_KINDS, RELATIONS } from "../../model/vocabulary.ts";
import { normalizeQuery, type TraceQuery } from "./trace.ts";
import { paramReader, quote } from "./url-params.ts";

const DepthCodec = z.codec(
  z.string().regex(/^\d{1,2}$/),
  z.number().int().min(TRACE_DEPTH.min).max(TRACE_DEPTH.max),
  {
    decode: (text) => Number(text),
    encode: (depth) => String(depth),
  },
);
/** A comma-separated list of at least one vocabulary value. */
const nonEmptyList = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.codec(z.string(), z.array(z.enum(values)).min(1), {
    // The output schema checks each part; the cast only tells TypeScript what that check guarantees.
    decode: (text) => (text === "" ? [] : text.split(",").map((part) => part.trim())) as T[number][],
    encode: (list) => list.join(","),
  });

const depthText = `a whole number from ${TRACE_DEPTH.min} to ${TRACE_DEPTH.max}`;
const PARAMS = {
  trace: { codec: NodeId, expected: "a node id such as issue:taiwan-arms-sales" },
  traceHolder: {
    codec: z.union([z.literal("any"), NodeId.startsWith("actor:")]),
    expected: "any or an actor id",
  },
  traceDepth: { codec: DepthCodec, expected: depthText },
  traceRelation: {
    codec: nonEmptyList(RELATIONS),
    expected: `a comma-separated list of ${RELATIONS.join(", ")}`,
  },
  // Only "stated" narrows a trace; every claim is the default and is left out of links.
  traceAttribution: { codec: z.enum(TRACE_ATTRIBUTIONS), expected: TRACE_ATTRIBUTIONS.join(" or ") },
  // Every kind is the default and is left out of links.
  traceKind: {
    codec: nonEmptyList(NODE_KINDS),
    expected: `a comma-separated list of ${NODE_KINDS.join(", ")}`,
  },
} as const;

/** The parameters this module reads, with the short form's `depth` (`holder` is also the filter's). */
export const TRACE_PARAM_NAMES: readonly string[] = [...Object.keys(PARAMS), "depth"];

/** What the graph has that these parameters may name: node ids with their labels. */
export interface TraceIds {
  nodes: ReadonlyMap<string, string>;
}

function didYouMean(wanted: string, known: TraceIds, kind?: string): string {
  const candidates = [...known.nodes]
    .filter(([id]) => kind === undefined || id.startsWith(`${kind}:`))
    .map(([id, label]) => ({ id, label }));
  const [best] = suggestIds(wanted, candidates, 1);
  return best ? ` Did you mean ${best}?` : "";
}

/**
 * Reads the trace from a link. With `trace=` and no `traceHolder=`/`traceDepth=`, the issue's
 * `holder=`/`depth=` are taken as the trace's and removed from `params`, so the holder filter does
 * not read them too. Returns `{}` when there is no trace or its target is unusable, so a plain link's view stays as it was.
 */
export function parseTraceParams(
  params: URLSearchParams,
  known: TraceIds,
  notices: string[],
): { trace?: TraceQuery } {
  if (!params.has("trace")) {
    // A trace's own parameters mean nothing without one: say so rather than drop them silently.
    for (const name of [...Object.keys(PARAMS), "depth"]) {
      const value = params.get(name);
      if (name !== "trace" && value !== null)
        notices.push(`Ignored ${name}=${quote(value)}: it belongs to a trace, and the link has no trace=.`);
    }
    return {};
  }
  // The short form: consumed here, rewritten to the long form by traceParams. A notice about
  // a short-form value names the parameter as the link wrote it.
  const written = new Map<string, string>();
  for (const [short, long] of [
    ["holder", "traceHolder"],
    ["depth", "traceDepth"],
  ] as const) {
    const value = params.get(short);
    if (value !== null && !params.has(long)) {
      params.set(long, value);
      params.delete(short);
      written.set(long, short);
    }
  }
  const own: string[] = [];
  const readLong = paramReader(params, PARAMS, own);
  const read: typeof readLong = (name) => {
    const value = readLong(name);
    const short = written.get(name);
    for (const notice of own.splice(0))
      notices.push(short ? notice.replace(`Ignored ${name}=`, `Ignored ${short}=`) : notice);
    return value;
  };

  const target = read("trace");
  const holder = read("traceHolder");
  const depth = read("traceDepth");
  const relations = read("traceRelation");
  const attribution = read("traceAttribution");
  const kinds = read("traceKind");
  if (target === undefined) return {};
  if (!known.nodes.has(target)) {
    notices.push(`No node ${quote(target)} in this graph, so no trace is shown.${didYouMean(target, known)}`);
    return {};
  }
  let traceHolder: string | null = null;
  if (holder !== undefined && holder !== "any") {
    if (known.nodes.has(holder)) traceHolder = holder;
    else
      notices.push(
        `No actor ${quote(holder)} in this graph, so the trace follows claims held by anyone.${didYouMean(holder, known, "actor")}`,
      );
  }
  return {
    trace: normalizeQuery({
      target,
      holder: traceHolder,
      depth: depth ?? TRACE_DEPTH.default,
      relations: relations ?? DEFAULT_TRACE_RELATIONS,
      ...(attribution ? { attribution } : {}),
      ...(kinds ? { kinds } : {}),
    }),
  };
}

/** The parameters that reopen a trace; defaults (any holder, links-to) are left out. */
export function traceParams(trace: TraceQuery | null | undefined): [string, string][] {
  if (!trace) return [];
  const parts: [string, string][] = [["trace", trace.target]];
  if (trace.holder) parts.push(["traceHolder", trace.holder]);
  parts.push(["traceDepth", PARAMS.traceDepth.codec.encode(trace.depth)]);
  const relations = RELATIONS.filter((relation) => trace.relations.includes(relation));
  const defaults = RELATIONS.filter((relation) => DEFAULT_TRACE_RELATIONS.includes(relation));
  if (relations.join() !== defaults.join())
    parts.push(["traceRelation", PARAMS.traceRelation.codec.encode(relations)]);
  if (trace.attribution) parts.push(["traceAttribution", trace.attribution]);
  if (trace.kinds?.length) parts.push(["traceKind", PARAMS.traceKind.codec.encode([...trace.kinds])]);
  return parts;
}
