// A Compare role's sample line, in its colour and width from state/looks.ts, for the Compare legend
// and for the side names in Compare's lists. The document's claims keep their tail mark. Builds SVG
// through createElementNS only.
import type { ClaimRole } from "../../graph/perspectives.ts";
import { ATTRIBUTION_LOOKS, COMPARE_ROLE_STYLES } from "../state/looks.ts";

const SVG = "http://www.w3.org/2000/svg";

function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/** A line in the role's colour and width; a difference with sides not stated starts with a dot. */
export function roleSwatch(role: ClaimRole): SVGSVGElement {
  const style = COMPARE_ROLE_STYLES[role];
  const root = svgElement("svg", { width: 36, height: 12, viewBox: "0 0 36 12", "aria-hidden": "true" });
  root.setAttribute("class", "swatch swatch-line");
  const dotted = role === "differ-unassigned" && ATTRIBUTION_LOOKS.document.tail !== null;
  root.append(
    svgElement("line", {
      x1: dotted ? 8 : 1,
      y1: 6,
      x2: 35,
      y2: 6,
      stroke: style.color,
      "stroke-width": Math.max(1.6, style.size * 1.1),
    }),
  );
  if (dotted) root.append(svgElement("circle", { cx: 5, cy: 6, r: 3.8, fill: style.color }));
  return root;
}
