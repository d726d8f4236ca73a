// SVG of a drawn view, from a plain description of what is on screen (the "scene"): nodes as vector
// shapes, claims as lines or curves with their end marks (head and tail, sized from the line's width
// as sigma sizes them), labels as <text>. Pure and DOM-free; the explorer's scene controller fills the
// scene from sigma's display data, in viewport pixels.

export type SceneShape = "circle" | "square" | "triangle" | "diamond";
export type SceneHead = "arrow" | "bar" | "circle" | "diamond" | "none";

export interface SceneNode {
  id: string;
  x: number;
  y: number;
  /** Radius in pixels. */
  size: number;
  shape: SceneShape;
  color: string;
  /** 1 for normal, lower for dimmed. */
  opacity: number;
  /** Null when the view shows no label for this node. */
  label: string | null;
  labelColor: string;
  labelSize: number;
}

export interface SceneClaim {
  id: string;
  source: { x: number; y: number };
  target: { x: number; y: number };
  /** Radius of the target node, so the end mark sits on its rim rather than under it. */
  targetSize: number;
  /** Radius of the source node, so a tail mark sits on its rim; absent counts as 0. */
  sourceSize?: number;
  /** Sideways bend as a fraction of the claim's length; 0 draws a straight line. */
  curvature: number;
  color: string;
  width: number;
  /** Dash length in pixels; 0 draws a solid line. */
  dash: number;
  head: SceneHead;
  /** The mark at the claim's start (the document's own claims have a dot there); absent is none. */
  tail?: SceneHead;
  /** 1 for normal; lower for a lighter claim (an inferred holder) or a dimmed one, marks included. */
  opacity: number;
  label: string | null;
}

