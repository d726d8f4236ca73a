// The frame every answer of the right panel shares (the trace's, Compare's): a kicker naming what
// answers, the question as the heading, a close button, the answer in words, the brief's Download and
// Copy buttons (brief-actions.ts), then the answer's own parts. It remembers the answer shown, so the
// brief is written from it when a button is pressed. Builders only; the caller fills the parts.
import { type Brief, briefActions } from "./brief-actions.ts";
import { el } from "./dom.ts";

/**
 * The frame, hidden until `show` gets an answer. `kicker` ("Trace", "Compare") names the answer, its
 * section (`trace-panel`), its brief and its close button; `briefOf` writes the brief of the answer
 * shown; `parts` go under the answer, the first above the brief's buttons.
 */
export function answerFrame<A>(
  kicker: string,
  briefOf: (answer: A) => Brief,
  close: () => void,
  ...parts: HTMLElement[]
) {
  let shown: A | null = null;
  const id = `${kicker.toLowerCase()}-panel`;
  const question = el("h2", { class: "answer-question", id: `${id}-question` });
  const sentence = el("p", { class: "answer-sentence", id: `${id}-sentence` });
  const body = el("div", { class: "answer-body" });
  const brief = briefActions(`${kicker.toLowerCase()} brief`, () => (shown ? briefOf(shown) : null));
  const element = el(
    "section",
    { class: "answer-panel", id, attrs: { hidden: true, "aria-labelledby": `${id}-question` } },
    el(
      "div",
      { class: "answer-head" },
      el("p", { class: "answer-kicker", text: kicker }),
      question,
      el("button", {
        class: "notice-close answer-close",
        text: "×",
        attrs: { type: "button", "aria-label": `Close ${kicker}` },
        on: { click: close },
      }),
    ),
    sentence,
    ...parts.slice(0, 1),
    ...brief.elements,
    ...parts.slice(1),
    body,
  );
  return {
    element,
    question,
    sentence,
    body,
    /** Shows an answer (the caller fills the question, sentence and body), or hides the frame. */
    show(answer: A | null) {
      shown = answer;
      brief.clear();
      element.hidden = answer === null;
    },
  };
}
