// The legend, which is also the kind and relation filter: every colour, shape and line cue is
// explained once, and each kind or relation is a toggle button with its visible count.
import { KIND_STYLES, NODE_KINDS, RELATION_STYLES, RELATIONS } from "../../model/vocabulary.ts";
import type { ExplorerState } from "../state/explorer-state.ts";
import type { VisibleCounts } from "../state/filters.ts";
import type { Store } from "../state/store.ts";
import { el, kindSwatch, relationSwatch, widthSwatch } from "./dom.ts";

interface Toggle {
  button: HTMLButtonElement;
  count: HTMLElement;
}

function toggleButton(swatch: SVGElement, label: string, description: string, onClick: () => void): Toggle {
  const count = el("span", { class: "legend-count", attrs: { "aria-hidden": "true" } });
  const button = el(
    "button",
    {
      class: "legend-toggle",
      attrs: { type: "button", "aria-pressed": "true", title: description },
      on: { click: onClick },
    },
    el("span", { class: "legend-check", attrs: { "aria-hidden": "true" } }),
    swatch,
    el("span", { class: "legend-label", text: label }),
    count,
  );
  return { button, count };
}

/** `sides` names the two sides for the thick-line cue, e.g. "the United States and China". */
export function createLegend(store: Store, sides: string) {
  const kindToggles = new Map(
    NODE_KINDS.map((kind) => [
      kind,
      toggleButton(kindSwatch(kind), KIND_STYLES[kind].plural, KIND_STYLES[kind].description, () =>
        store.dispatch({ type: "toggleKind", kind }),
      ),
    ]),
  );
  const relationToggles = new Map(
    RELATIONS.map((relation) => [
      relation,
      toggleButton(
        relationSwatch(relation),
        RELATION_STYLES[relation].label,
        RELATION_STYLES[relation].description,
        () => store.dispatch({ type: "toggleRelation", relation }),
      ),
    ]),
  );

  const element = el(
    "section",
    { class: "panel-section legend", attrs: { "aria-labelledby": "legend-title" } },
    el("h2", { id: "legend-title", class: "section-title", text: "Legend and filters" }),
    el("p", { class: "hint", text: "Click an entry to hide or show it." }),
    el("h3", { class: "group-title", id: "legend-nodes", text: "Nodes" }),
    el(
      "ul",
      { class: "legend-list", attrs: { "aria-labelledby": "legend-nodes" } },
      ...[...kindToggles.values()].map((toggle) => el("li", {}, toggle.button)),
    ),
    el("h3", { class: "group-title", id: "legend-claims", text: "Claims" }),
    el(
      "ul",
      { class: "legend-list", attrs: { "aria-labelledby": "legend-claims" } },
      ...[...relationToggles.values()].map((toggle) => el("li", {}, toggle.button)),
    ),
    el(
      "ul",
      { class: "legend-cues", attrs: { "aria-label": "How to read the lines and sizes" } },
      el("li", {}, widthSwatch(true), el("span", { text: `Thick line: held by both ${sides}` })),
      el("li", {}, widthSwatch(false), el("span", { text: "Thin line: held by one side" })),
      el(
        "li",
        {},
        el("span", { class: "cue-glyph", text: "→" }),
        el("span", { text: "Line ends point at the target" }),
      ),
      el(
        "li",
        {},
        el("span", { class: "cue-glyph", text: "◌" }),
        el("span", { text: "Bigger node: more claims. Curves: several claims between one pair" }),
      ),
    ),
  );

  return {
    element,
    update(state: ExplorerState, counts: VisibleCounts) {
      for (const [kind, toggle] of kindToggles) {
        const shown = state.filters.kinds.includes(kind);
        toggle.button.setAttribute("aria-pressed", String(shown));
        toggle.count.textContent = String(counts.byKind[kind]);
        toggle.button.setAttribute(
          "aria-label",
          `${KIND_STYLES[kind].plural}: ${shown ? `${counts.byKind[kind]} shown` : "hidden"}`,
        );
      }
      for (const [relation, toggle] of relationToggles) {
        const shown = state.filters.relations.includes(relation);
        toggle.button.setAttribute("aria-pressed", String(shown));
        toggle.count.textContent = String(counts.byRelation[relation]);
        toggle.button.setAttribute(
          "aria-label",
          `${RELATION_STYLES[relation].label}: ${shown ? `${counts.byRelation[relation]} shown` : "hidden"}`,
        );
      }
    },
  };
}
