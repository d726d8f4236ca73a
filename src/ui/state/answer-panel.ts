// What the right panel shows: the details of a selection, the trace's answer, Compare's lists, or the
// start screen (the question bank). One pure rule, so the panel, the Questions section and the tests
// agree. An item picked from Compare's lists selects its claims without leaving the lists.
import type { Derived } from "./derived.ts";
import type { ExplorerState } from "./explorer-state.ts";
import { activePick } from "./perspective.ts";

export type PanelContent = "details" | "trace" | "compare" | "start";

/** What is open besides the selection: a trace with an answer, Compare with its lists. */
export interface OpenAnswers {
  trace: boolean;
  compare: boolean;
}

export function panelContent(
  state: Pick<ExplorerState, "selection" | "perspectives">,
  open: OpenAnswers,
): PanelContent {
  if (state.selection && !activePick(state)) return "details";
  if (open.trace) return "trace";
  if (open.compare) return "compare";
  return state.selection ? "details" : "start";
}

/** What the panel shows now, and whether an answer is open behind the details. */
export function panelShows(
  state: ExplorerState,
  derived: Pick<Derived, "traceAnswer" | "layer">,
): { content: PanelContent; answerOpen: boolean } {
  const open = {
    trace: derived.traceAnswer(state.trace.query) !== null,
    compare: derived.layer(state)?.lists != null,
  };
  return { content: panelContent(state, open), answerOpen: open.trace || open.compare };
}
