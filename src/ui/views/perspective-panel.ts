// The sidebar's Perspective section: everyone, one holder's lens, or Compare (holder A against B),
// and the legend of what the network then shows (the faded claims, or the compare roles with their
// counts). Each role's row is a toggle: a role turned off fades on the network and leaves Compare's
// lists (toggleCompareRole). Choices come from the graph's holders; changes become setPerspective
// actions. Watches the perspective and what is visible; reads the shared lens and Compare layer.
import { type ClaimRole, PATTERN_TEXT } from "../../graph/perspectives.ts";
import { labelOf } from "../../graph/sentences.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import type { Derived } from "../state/derived.ts";
import { holdersOf } from "../state/holders.ts";
import { COMPARE_ROLE_STYLES, COMPARE_ROLES } from "../state/looks.ts";
import { type ComparePerspective, type Perspective, switchMode } from "../state/perspective.ts";
import { type PerspectiveLayer, roleCounts, roleLabel } from "../state/perspective-layer.ts";
import { type Store, watch } from "../state/store.ts";
import { roleSwatch } from "./compare-swatch.ts";
import { el } from "./dom.ts";
import { sidebarSection } from "./sidebar-section.ts";

const MODES: { mode: Perspective["mode"]; text: string; title: string }[] = [
  { mode: "off", text: "Everyone", title: "Show every claim alike" },
  { mode: "lens", text: "Lens", title: "Fade the claims one holder does not hold" },
  { mode: "compare", text: "Compare", title: "Colour claims by where two holders agree and disagree" },
];

/** The mode switch and the holder choices: everything here dispatches setPerspective. */
function perspectiveChoice(store: Store, graph: LinkageGraph, holders: readonly string[]) {
  const label = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const current = () => store.getState().perspectives.perspective;
  const set = (perspective: Perspective | null) => {
    if (perspective) store.dispatch({ type: "setPerspective", perspective });
  };
  const holderSelect = (id: string, text: string, onChange: (value: string) => void) => {
    const select = el(
      "select",
      { id, on: { change: () => onChange(select.value) } },
      ...holders.map((holder) => el("option", { text: label(holder), attrs: { value: holder } })),
    );
    return {
      select,
      field: el("div", { class: "field" }, el("label", { text, attrs: { for: id } }), select),
    };
  };
  const other = (holder: string) => holders.find((h) => h !== holder) ?? holder;
  const lens = holderSelect("perspective-lens", "Through the eyes of", (holder) =>
    set({ mode: "lens", holder }),
  );
  const holderA = holderSelect("perspective-a", "Compare", (a) => {
    const p = current();
    set({ mode: "compare", a, b: p.mode === "compare" ? p.b : other(a) });
  });
  const holderB = holderSelect("perspective-b", "with", (b) => {
    const p = current();
    set({ mode: "compare", a: p.mode === "compare" ? p.a : other(b), b });
  });
  const buttons = MODES.map(({ mode, text, title }) =>
    el("button", {
      class: "switch-button",
      text,
      attrs: { type: "button", "aria-pressed": "false", "data-perspective": mode, title },
      on: { click: () => set(switchMode(mode, current(), holders)) },
    }),
  );
  const [, lensButton, compareButton] = buttons;
  if (compareButton && holders.length < 2) compareButton.disabled = true;
  if (lensButton && holders.length < 1) lensButton.disabled = true;

  const elements = [
    el(
      "div",
      { class: "view-switch perspective-switch", attrs: { role: "group", "aria-label": "Perspective" } },
      ...buttons,
    ),
    lens.field,
    holderA.field,
    holderB.field,
  ];
  const show = (perspective: Perspective) => {
    for (const button of buttons)
      button.setAttribute("aria-pressed", String(button.dataset.perspective === perspective.mode));
    lens.field.hidden = perspective.mode !== "lens";
    holderA.field.hidden = perspective.mode !== "compare";
    holderB.field.hidden = perspective.mode !== "compare";
    if (perspective.mode === "lens") lens.select.value = perspective.holder;
    if (perspective.mode === "compare") {
      holderA.select.value = perspective.a;
      holderB.select.value = perspective.b;
    }
  };
  return { elements, show };
}

