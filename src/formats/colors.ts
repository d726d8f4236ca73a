// Colours and shapes as other tools write them, and as our graph holds them: one lowercase `#rrggbb`
// (`#rrggbbaa` when not opaque) from GEXF's r, g, b and a, a hex text, or CSS rgb()/rgba(); and our four
// node shapes from GEXF's and yEd's names. Pure; the readers call these, the writers the inverses.
import { NODE_SHAPES, type NodeShape } from "../model/schema.ts";

const channel = (value: number) =>
  Math.round(Math.min(255, Math.max(0, value)))
    .toString(16)
    .padStart(2, "0");

/** `#rrggbb` from channels 0–255, with `aa` when the alpha (0–1) is below 1. */
export function hexColor(r: number, g: number, b: number, a = 1): string {
  const alpha = Math.min(1, Math.max(0, a));
  return `#${channel(r)}${channel(g)}${channel(b)}${alpha < 1 ? channel(alpha * 255) : ""}`;
}

const HEX = /^#?([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB = /^rgba?\(\s*([\d.]+%?)\s*[,\s]\s*([\d.]+%?)\s*[,\s]\s*([\d.]+%?)\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/i;

function rgbChannel(text: string): number | undefined {
  const value = Number.parseFloat(text);
  if (!Number.isFinite(value)) return undefined;
  return text.endsWith("%") ? (value / 100) * 255 : value;
}

function alphaChannel(text: string | undefined): number | undefined {
  if (text === undefined) return 1;
  const value = Number.parseFloat(text);
  if (!Number.isFinite(value)) return undefined;
  return text.endsWith("%") ? value / 100 : value;
}

/**
 * A colour text another tool wrote, as `#rrggbb` or `#rrggbbaa`: hex with or without `#` (3, 4, 6 or 8
 * digits) or CSS `rgb()`/`rgba()`. Undefined for anything else (a colour name, a typo), which the
 * readers keep as the file's own attribute rather than guess.
 */
export function parseColor(text: string): string | undefined {
  const trimmed = text.trim();
  const hex = HEX.exec(trimmed)?.[1];
  if (hex) {
    const digits = hex.length <= 4 ? [...hex].map((digit) => digit + digit).join("") : hex;
    const lower = digits.toLowerCase();
    return lower.length === 8 && lower.endsWith("ff") ? `#${lower.slice(0, 6)}` : `#${lower}`;
  }
  const rgb = RGB.exec(trimmed);
  if (!rgb) return undefined;
  const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map((part) => rgbChannel(part as string));
  const a = alphaChannel(rgb[4]);
  if (r === undefined || g === undefined || b === undefined || a === undefined) return undefined;
  return hexColor(r, g, b, a);
}

/** The channels of a colour our graph holds: r, g, b 0–255 and a 0–1 (rounded to 3 places). */
export function colorChannels(color: string): { r: number; g: number; b: number; a: number } {
  const n = (from: number) => Number.parseInt(color.slice(from, from + 2), 16);
  const a = color.length === 9 ? Math.round((n(7) / 255) * 1000) / 1000 : 1;
  return { r: n(1), g: n(3), b: n(5), a };
}

/** Shape names of GEXF (viz:shape) and yEd (y:Shape type), and ours, as our shapes. */
const SHAPE_NAMES: Readonly<Record<string, NodeShape>> = {
  disc: "circle",
  circle: "circle",
  ellipse: "circle",
  square: "square",
  rectangle: "square",
  roundrectangle: "square",
  triangle: "triangle",
  diamond: "diamond",
};

/** One of our four shapes for a shape name another tool wrote, or undefined for one we cannot draw. */
export function parseShape(text: string): NodeShape | undefined {
  const name = text.trim().toLowerCase();
  return Object.hasOwn(SHAPE_NAMES, name) ? SHAPE_NAMES[name] : undefined;
}

/** GEXF's name for each of our shapes. */
export const GEXF_SHAPES: Record<NodeShape, string> = {
  circle: "disc",
  square: "square",
  triangle: "triangle",
  diamond: "diamond",
};

export const isNodeShape = (value: unknown): value is NodeShape =>
  typeof value === "string" && (NODE_SHAPES as readonly string[]).includes(value);
