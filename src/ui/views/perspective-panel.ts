// The sidebar's Perspective section: everyone, one holder's lens, or Compare (holder A against B),
// and the legend of what the network then shows (the faded claims, or the compare roles with their
// counts). Choices come from the graph's holders; changes become setPerspective actions.
import { type ClaimRole, PATTERN_TEXT } from "../../graph/perspectives.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { ATTRIBUTION_LOOKS } from "../controllers/attribution-styles.ts";
import { COMPARE_ROLE_STYLES, COMPARE_ROLES } from "../controllers/perspective-styles.ts";
import type { ExplorerState } from "../state/explorer-state.ts";
import type { Visibility } from "../state/filters.ts";
import { SIDES } from "../state/holders.ts";
import { DEFAULT_COMPARE, type Perspective } from "../state/perspective.ts";
import { createPerspectiveCache, roleCounts } from "../state/perspective-layer.ts";
import type { Store } from "../state/store.ts";
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

/** Actors that hold at least one claim: the two sides first, then by name. */
export function holdersOf(graph: LinkageGraph): string[] {
  const holders = new Set<string>();
  graph.forEachEdge((_claim, attributes) => {
    for (const holder of attributes.heldBy) holders.add(holder);
  });
  const label = (id: string) => graph.getNodeAttribute(id, "label");
  const side = (id: string) => {
    const i = SIDES.indexOf(id as (typeof SIDES)[number]);
    return i < 0 ? SIDES.length : i;
  };
  return [...holders]
    .filter((id) => graph.hasNode(id) && graph.getNodeAttribute(id, "kind") === "actor")
    .sort((a, b) => side(a) - side(b) || label(a).localeCompare(label(b)));
}

/** The default comparison when the graph has both sides, else its first two holders. */
export function defaultCompare(holders: readonly string[]): Perspective | null {
  if (
    DEFAULT_COMPARE.mode === "compare" &&
    holders.includes(DEFAULT_COMPARE.a) &&
    holders.includes(DEFAULT_COMPARE.b)
  )
    return DEFAULT_COMPARE;
  const [a, b] = holders;
  return a && b ? { mode: "compare", a, b } : null;
}