export interface Scene {
  width: number;
  height: number;
  background: string;
  /** Label font family and weight, as the renderer uses them. */
  fontFamily: string;
  fontWeight: string;
  title?: string;
  /** In drawing order: first drawn first. */
  claims: SceneClaim[];
  nodes: SceneNode[];
}

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Colours go into attributes; anything that is not a plain colour token becomes grey. */
function colour(value: string): string {
  return /^(#[0-9a-f]{3,8}|[a-z]+|rgba?\([\d.,\s%]+\))$/i.test(value.trim()) ? value.trim() : "#94a3b8";
}

const NODE_SHAPES: Record<SceneShape, (node: SceneNode) => string> = {
  circle: (n) => `<circle cx="${round(n.x)}" cy="${round(n.y)}" r="${round(n.size)}"`,
  square: (n) => {
    const side = n.size * 1.6;
    return `<rect x="${round(n.x - side / 2)}" y="${round(n.y - side / 2)}" width="${round(side)}" height="${round(side)}" rx="${round(side * 0.15)}"`;
  },
  triangle: (n) => {
    const r = n.size * 1.15;
    const points = [-90, 30, 150].map((deg) => {
      const a = (deg * Math.PI) / 180;
      return `${round(n.x + r * Math.cos(a))},${round(n.y + r * Math.sin(a))}`;
    });
    return `<polygon points="${points.join(" ")}"`;
  },
  diamond: (n) => {
    const r = n.size * 1.2;
    return `<polygon points="${round(n.x)},${round(n.y - r)} ${round(n.x + r)},${round(n.y)} ${round(n.x)},${round(n.y + r)} ${round(n.x - r)},${round(n.y)}"`;
  },
};

/**
 * End marks as the explorer's sigma program draws them (src/ui/controllers/styles.ts, HEADS): a length
 * along the line and a width across it, each in line widths. `bar` is sigma's default bar.
 */
export const HEAD_SIZES: Record<Exclude<SceneHead, "none">, { length: number; width: number }> = {
  arrow: { length: 4.5, width: 3.6 },
  bar: { length: 0.75, width: 4 },
  circle: { length: 4.5, width: 4.5 },
  diamond: { length: 4.5, width: 3.4 },
};

type Point = { x: number; y: number };
const at = (p: Point) => `${round(p.x)},${round(p.y)}`;
const along = (p: Point, dir: Point, d: number): Point => ({ x: p.x + dir.x * d, y: p.y + dir.y * d });
const unit = (from: Point, to: Point): Point => {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  return { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
};

/** A mark's outline, its tip at `tip`, pointing along `dir`: `length` long and `width` across. */
const MARK_SHAPES: Record<
  Exclude<SceneHead, "none">,
  (tip: Point, dir: Point, length: number, width: number) => string
> = {
  arrow: (tip, dir, length, width) => {
    const base = along(tip, dir, -length);
    const side = { x: -dir.y * (width / 2), y: dir.x * (width / 2) };
    return `<path d="M${at(tip)} L${at({ x: base.x + side.x, y: base.y + side.y })} L${at({ x: base.x - side.x, y: base.y - side.y })} Z"`;
  },
  bar: (tip, dir, length, width) => {
    const base = along(tip, dir, -length);
    const side = { x: -dir.y * (width / 2), y: dir.x * (width / 2) };
    const corners = [
      { x: base.x + side.x, y: base.y + side.y },
      { x: tip.x + side.x, y: tip.y + side.y },
      { x: tip.x - side.x, y: tip.y - side.y },
      { x: base.x - side.x, y: base.y - side.y },
    ];
    return `<path d="M${corners.map(at).join(" L")} Z"`;
  },
  circle: (tip, dir, length) => {
    const centre = along(tip, dir, -length / 2);
    return `<circle cx="${round(centre.x)}" cy="${round(centre.y)}" r="${round(length / 2)}"`;
  },
  diamond: (tip, dir, length, width) => {
    const back = along(tip, dir, -length);
    const middle = along(tip, dir, -length / 2);
    const side = { x: -dir.y * (width / 2), y: dir.x * (width / 2) };
    return `<path d="M${at(tip)} L${at({ x: middle.x + side.x, y: middle.y + side.y })} L${at(back)} L${at({ x: middle.x - side.x, y: middle.y - side.y })} Z"`;
  },
};

interface ClaimGeometry {
  d: string;
  mid: Point;
  /** Where each end mark's tip is and which way it points (the tail's away from the target). */
  head?: { tip: Point; dir: Point; length: number; width: number };
  tail?: { tip: Point; dir: Point; length: number; width: number };
}

/**
 * The line of a claim and its end marks, as sigma draws them: the line runs from the source's rim
 * (its centre when there is no tail mark) to the target's rim; each mark is sized from the line's
 * width, and the line stops where a mark begins. On a line too short for both marks they shrink
 * together, as sigma's do.
 */
function claimGeometry(claim: SceneClaim): ClaimGeometry {
  const { source: s, target: t } = claim;
  const length = Math.hypot(t.x - s.x, t.y - s.y) || 1;
  const straight = claim.curvature === 0;
  const control: Point = straight
    ? { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 }
    : {
        x: (s.x + t.x) / 2 - ((t.y - s.y) / length) * claim.curvature * length,
        y: (s.y + t.y) / 2 + ((t.x - s.x) / length) * claim.curvature * length,
      };
  // The directions in which the line leaves the source and reaches the target.
  const startDir = unit(s, straight ? t : control);
  const endDir = unit(straight ? s : control, t);
  const head = claim.head === "none" ? undefined : HEAD_SIZES[claim.head];
  const tailKind = claim.tail ?? "none";
  const tail = tailKind === "none" ? undefined : HEAD_SIZES[tailKind];
  const end = along(t, endDir, -Math.min(claim.targetSize, length / 2));
  const start = tail ? along(s, startDir, Math.min(claim.sourceSize ?? 0, length / 2)) : s;
  const room = Math.hypot(end.x - start.x, end.y - start.y);
  const needed = ((head?.length ?? 0) + (tail?.length ?? 0)) * claim.width;
  const scale = needed > room && needed > 0 ? room / needed : 1;
  const geometry: ClaimGeometry = {
    d: "",
    mid: straight ? control : { x: (s.x + 2 * control.x + t.x) / 4, y: (s.y + 2 * control.y + t.y) / 4 },
  };
  let from = start;
  let to = end;
  if (head) {
    const size = { length: head.length * claim.width * scale, width: head.width * claim.width * scale };
    geometry.head = { tip: end, dir: endDir, ...size };
    to = along(end, endDir, -size.length);
  }
  if (tail) {
    const size = { length: tail.length * claim.width * scale, width: tail.width * claim.width * scale };
    const away = { x: -startDir.x, y: -startDir.y };
    geometry.tail = { tip: start, dir: away, ...size };
    from = along(start, startDir, size.length);
  }
  geometry.d = straight ? `M${at(from)} L${at(to)}` : `M${at(from)} Q${at(control)} ${at(to)}`;
  return geometry;
}

/** One SVG document, one element per claim (<path>) and per node (shape), labels as <text>. */
export function writeSvg(scene: Scene): string {
  const font = escapeXml(scene.fontFamily);
  const weight = escapeXml(scene.fontWeight);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round(scene.width)}" height="${round(scene.height)}" viewBox="0 0 ${round(scene.width)} ${round(scene.height)}" font-family="${font}" font-weight="${weight}">`,
  ];
  if (scene.title) lines.push(`<title>${escapeXml(scene.title)}</title>`);
  lines.push(
    `<rect class="background" width="100%" height="100%" fill="${colour(scene.background)}"/>`,
    '<g class="claims" fill="none" stroke-linecap="butt">',
  );
  const claimLabels: string[] = [];
  for (const claim of scene.claims) {
    const { d, mid, head, tail } = claimGeometry(claim);
    const color = colour(claim.color);
    const id = `data-id="${escapeXml(claim.id)}"`;
    const opacity = claim.opacity < 1 ? ` opacity="${round(claim.opacity)}"` : "";
    const attributes = [
      id,
      `d="${d}"`,
      `stroke="${color}"`,
      `stroke-width="${round(claim.width)}"`,
      claim.dash > 0 ? `stroke-dasharray="${round(claim.dash)} ${round(claim.dash * 0.67)}"` : "",
    ].filter(Boolean);
    lines.push(`<path class="claim" ${attributes.join(" ")}${opacity}/>`);
    // The marks are solid shapes of the line's colour and opacity, never dashed.
    for (const [end, mark, kind] of [
      ["head", head, claim.head],
      ["tail", tail, claim.tail ?? "none"],
    ] as const) {
      if (!mark || kind === "none") continue;
      lines.push(
        `${MARK_SHAPES[kind](mark.tip, mark.dir, mark.length, mark.width)} class="claim-${end} claim-${end}-${kind}" ${id} fill="${color}" stroke="none"${opacity}/>`,
      );
    }
    if (claim.label) {
      claimLabels.push(
        `<text class="claim-label" x="${round(mid.x)}" y="${round(mid.y - 4)}" text-anchor="middle" font-size="12" fill="${color}"${opacity}>${escapeXml(claim.label)}</text>`,
      );
    }
  }
  lines.push("</g>", '<g class="nodes">');
  const nodeLabels: string[] = [];
  for (const node of scene.nodes) {
    const opacity = node.opacity < 1 ? ` opacity="${round(node.opacity)}"` : "";
    lines.push(
      `${NODE_SHAPES[node.shape](node)} class="node node-${node.shape}" data-id="${escapeXml(node.id)}" fill="${colour(node.color)}"${opacity}/>`,
    );
    if (node.label) {
      nodeLabels.push(
        `<text class="node-label" x="${round(node.x + node.size + 3)}" y="${round(node.y + node.labelSize * 0.35)}" font-size="${round(node.labelSize)}" fill="${colour(node.labelColor)}"${opacity}>${escapeXml(node.label)}</text>`,
      );
    }
  }
  lines.push("</g>", '<g class="labels">', ...claimLabels, ...nodeLabels, "</g>", "</svg>");
  return `${lines.join("\n")}\n`;
}
