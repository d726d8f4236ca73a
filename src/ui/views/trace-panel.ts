// The sidebar's Questions section: the question bank (question-bank.ts), the "Stated claims only"
// switch and the form of one's own question (trace-form.ts). The answers are in the wide right panel
// (details-panel.ts). While that panel shows its start screen, which lists the questions with hints,
// the bank here is folded away. Watches what the right panel shows.
import type { SearchIndex } from "../../graph/search.ts";
import { panelShows } from "../state/answer-panel.ts";
import type { Derived } from "../state/derived.ts";
import { type Store, watch } from "../state/store.ts";
import { el } from "./dom.ts";
import { createQuestionBank } from "./question-bank.ts";
import { sidebarSection } from "./sidebar-section.ts";
import { createTraceForm } from "./trace-form.ts";
import "./trace-panel.css";

export function createTracePanel(store: Store, derived: Derived, index: SearchIndex) {
  const bank = createQuestionBank(store, derived.graph, false);
  const form = createTraceForm(store, derived.graph, index);
  const element = sidebarSection(
    "questions",
    "questions-panel",
    "Questions",
    el("p", { class: "hint", text: "Ask what an actor ties to an issue, or where the two sides differ." }),
    bank.element,
    form.statedField,
    form.form,
  );

  watch(
    store,
    (state) => panelShows(state, derived).content === "start",
    (start) => {
      bank.element.hidden = start;
      element.dataset.start = String(start);
    },
  );
  return { element };
}
