// The legend, which is also the kind, relation, attribution and modality filter: every colour, shape
// and line cue is explained once, and each value is a toggle button with its visible count. Also the
// compact key over the network (the three kinds and three relations), which needs no scrolling to see.
// Wording comes from the model's tables; how attributions are drawn, from ATTRIBUTION_LOOKS. Watches
// the filters and the visible counts; dispatches the toggles. Says when the network is drawn plain
// (state/derived.ts), which leaves out the end marks, dashes, curves and claim labels the cues describe.
import {
  ATTRIBUTION_STYLES,
  ATTRIBUTIONS,
  KIND_STYLES,
  MODALITIES,
  MODALITY_STYLES,
  type Modality,
  NODE_KINDS,
  RELATION_STYLES,
  RELATIONS,
  type Term,
} from "../../model/vocabulary.ts";
import { type Derived, PLAIN_DRAWING_FROM } from "../state/derived.ts";
import type { Action, Filters } from "../state/explorer-state.ts";
import type { VisibleCounts } from "../state/filters.ts";
import { ATTRIBUTION_LOOKS } from "../state/looks.ts";
import { type Store, watch } from "../state/store.ts";
import { attributionSwatch, el, kindSwatch, relationSwatch, widthSwatch } from "./dom.ts";

interface Toggle {
  button: HTMLButtonElement;
  count: HTMLElement;
}

/**
 * The button's name is its visible text, "Actors 7", so speech input can say what it sees (WCAG 2.5.3);
 * aria-pressed says whether the value is shown.
 */