/** What Compare draws: each role with its count, a toggle; what rests on inferred holders, counted apart. */
function compareLegend(store: Store, graph: LinkageGraph) {
  const label = (id: string) => labelOf(graph, id);
  const roleParts = new Map<
    ClaimRole,
    { button: HTMLButtonElement; label: HTMLElement; count: HTMLElement }
  >();
  const roles = el(
    "ul",
    {
      class: "legend-cues compare-legend",
      attrs: { "aria-label": "Compare colours: click one to show or fade it" },
    },
    ...COMPARE_ROLES.map((role) => {
      const parts = {
        label: el("span", { class: "compare-role-label" }),
        count: el("span", { class: "legend-count" }),
      };
      const button = el(
        "button",
        {
          class: "legend-toggle compare-role-toggle",
          attrs: { type: "button", "aria-pressed": "true" },
          on: { click: () => store.dispatch({ type: "toggleCompareRole", role }) },
        },
        el("span", { class: "legend-check", attrs: { "aria-hidden": "true" } }),
        roleSwatch(role),
        parts.label,
        parts.count,
      );
      roleParts.set(role, { ...parts, button });
      return el("li", { attrs: { "data-role": role } }, button);
    }),
    el(
      "li",
      {},
      el("span", { class: "cue-glyph", text: "◌" }),
      el("span", { text: "Faint: held by neither, or a role turned off" }),
    ),
  );
  const inferredList = el("ul", { class: "legend-cues compare-inferred-list" });
  const inferred = el(
    "div",
    { class: "compare-inferred", attrs: { "aria-labelledby": "compare-inferred-title" } },
    el("h3", { class: "group-title", id: "compare-inferred-title", text: "Resting on inferred holders" }),
    el("p", {
      class: "hint",
      text: "Kept apart from the counts above: at least one claim's holders are our reading, not the document's words. Those claims are drawn lighter.",
    }),
    inferredList,
  );
  const show = (perspective: ComparePerspective, layer: PerspectiveLayer | null) => {
    const counts = roleCounts(layer);
    const sides = layer?.sides ?? ([perspective.a, perspective.b] as const);
    const named = (text: string) => text.replace("{a}", label(sides[0])).replace("{b}", label(sides[1]));
    // The button's name is its visible text, as the legend's are (WCAG 2.5.3); aria-pressed says if it shows.
    for (const [role, parts] of roleParts) {
      parts.label.textContent = roleLabel(role, sides, label);
      parts.button.title = named(COMPARE_ROLE_STYLES[role].description);
      parts.count.textContent = String(counts[role]);
      parts.button.setAttribute(
        "aria-pressed",
        String(!perspective.roles || perspective.roles.includes(role)),
      );
    }
    const patterns = [...(layer?.inferred ?? [])];
    inferredList.replaceChildren(
      ...(patterns.length
        ? patterns.map(([pattern, count]) =>
            el(
              "li",
              { attrs: { "data-pattern": pattern } },
              el("span", { class: "compare-role-label", text: PATTERN_TEXT[pattern].title }),
              el("span", { class: "legend-count", text: String(count) }),
            ),
          )
        : [el("li", { text: "None: every agreement and disagreement here is stated." })]),
    );
  };
  return { elements: [roles, inferred], show };
}

export function createPerspectivePanel(store: Store, derived: Derived) {
  const { graph } = derived;
  const label = (id: string) => labelOf(graph, id);
  const choice = perspectiveChoice(store, graph, holdersOf(graph));
  const lensNote = el("p", { class: "hint perspective-note" });
  const legend = compareLegend(store, graph);
  const element = sidebarSection(
    "perspective",
    "perspective",
    "Perspective",
    ...choice.elements,
    lensNote,
    ...legend.elements,
  );

  watch(
    store,
    (state) => ({ perspective: state.perspectives.perspective, visibility: derived.visibility(state) }),
    ({ perspective, visibility }) => {
      choice.show(perspective);
      for (const part of legend.elements) part.hidden = perspective.mode !== "compare";
      lensNote.hidden = perspective.mode === "compare";
      const layer = derived.perspectives.layer(perspective, visibility);
      if (perspective.mode === "compare") legend.show(perspective, layer);
      else if (perspective.mode === "lens")
        lensNote.textContent = layer
          ? `Full strength: the ${layer.claims.size} claims ${label(perspective.holder)} holds, alone or jointly. Faint: everyone else's.`
          : "";
      else lensNote.textContent = "Every claim is drawn alike. A lens fades what one holder does not claim.";
    },
  );
  return { element };
}
