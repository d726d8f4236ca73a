// The question bank as links: each question is the address of its answer (a trace or a comparison,
// through url.ts's linkQuery), and a plain click asks it in place (askQuestion). The start screen
// lists it with hints; the Questions section lists it compact. Watches which question is open.
import type { LinkageGraph } from "../../graph/types.ts";
import { DEFAULT_FILTERS, type SharedView } from "../state/explorer-state.ts";
import { availableQuestions, openQuestion, type Question, questionHint } from "../state/questions.ts";
import { type Store, watch } from "../state/store.ts";
import { linkQuery } from "../state/url.ts";
import { el } from "./dom.ts";

/** The view a question's link opens: the plain explorer with the question's trace or comparison. */
function questionView(question: Question): SharedView {
  const plain: SharedView = { selection: null, filters: DEFAULT_FILTERS, view: "graph", camera: null };
  return question.kind === "trace"
    ? { ...plain, trace: question.query }
    : { ...plain, perspective: question.perspective };
}

export function createQuestionBank(store: Store, graph: LinkageGraph, withHints: boolean) {
  const links = availableQuestions(graph).map((question) =>
    el(
      "a",
      {
        class: "question-link",
        attrs: { href: linkQuery(questionView(question)) || "?", "data-question": question.id },
        on: {
          click: (event) => {
            // A click with a modifier opens the link elsewhere, as any link does.
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            store.dispatch({ type: "askQuestion", id: question.id });
          },
        },
      },
      el("span", { class: "question-text", text: question.text }),
      withHints ? el("span", { class: "question-hint", text: questionHint(graph, question) }) : null,
    ),
  );
  const element = el(
    "ul",
    {
      class: `question-bank${withHints ? "" : " question-bank-compact"}`,
      attrs: { "aria-label": "Questions" },
    },
    ...links.map((link) => el("li", {}, link)),
  );
  watch(
    store,
    (state) => openQuestion(state)?.id ?? null,
    (open) => {
      for (const link of links) {
        if (link.dataset.question === open) link.setAttribute("aria-current", "true");
        else link.removeAttribute("aria-current");
      }
    },
  );
  return { element };
}