function toggleButton(swatch: Element, label: string, description: string, onClick: () => void): Toggle {
  const count = el("span", { class: "legend-count" });
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

/**
 * A modality's sample: the short mark the matrix uses (HEDGED_MARK, matrix-grid.ts) in the marker's
 * box. The details panel writes the marker out in words; a plain assertion has no mark.
 */
const MODALITY_GLYPHS: Record<Modality, string> = { asserted: "", hedged: "~", question: "?" };

function modalitySwatch(modality: Modality): HTMLElement {
  const glyph = MODALITY_GLYPHS[modality];
  return el("span", {
    class: `modality-swatch${glyph ? " modality-swatch-marked" : ""}`,
    text: glyph,
    attrs: { "aria-hidden": "true", "data-modality": modality },
  });
}

/** The four filters the legend toggles, each named by its key in Filters. */
type Facet = "kinds" | "relations" | "attributions" | "modalities";
type FacetValue<F extends Facet> = Filters[F][number];
type FacetTable<T> = { [F in Facet]: (value: FacetValue<F>) => T };

/** One row a facet, in the order the legend shows them: the heading's id and title, and the values. */
const FACETS: { [F in Facet]: { id: string; title: string; values: readonly FacetValue<F>[] } } = {
  kinds: { id: "legend-nodes", title: "Nodes", values: NODE_KINDS },
  relations: { id: "legend-claims", title: "Claims", values: RELATIONS },
  attributions: { id: "legend-attribution", title: "Who says it", values: ATTRIBUTIONS },
  modalities: { id: "legend-modality", title: "How firmly", values: MODALITIES },
};

/** Where each facet's visible counts are. */
const COUNTS = {
  kinds: "byKind",
  relations: "byRelation",
  attributions: "byAttribution",
  modalities: "byModality",
} as const satisfies Record<Facet, keyof VisibleCounts>;

/** How a value looks: the same cue the network draws. */
const SWATCHES: FacetTable<Element> = {
  kinds: (kind) => kindSwatch(kind),
  relations: relationSwatch,
  attributions: (attribution) => attributionSwatch(ATTRIBUTION_LOOKS[attribution]),
  modalities: modalitySwatch,
};

/** How a value reads: the toggle's text and its tooltip, from the model's tables. */
const TERMS: FacetTable<Term> = {
  kinds: (kind) => ({ ...KIND_STYLES[kind], label: KIND_STYLES[kind].plural }),
  relations: (relation) => RELATION_STYLES[relation],
  attributions: (attribution) => ({
    label: ATTRIBUTION_STYLES[attribution].label,
    description: `${ATTRIBUTION_STYLES[attribution].description} Drawn ${ATTRIBUTION_LOOKS[attribution].cue}.`,
  }),
  modalities: (modality) => MODALITY_STYLES[modality],
};

/** What a click on a value dispatches. */
const TOGGLES: FacetTable<Action> = {
  kinds: (kind) => ({ type: "toggleKind", kind }),
  relations: (relation) => ({ type: "toggleRelation", relation }),
  attributions: (attribution) => ({ type: "toggleAttribution", attribution }),
  modalities: (modality) => ({ type: "toggleModality", modality }),
};

/** One facet's heading and toggles, and how they follow the filters and the visible counts. */
function toggleGroup<F extends Facet>(store: Store, facet: F) {
  const { id, title, values } = FACETS[facet];
  const swatch: (value: FacetValue<F>) => Element = SWATCHES[facet];
  const term: (value: FacetValue<F>) => Term = TERMS[facet];
  const action: (value: FacetValue<F>) => Action = TOGGLES[facet];
  const toggles = new Map(
    values.map((value) => {
      const { label, description } = term(value);
      return [value, toggleButton(swatch(value), label, description, () => store.dispatch(action(value)))];
    }),
  );
  const elements = [
    el("h3", { class: "group-title", id, text: title }),
    el(
      "ul",
      { class: "legend-list", attrs: { "aria-labelledby": id } },
      ...[...toggles.values()].map((toggle) => el("li", {}, toggle.button)),
    ),
  ];
  return {
    elements,
    update(filters: Filters, counts: VisibleCounts) {
      const shown: readonly string[] = filters[facet];
      const byValue: Record<string, number> = counts[COUNTS[facet]];
      for (const [value, toggle] of toggles) {
        toggle.button.setAttribute("aria-pressed", String(shown.includes(value)));
        toggle.count.textContent = String(byValue[value] ?? 0);
      }
    },
  };
}

/** The four toggle groups: kinds, relations, attributions and modalities. */
function legendGroups(store: Store) {
  return (Object.keys(FACETS) as Facet[]).map((facet) => toggleGroup(store, facet));
}

/** The cues that are not toggles: line widths, attribution marks, hedges, heads and node sizes. */
function legendCues(sides: string): HTMLElement {
  // The attribution cues in words, from the same table the renderer draws from.
  const attributionCues = ATTRIBUTIONS.filter((attribution) => attribution !== "stated").map((attribution) =>
    el(
      "li",
      { attrs: { "data-attribution": attribution } },
      attributionSwatch(ATTRIBUTION_LOOKS[attribution]),
      el("span", {
        text: `${ATTRIBUTION_STYLES[attribution].label}: drawn ${ATTRIBUTION_LOOKS[attribution].cue}`,
      }),
    ),
  );

  return el(
    "ul",
    { class: "legend-cues", attrs: { "aria-label": "How to read the lines and sizes" } },
    el("li", {}, widthSwatch(true), el("span", { text: `Thick line: held by both ${sides}` })),
    el("li", {}, widthSwatch(false), el("span", { text: "Thin line: held by one side" })),
    ...attributionCues,
    el(
      "li",
      {},
      el("span", { class: "cue-glyph" }, modalitySwatch("hedged")),
      el("span", {
        text: `${MODALITY_STYLES.hedged.label} or ${MODALITY_STYLES.question.label.toLowerCase()}: marked “${MODALITY_STYLES.hedged.marker}” or “${MODALITY_STYLES.question.marker}” beside the claim in the details`,
      }),
    ),
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
  );
}

/**
 * The compact key drawn with the network: each kind's shape and colour and each relation's line, so a
 * newcomer reads the picture in the first seconds, before the sidebar's legend scrolls into view.
 */
export function createLegendKey(): HTMLElement {
  const item = (swatch: Element, text: string) =>
    el("li", { class: "graph-key-item" }, swatch, el("span", { text }));
  return el(
    "ul",
    { class: "graph-key", id: "graph-key", attrs: { "aria-label": "Key to the network" } },
    ...NODE_KINDS.map((kind) => item(kindSwatch(kind, 13), KIND_STYLES[kind].label)),
    ...RELATIONS.map((relation) => item(relationSwatch(relation), RELATION_STYLES[relation].label)),
  );
}

/** While the drawn network is plain: how many claims it shows, and how few would bring the cues back. */
function plainDrawingNote(store: Store, derived: Derived): HTMLElement {
  const note = el("p", { class: "hint legend-plain", id: "legend-plain", attrs: { hidden: true } });
  const count = (n: number) => n.toLocaleString("en-US");
  watch(
    store,
    (state) => ({
      plain: state.network.status === "drawn" && derived.drawing(state) === "plain",
      claims: derived.visibility(state).claims.size,
    }),
    ({ plain, claims }) => {
      note.hidden = !plain;
      note.textContent = plain
        ? `Drawn plain: ${count(claims)} claims; filter to fewer than ${count(PLAIN_DRAWING_FROM)} for end marks, dashes, curves and claim labels.`
        : "";
    },
  );
  return note;
}

/** `sides` names the two sides for the thick-line cue, e.g. "the United States and China". */
export function createLegend(store: Store, derived: Derived, sides: string) {
  const groups = legendGroups(store);
  const element = el(
    "section",
    { class: "panel-section legend", attrs: { "aria-labelledby": "legend-title" } },
    el("h2", { id: "legend-title", class: "section-title", text: "Legend and filters" }),
    el("p", { class: "hint", text: "Click an entry to hide or show it." }),
    plainDrawingNote(store, derived),
    ...groups.flatMap((group) => group.elements),
    legendCues(sides),
  );

  watch(
    store,
    (state) => ({ filters: state.filters, counts: derived.counts(derived.visibility(state)) }),
    ({ filters, counts }) => {
      for (const group of groups) group.update(filters, counts);
    },
  );
  return { element };
}
