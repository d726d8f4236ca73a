// The sidebar's Perspective section: everyone, one holder's lens, or Compare (holder A against B),
// and the legend of what the network then shows (the faded claims, or the compare roles with their
// counts). Choices come from the graph's holders; changes become setPerspective actions. Watches the
// perspective and what is visible; reads the shared lens and Compare layer (state/derived.ts).
import { type ClaimRole, PATTERN_TEXT } from "../../graph/perspectives.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import type { Derived } from "../state/derived.ts";
import { holdersOf } from "../state/holders.ts";
import { ATTRIBUTION_LOOKS, COMPARE_ROLE_STYLES, COMPARE_ROLES } from "../state/looks.ts";
import { type Perspective, switchMode } from "../state/perspective.ts";
import { type PerspectiveLayer, roleCounts } from "../state/perspective-layer.ts";
import { type Store, watch } from "../state/store.ts";
import { el } from "./dom.ts";

const SVG = "http://www.w3.org/2000/svg";

/** A line in the role's colour and width; the document's claims keep their tail mark. */
function roleSwatch(role: ClaimRole): SVGSVGElement {
  const style = COMPARE_ROLE_STYLES[role];
  const root = document.createElementNS(SVG, "svg");
  for (const [name, value] of Object.entries({ width: 36, height: 12, viewBox: "0 0 36 12" }))
    root.setAttribute(name, String(value));
  root.setAttribute("aria-hidden", "true");
  root.setAttribute("class", "swatch swatch-line");
  const line = document.createElementNS(SVG, "line");
  for (const [name, value] of Object.entries({ x1: 1, y1: 6, x2: 35, y2: 6, stroke: style.color }))
    line.setAttribute(name, String(value));
  line.setAttribute("stroke-width", String(Math.max(1.6, style.size * 1.1)));
  root.append(line);
  // Differences with sides not stated are the document's own claims, drawn with its tail mark.
  if (role === "differ-unassigned" && ATTRIBUTION_LOOKS.document.tail) {
    line.setAttribute("x1", "8");
    const dot = document.createElementNS(SVG, "circle");
    for (const [name, value] of Object.entries({ cx: 5, cy: 6, r: 3.8, fill: style.color }))
      dot.setAttribute(name, String(value));
    root.append(dot);
  }
  return root;
}

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

/** What Compare draws: each role with its count, and what rests on inferred holders, counted apart. */
function compareLegend(graph: LinkageGraph) {
  const label = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const roleParts = new Map<ClaimRole, { label: HTMLElement; count: HTMLElement }>();
  const roles = el(
    "ul",
    { class: "legend-cues compare-legend", attrs: { "aria-label": "Compare colours" } },
    ...COMPARE_ROLES.map((role) => {
      const parts = {
        label: el("span", { class: "compare-role-label" }),
        count: el("span", { class: "legend-count" }),
      };
      roleParts.set(role, parts);
      return el("li", { attrs: { "data-role": role } }, roleSwatch(role), parts.label, parts.count);
    }),
    el(
      "li",
      {},
      el("span", { class: "cue-glyph", text: "◌" }),
      el("span", { text: "Faint: held by neither" }),
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
  const show = (perspective: Extract<Perspective, { mode: "compare" }>, layer: PerspectiveLayer | null) => {
    const counts = roleCounts(layer);
    const fill = (text: string) =>
      text.replace("{a}", label(perspective.a)).replace("{b}", label(perspective.b));
    for (const [role, parts] of roleParts) {
      parts.label.textContent = fill(COMPARE_ROLE_STYLES[role].label);
      parts.label.title = fill(COMPARE_ROLE_STYLES[role].description);
      parts.count.textContent = String(counts[role]);
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
  const label = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const choice = perspectiveChoice(store, graph, holdersOf(graph));
  const lensNote = el("p", { class: "hint perspective-note" });
  const legend = compareLegend(graph);
  const element = el(
    "section",
    {
      class: "panel-section perspective",
      id: "perspective",
      attrs: { "aria-labelledby": "perspective-title" },
    },
    el("h2", { id: "perspective-title", class: "section-title", text: "Perspective" }),
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