export function createPerspectivePanel(store: Store, graph: LinkageGraph) {
  const holders = holdersOf(graph);
  const label = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const cache = createPerspectiveCache(graph);
  const set = (perspective: Perspective) => store.dispatch({ type: "setPerspective", perspective });

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

  const current = () => store.getState().perspectives.perspective;
  const lensHolder = holderSelect("perspective-lens", "Through the eyes of", (holder) =>
    set({ mode: "lens", holder }),
  );
  const holderA = holderSelect("perspective-a", "Compare", (a) => {
    const p = current();
    set({ mode: "compare", a, b: p.mode === "compare" ? p.b : (holders.find((h) => h !== a) ?? a) });
  });
  const holderB = holderSelect("perspective-b", "with", (b) => {
    const p = current();
    set({ mode: "compare", a: p.mode === "compare" ? p.a : (holders.find((h) => h !== b) ?? b), b });
  });

  const modeButton = (mode: Perspective["mode"], text: string, title: string) =>
    el("button", {
      class: "switch-button",
      text,
      attrs: { type: "button", "aria-pressed": "false", "data-perspective": mode, title },
      on: {
        click: () => {
          const p = current();
          if (mode === "off") set({ mode: "off" });
          else if (mode === "lens")
            set({ mode: "lens", holder: p.mode === "compare" ? p.a : (holders[0] ?? "") });
          else {
            const fallback = defaultCompare(holders);
            if (p.mode === "lens") {
              const b =
                fallback?.mode === "compare" && fallback.a !== p.holder
                  ? fallback.a
                  : holders.find((h) => h !== p.holder);
              if (b) set({ mode: "compare", a: p.holder, b });
            } else if (fallback) set(fallback);
          }
        },
      },
    });
  const buttons = {
    off: modeButton("off", "Everyone", "Show every claim alike"),
    lens: modeButton("lens", "Lens", "Fade the claims one holder does not hold"),
    compare: modeButton("compare", "Compare", "Colour claims by where two holders agree and disagree"),
  };
  if (holders.length < 2) buttons.compare.disabled = true;
  if (holders.length < 1) buttons.lens.disabled = true;

  const lensNote = el("p", { class: "hint perspective-note" });
  const roleCountsEl = new Map<ClaimRole, { label: HTMLElement; count: HTMLElement }>();
  const compareLegend = el(
    "ul",
    { class: "legend-cues compare-legend", attrs: { "aria-label": "Compare colours" } },
    ...COMPARE_ROLES.map((role) => {
      const labelEl = el("span", { class: "compare-role-label" });
      const count = el("span", { class: "legend-count" });
      roleCountsEl.set(role, { label: labelEl, count });
      return el("li", { attrs: { "data-role": role } }, roleSwatch(role), labelEl, count);
    }),
    el(
      "li",
      {},
      el("span", { class: "cue-glyph", text: "◌" }),
      el("span", { text: "Faint: held by neither" }),
    ),
  );

  // Items resting on inferred holders: counted apart from what the document states, by pattern.
  const inferredList = el("ul", { class: "legend-cues compare-inferred-list" });
  const inferredBox = el(
    "div",
    { class: "compare-inferred", attrs: { "aria-labelledby": "compare-inferred-title" } },
    el("h3", { class: "group-title", id: "compare-inferred-title", text: "Resting on inferred holders" }),
    el("p", {
      class: "hint",
      text: "Kept apart from the counts above: at least one claim's holders are our reading, not the document's words. Those claims are drawn lighter.",
    }),
    inferredList,
  );

  const element = el(
    "section",
    {
      class: "panel-section perspective",
      id: "perspective",
      attrs: { "aria-labelledby": "perspective-title" },
    },
    el("h2", { id: "perspective-title", class: "section-title", text: "Perspective" }),
    el(
      "div",
      { class: "view-switch perspective-switch", attrs: { role: "group", "aria-label": "Perspective" } },
      buttons.off,
      buttons.lens,
      buttons.compare,
    ),
    lensHolder.field,
    holderA.field,
    holderB.field,
    lensNote,
    compareLegend,
    inferredBox,
  );

  let shown: { perspective: Perspective; visibility: Visibility } | null = null;
  return {
    element,
    update(state: ExplorerState, visibility: Visibility) {
      const perspective = state.perspectives.perspective;
      if (shown?.perspective === perspective && shown.visibility === visibility) return;
      shown = { perspective, visibility };
      for (const [mode, button] of Object.entries(buttons))
        button.setAttribute("aria-pressed", String(perspective.mode === mode));
      lensHolder.field.hidden = perspective.mode !== "lens";
      holderA.field.hidden = perspective.mode !== "compare";
      holderB.field.hidden = perspective.mode !== "compare";
      compareLegend.hidden = perspective.mode !== "compare";
      inferredBox.hidden = perspective.mode !== "compare";
      lensNote.hidden = perspective.mode === "compare";
      const layer = cache.layer(perspective, visibility);
      if (perspective.mode === "lens") {
        lensHolder.select.value = perspective.holder;
        lensNote.textContent = layer
          ? `Full strength: the ${layer.claims.size} claims ${label(perspective.holder)} holds, alone or jointly. Faint: everyone else's.`
          : "";
      } else if (perspective.mode === "compare") {
        holderA.select.value = perspective.a;
        holderB.select.value = perspective.b;
        const counts = roleCounts(layer);
        const names = { a: label(perspective.a), b: label(perspective.b) };
        const fill = (text: string) => text.replace("{a}", names.a).replace("{b}", names.b);
        for (const [role, parts] of roleCountsEl) {
          const style = COMPARE_ROLE_STYLES[role];
          parts.label.textContent = fill(style.label);
          parts.label.title = fill(style.description);
          parts.count.textContent = String(counts[role]);
        }
        const inferred = [...(layer?.inferred ?? [])];
        inferredList.replaceChildren(
          ...(inferred.length
            ? inferred.map(([pattern, count]) =>
                el(
                  "li",
                  { attrs: { "data-pattern": pattern } },
                  el("span", { class: "compare-role-label", text: PATTERN_TEXT[pattern].title }),
                  el("span", { class: "legend-count", text: String(count) }),
                ),
              )
            : [el("li", { text: "None: every agreement and disagreement here is stated." })]),
        );
      } else {
        lensNote.textContent = "Every claim is drawn alike. A lens fades what one holder does not claim.";
      }
    },
  };
}
