// The perspective's URL parameters: `lens=actor:us`, `compare=actor:us,actor:china`,
// `tour=cns-us-china-2000&step=3`. zod-checked one by one like url.ts's; a bad value is dropped with
// a notice and the rest of the link still opens. Pure; url.ts calls these two functions.
import { z } from "zod";
import { NodeId, SLUG_PATTERN } from "../../model/schema.ts";
import type { SharedView } from "./explorer-state.ts";
import type { Perspective } from "./perspective.ts";
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

const PARAMS = {
  lens: { codec: HolderId, expected: "an actor id such as actor:us" },
  compare: { codec: CompareCodec, expected: "two actor ids such as actor:us,actor:china" },
  tour: { codec: z.string().regex(SLUG_PATTERN), expected: "a source id" },
  step: { codec: StepCodec, expected: "a step number from 1" },
} as const;

/** The parameters this module reads, so url.ts can tell an unknown parameter from a known one. */
export const PERSPECTIVE_PARAM_NAMES: readonly string[] = Object.keys(PARAMS);

/** What the graph has that these parameters may name. */
export interface PerspectiveIds {
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
      perspective = a === b ? { mode: "lens", holder: a } : { mode: "compare", a, b };
      if (a === b)
        notices.push(`compare=${quote(`${a},${b}`)} names one holder twice, so the link opens a lens on it.`);
    }
    if (lens !== undefined)
      notices.push(`Ignored lens=${quote(lens)}: a link either compares or uses a lens.`);
  } else if (lens !== undefined && !unknownHolder(lens)) {
    perspective = { mode: "lens", holder: lens };
  }
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

/** The parameters that reopen the perspective and the tour, in a fixed order. */
export function perspectiveParams(view: Pick<SharedView, "perspective" | "tour">): [string, string][] {
  const parts: [string, string][] = [];
  const perspective = view.perspective;
  if (perspective?.mode === "lens") parts.push(["lens", perspective.holder]);
  else if (perspective?.mode === "compare")
    parts.push(["compare", PARAMS.compare.codec.encode([perspective.a, perspective.b])]);
  if (view.tour) {
    parts.push(["tour", view.tour.source]);
    parts.push(["step", PARAMS.step.codec.encode(view.tour.step)]);
  }
  return parts;
}
