// The Trace panel: the preset questions, the form of one's own question with the "Stated claims only"
// switch (trace-form.ts), and the answer (trace-answer.ts). Watches which preset is asked and whether
// an answer is shown; dispatches setTrace. Text reaches the DOM as text.
import type { SearchIndex } from "../../graph/search.ts";
import type { Derived } from "../state/derived.ts";
import { type Store, watch } from "../state/store.ts";
import { formValues } from "../state/trace.ts";
import { availablePresets, presetFor } from "../state/trace-presets.ts";
import { el } from "./dom.ts";
import { createTraceAnswer } from "./trace-answer.ts";
import { createTraceForm } from "./trace-form.ts";
import "./trace-panel.css";

export function createTracePanel(store: Store, derived: Derived, index: SearchIndex) {
  // Presets: one click from the start screen. The switch stays as it is: a preset asks its question
  // of the claims the switch admits.
  const presetButtons = availablePresets(derived.graph).map((preset) =>
    el(
      "button",
      {
        class: "trace-preset",
        attrs: { type: "button", "aria-pressed": "false", "data-preset": preset.id },
        on: {
          click: () => {
            const attribution = formValues(store.getState().trace).attribution ?? null;
            store.dispatch({ type: "setTrace", query: { ...preset.query, attribution } });
          },
        },
      },
      el("span", { class: "trace-preset-question", text: preset.question }),
      el("span", { class: "trace-preset-hint", text: preset.hint }),
    ),
  );
  const form = createTraceForm(store, derived.graph, index);
  const answer = createTraceAnswer(store, derived);
  const element = el(
    "section",
    { class: "panel-section trace-panel", id: "trace-panel", attrs: { "aria-labelledby": "trace-title" } },
    el("h2", { id: "trace-title", class: "section-title", text: "Questions" }),
    el("p", { class: "hint", text: "Trace what an actor ties to an issue, and on what evidence." }),
    el("div", { class: "trace-presets" }, ...presetButtons),
    form.statedField,
    form.form,
    answer.element,
  );

  watch(
    store,
    (state) => state.trace.query,
    (query) => {
      const preset = presetFor(query);
      for (const button of presetButtons)
        button.setAttribute("aria-pressed", String(button.dataset.preset === preset?.id));
    },
  );
  watch(
    store,
    (state) => derived.traceAnswer(state.trace.query) !== null,
    (active) => {
      element.dataset.active = String(active);
    },
  );
  return { element };
}
