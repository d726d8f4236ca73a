// The camera that frames a set of nodes with their labels: labels are drawn to the right of nodes
// at a fixed pixel size, so a plain bounding box of positions cuts them off at the edge. Pure math
// over framed-graph positions and pixel extents; the camera controller feeds it from sigma.
import type { CameraView } from "./explorer-state.ts";

export interface FitItem {
  /** Framed-graph position (sigma's 0..1 space). */
  x: number;
  y: number;
  /** Screen pixels: the node's radius and its label's width (0 when it has none). */
  radius: number;
  labelWidth: number;
}

export interface FitFrame {
  width: number;
  height: number;
  padding: number;
  /** Pixels per framed-graph unit at ratio 1, per axis (signed: sigma's y axis points up). */
  scaleX: number;
  scaleY: number;
  minRatio: number;
  maxRatio: number;
  /** Half the label's height, in pixels. */
  labelHalfHeight?: number;
}

interface Extent {
  low: number;
  high: number;
}

/**
 * The nodes keep at least this many pixels, or this share, of the frame's width, whichever is more;
 * labels may claim the rest. A label wider than that (on a phone, a long issue name is about as wide
 * as the screen) would otherwise keep every zoom from fitting, or squeeze the graph into a corner;
 * the labels controller puts such a label on the node's left or leaves it out.
 */
const NODE_ROOM = { pixels: 300, share: 0.55 };
/**
 * Past this many items few labels can be shown (the labels controller leaves most out), so labels may
 * claim no more than LABEL_SHARE_CROWDED of the width: the graph itself gets the room.
 */
const CROWDED = 300;
const LABEL_SHARE_CROWDED = 0.12;

function extent(items: readonly FitItem[], ratio: number, frame: FitFrame, axis: "x" | "y"): Extent {
  const scale = axis === "x" ? frame.scaleX : frame.scaleY;
  const labelHalf = frame.labelHalfHeight ?? 9;
  const usable = frame.width - 2 * frame.padding;
  const roomy = Math.max(0, usable - Math.max(NODE_ROOM.pixels, usable * NODE_ROOM.share));
  const widest = items.length > CROWDED ? Math.min(roomy, usable * LABEL_SHARE_CROWDED) : roomy;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const centre = (item[axis] * scale) / ratio;
    const before = axis === "x" ? item.radius : Math.max(item.radius, labelHalf);
    const label = Math.min(item.labelWidth, widest);
    const after = axis === "x" ? item.radius + (label > 0 ? label + 6 : 0) : before;
    low = Math.min(low, centre - before);
    high = Math.max(high, centre + after);
  }
  return { low, high };
}

/** A point the camera must look at, in framed-graph units. */
export interface FitCentre {
  x: number;
  y: number;
}

function fits(items: readonly FitItem[], ratio: number, frame: FitFrame, centre?: FitCentre): boolean {
  const x = extent(items, ratio, frame, "x");
  const y = extent(items, ratio, frame, "y");
  const halfWidth = frame.width / 2 - frame.padding;
  const halfHeight = frame.height / 2 - frame.padding;
  if (!centre) return x.high - x.low <= 2 * halfWidth && y.high - y.low <= 2 * halfHeight;
  // Around a fixed centre each side must fit in its own half of the frame.
  const cx = (centre.x * frame.scaleX) / ratio;
  const cy = (centre.y * frame.scaleY) / ratio;
  return (
    cx - x.low <= halfWidth &&
    x.high - cx <= halfWidth &&
    cy - y.low <= halfHeight &&
    y.high - cy <= halfHeight
  );
}

/**
 * The smallest ratio (closest zoom) at which every item and label fits, centred on the content,
 * or on `centre` when given (a selected node stays in the middle with its neighbours around it).
 */
export function fitCamera(items: readonly FitItem[], frame: FitFrame, centre?: FitCentre): CameraView {
  if (items.length === 0) return centre ? { ...centre, ratio: 1 } : { x: 0.5, y: 0.5, ratio: 1 };
  let low = frame.minRatio;
  let high = frame.maxRatio;
  if (!fits(items, high, frame, centre)) low = high;
  // Content shrinks as the ratio grows, so the fitting ratios form one interval: bisect its edge.
  for (let i = 0; i < 40 && high - low > 1e-4; i++) {
    const middle = (low + high) / 2;
    if (fits(items, middle, frame, centre)) high = middle;
    else low = middle;
  }
  const ratio = high;
  if (centre) return { ...centre, ratio };
  const x = extent(items, ratio, frame, "x");
  const y = extent(items, ratio, frame, "y");
  // The camera looks at the content's pixel midpoint, taken back to framed units.
  return {
    x: (((x.low + x.high) / 2) * ratio) / frame.scaleX,
    y: (((y.low + y.high) / 2) * ratio) / frame.scaleY,
    ratio,
  };
}
