// The perspective's URL parameters: `lens=actor:us`, `compare=actor:us,actor:china`, with
// `compareOn=missile-defence` (a topic, or a node id: what Compare is narrowed to) and
// `compareRole=contested,shared` (the roles its legend shows), and `tour=cns-us-china-2000&step=3`.
// zod-checked one by one like url.ts's; a bad value is dropped with a notice and the rest of the link
// still opens. Pure; url.ts calls these two functions.
import { z } from "zod";
import { NodeId, SLUG_PATTERN } from "../../model/schema.ts";
import { TOPICS } from "./compare-lists.ts";
import type { SharedView } from "./explorer-state.ts";
import { COMPARE_ROLES } from "./looks.ts";
import { normalisePerspective, type Perspective } from "./perspective.ts";
import { paramReader, quote } from "./url-params.ts";

const HolderId = NodeId.startsWith("actor:");
const CompareCodec = z.codec(z.string(), z.tuple([HolderId, HolderId]), {
  decode: (text) => text.split(",").map((part) => part.trim()) as [string, string],
  encode: ([a, b]) => `${a},${b}`,
});
const StepCodec = z.codec(z.string().regex(/^[1-9][0-9]{0,3}$/), z.number().int().min(1), {
  decode: (text) => Number(text),
  encode: (step) => String(step),
});

const RolesCodec = z.codec(z.string(), z.array(z.enum(COMPARE_ROLES as [string, ...string[]])).min(1), {
  decode: (text) => text.split(",").map((part) => part.trim()),
  encode: (roles) => roles.join(","),
});

const PARAMS = {
  lens: { codec: HolderId, expected: "an actor id such as actor:us" },
  compare: { codec: CompareCodec, expected: "two actor ids such as actor:us,actor:china" },
  compareOn: {
    codec: z.union([NodeId, z.enum(TOPICS.map((topic) => topic.id) as [string, ...string[]])]),
    expected: `a node id or one of ${TOPICS.map((topic) => topic.id).join(", ")}`,
  },
  compareRole: { codec: RolesCodec, expected: `a comma-separated list of ${COMPARE_ROLES.join(", ")}` },
  tour: { codec: z.string().regex(SLUG_PATTERN), expected: "a source id" },
  step: { codec: StepCodec, expected: "a step number from 1" },
} as const;

/** The parameters this module reads, so url.ts can tell an unknown parameter from a known one. */
export const PERSPECTIVE_PARAM_NAMES: readonly string[] = Object.keys(PARAMS);

/** What the graph has that these parameters may name. */
export interface PerspectiveIds {
  nodes: ReadonlyMap<string, string>;
  holders: ReadonlySet<string>;
  sources: ReadonlySet<string>;
  findings: ReadonlySet<string>;
}

/** Steps of a source's tour: one per finding of that source. */
function stepCount(source: string, known: PerspectiveIds): number {
  let count = 0;
  for (const ref of known.findings) if (ref.startsWith(`${source}#`)) count++;
  return count;
}

export function parsePerspectiveParams(
  params: URLSearchParams,
  known: PerspectiveIds,
  notices: string[],
): Pick<SharedView, "perspective" | "tour"> {
  const read = paramReader(params, PARAMS, notices);
  const out: Pick<SharedView, "perspective" | "tour"> = {};
  const unknownHolder = (holder: string) => {
    if (known.holders.has(holder)) return false;
    notices.push(`No claim is held by ${quote(holder)}, so the lens is off.`);
    return true;
  };

  const compare = read("compare");
  const lens = read("lens");
  let perspective: Perspective | undefined;
  if (compare !== undefined) {
    const [a, b] = compare;
    if (!unknownHolder(a) && !unknownHolder(b)) {
      perspective =
        a === b
          ? { mode: "lens", holder: a }
          : normalisePerspective({ mode: "compare", a, b, ...compareNarrowing(params, known, notices) });
      if (a === b)
        notices.push(`compare=${quote(`${a},${b}`)} names one holder twice, so the link opens a lens on it.`);
    }
    if (lens !== undefined)
      notices.push(`Ignored lens=${quote(lens)}: a link either compares or uses a lens.`);
  } else if (lens !== undefined && !unknownHolder(lens)) {
    perspective = { mode: "lens", holder: lens };
  }
  for (const name of ["compareOn", "compareRole"] as const)
    if (perspective?.mode !== "compare" && params.has(name))
      notices.push(
        `Ignored ${name}=${quote(params.get(name) ?? "")}: it narrows a comparison, and the link has none.`,
      );
  if (perspective) out.perspective = perspective;

  const source = read("tour");
  const step = read("step");
  if (source !== undefined) {
    const count = known.sources.has(source) ? stepCount(source, known) : 0;
    if (count === 0) notices.push(`No source ${quote(source)} with findings is loaded, so no tour is open.`);
    else if (step !== undefined && step > count) {
      notices.push(`The tour of ${quote(source)} has ${count} steps, so it opens at step 1, not ${step}.`);
      out.tour = { source, step: 1 };
    } else out.tour = { source, step: step ?? 1 };
  } else if (step !== undefined) {
    notices.push(`Ignored step=${quote(String(step))}: a step needs a tour.`);
  }
  return out;
}

/** What a comparison's link narrows it to: a topic or a node that exists, and the roles shown. */
function compareNarrowing(params: URLSearchParams, known: PerspectiveIds, notices: string[]) {
  const read = paramReader(params, PARAMS, notices);
  const on = read("compareOn");
  const roles = read("compareRole") as Extract<Perspective, { mode: "compare" }>["roles"];
  const topic = TOPICS.some((t) => t.id === on);
  if (on !== undefined && !topic && !known.nodes.has(on))
    notices.push(`No node ${quote(on)} in this graph, so the comparison covers everything.`);
  return {
    ...(on !== undefined && (topic || known.nodes.has(on)) ? { on } : {}),
    ...(roles ? { roles } : {}),
  };
}

/** The parameters that reopen the perspective and the tour, in a fixed order. */
export function perspectiveParams(view: Pick<SharedView, "perspective" | "tour">): [string, string][] {
  const parts: [string, string][] = [];
  const perspective = view.perspective;
  if (perspective?.mode === "lens") parts.push(["lens", perspective.holder]);
  else if (perspective?.mode === "compare") {
    parts.push(["compare", PARAMS.compare.codec.encode([perspective.a, perspective.b])]);
    if (perspective.on) parts.push(["compareOn", perspective.on]);
    if (perspective.roles)
      parts.push(["compareRole", PARAMS.compareRole.codec.encode([...perspective.roles])]);
  }
  if (view.tour) {
    parts.push(["tour", view.tour.source]);
    parts.push(["step", PARAMS.step.codec.encode(view.tour.step)]);
  }
  return parts;
}
