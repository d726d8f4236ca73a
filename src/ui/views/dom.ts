// The one way views make DOM: elements from createElement, text from text nodes, never HTML
// strings, so text from graph-data can never become markup. Also the SVG swatches of the legend.
// Reads the model's look tables only; no state, no sigma.
import {
  KIND_STYLES,
  type NodeKind,
  RELATION_STYLES,
  RELATIONS,
  type Relation,
} from "../../model/vocabulary.ts";

type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  text?: string;
  /** Attributes, including aria-* and data-*; false or null leaves one out. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

export function setAttributes(
  element: Element,
  attrs: Record<string, string | number | boolean | null | undefined>,
): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) element.removeAttribute(name);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  if (props.id) element.id = props.id;
  if (props.attrs) setAttributes(element, props.attrs);
  if (props.text !== undefined) element.textContent = props.text;
  for (const [type, listener] of Object.entries(props.on ?? {})) {
    element.addEventListener(type, listener as EventListener);
  }
  append(element, children);
  return element;
}

export function append(parent: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === "number" ? String(child) : child);
  }
}

const SVG = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  return element;
}

/** Outline of each node shape in a 16×16 box; keyed by the shape names KIND_STYLES uses. */
const SHAPE_OUTLINES: Record<(typeof KIND_STYLES)[NodeKind]["shape"], () => SVGElement> = {
  circle: () => svg("circle", { cx: 8, cy: 8, r: 6.5 }),
  square: () => svg("rect", { x: 2, y: 2, width: 12, height: 12, rx: 2 }),
  triangle: () => svg("polygon", { points: "8,1.5 14.8,14 1.2,14" }),
  diamond: () => svg("polygon", { points: "8,1 15,8 8,15 1,8" }),
};

export function kindSwatch(kind: NodeKind, size = 16): SVGSVGElement {
  const style = KIND_STYLES[kind];
  const root = svg("svg", { width: size, height: size, viewBox: "0 0 16 16", "aria-hidden": "true" });
  root.setAttribute("class", "swatch");
  const shape = SHAPE_OUTLINES[style.shape]();
  shape.setAttribute("fill", style.color);
  root.append(shape);
  return root;
}

/** End marks drawn at x=30 of a 36×12 box; keyed by RELATION_STYLES' head names. */
const HEAD_MARKS: Record<(typeof RELATION_STYLES)[Relation]["head"], () => SVGElement> = {
  arrow: () => svg("polygon", { points: "27,1.5 35,6 27,10.5" }),
  bar: () => svg("rect", { x: 31, y: 0.5, width: 3, height: 11 }),
  circle: () => svg("circle", { cx: 31, cy: 6, r: 4 }),
  diamond: () => svg("polygon", { points: "25,6 30,1.5 35,6 30,10.5" }),
};

/** How an attribution redraws a relation's line (ATTRIBUTION_LOOKS); absent draws it plainly. */
export interface SwatchLook {
  color: string | null;
  opacity: number;
  tail: string | null;
}

export function relationSwatch(relation: Relation, thick = false, look?: SwatchLook): SVGSVGElement {
  const style = RELATION_STYLES[relation];
  const color = look?.color ?? style.color;
  const root = svg("svg", { width: 36, height: 12, viewBox: "0 0 36 12", "aria-hidden": "true" });
  root.setAttribute("class", "swatch swatch-line");
  const line = svg("line", {
    x1: look?.tail ? 7 : 1,
    y1: 6,
    x2: 28,
    y2: 6,
    stroke: color,
    "stroke-width": thick ? 4 : 2,
  });
  if (style.dash > 0) line.setAttribute("stroke-dasharray", `${style.dash} 3`);
  const head = HEAD_MARKS[style.head]();
  head.setAttribute("fill", color);
  root.append(line, head);
  if (look?.tail) root.append(svg("circle", { cx: 4, cy: 6, r: 3.2, fill: color }));
  if (look && look.opacity < 1) root.setAttribute("opacity", String(look.opacity));
  return root;
}

/**
 * A claim line as its attribution draws it (ATTRIBUTION_LOOKS): a look without a colour of its own
 * keeps the relation's, so its sample runs through the three relation colours.
 */
export function attributionSwatch(look: SwatchLook): SVGSVGElement {
  const root = svg("svg", { width: 36, height: 12, viewBox: "0 0 36 12", "aria-hidden": "true" });
  root.setAttribute("class", "swatch swatch-line");
  const colours = look.color ? [look.color] : RELATIONS.map((relation) => RELATION_STYLES[relation].color);
  const start = look.tail ? 8 : 1;
  const step = (34 - start) / colours.length;
  colours.forEach((colour, i) => {
    root.append(
      svg("line", {
        x1: start + i * step,
        y1: 6,
        x2: start + (i + 1) * step,
        y2: 6,
        stroke: colour,
        "stroke-width": 2.6,
        "stroke-opacity": look.opacity,
      }),
    );
  });
  if (look.tail) {
    root.append(
      svg("circle", { cx: 5, cy: 6, r: 3.6, fill: look.color ?? "#475569", "fill-opacity": look.opacity }),
    );
  }
  return root;
}

/** A neutral thick-versus-thin sample for the "held by both sides" cue. */
export function widthSwatch(thick: boolean): SVGSVGElement {
  const root = svg("svg", { width: 36, height: 12, viewBox: "0 0 36 12", "aria-hidden": "true" });
  root.setAttribute("class", "swatch swatch-line");
  root.append(
    svg("line", { x1: 1, y1: 6, x2: 35, y2: 6, stroke: "#475569", "stroke-width": thick ? 4.5 : 1.8 }),
  );
  return root;
}
