// SVG of a drawn view, from a plain description of what is on screen (the "scene"): nodes as vector
// shapes, claims as lines or curves with their end marks, labels as <text>. Pure and DOM-free; the
// explorer's scene controller fills the scene from sigma's display data, in viewport pixels.

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
  /** Sideways bend as a fraction of the claim's length; 0 draws a straight line. */
  curvature: number;
  color: string;
  width: number;
  /** Dash length in pixels; 0 draws a solid line. */
  dash: number;
  head: SceneHead;
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

/** End marks in a 10×10 marker box, pointing right, tip at x=10. */
const HEAD_MARKS: Record<Exclude<SceneHead, "none">, string> = {
  arrow: '<path d="M0,0 L10,5 L0,10 z"',
  bar: '<rect x="7" y="0" width="3" height="10"',
  circle: '<circle cx="5" cy="5" r="5"',
  diamond: '<path d="M0,5 L5,0 L10,5 L5,10 z"',
};

function markerId(head: SceneHead, color: string): string {
  return `head-${head}-${color.replace(/[^0-9a-z]/gi, "")}`;
}

function claimPath(claim: SceneClaim): { d: string; mid: { x: number; y: number } } {
  const { source: s, target: t } = claim;
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const length = Math.hypot(dx, dy) || 1;
  // Stop at the target's rim, so the end mark is not hidden under the node.
  const stop = Math.min(claim.targetSize, length / 2);
  if (claim.curvature === 0) {
    const end = { x: t.x - (dx / length) * stop, y: t.y - (dy / length) * stop };
    return {
      d: `M${round(s.x)},${round(s.y)} L${round(end.x)},${round(end.y)}`,
      mid: { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 },
    };
  }
  const control = {
    x: (s.x + t.x) / 2 - (dy / length) * claim.curvature * length,
    y: (s.y + t.y) / 2 + (dx / length) * claim.curvature * length,
  };
  const cx = t.x - control.x;
  const cy = t.y - control.y;
  const cl = Math.hypot(cx, cy) || 1;
  const end = { x: t.x - (cx / cl) * stop, y: t.y - (cy / cl) * stop };
  return {
    d: `M${round(s.x)},${round(s.y)} Q${round(control.x)},${round(control.y)} ${round(end.x)},${round(end.y)}`,
    mid: { x: (s.x + 2 * control.x + t.x) / 4, y: (s.y + 2 * control.y + t.y) / 4 },
  };
}

/** One SVG document, one element per claim (<path>) and per node (shape), labels as <text>. */
export function writeSvg(scene: Scene): string {
  const font = escapeXml(scene.fontFamily);
  const weight = escapeXml(scene.fontWeight);
  const heads = new Map<string, { head: Exclude<SceneHead, "none">; color: string }>();
  for (const claim of scene.claims) {
    if (claim.head === "none") continue;
    heads.set(markerId(claim.head, colour(claim.color)), { head: claim.head, color: colour(claim.color) });
  }
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round(scene.width)}" height="${round(scene.height)}" viewBox="0 0 ${round(scene.width)} ${round(scene.height)}" font-family="${font}" font-weight="${weight}">`,
  ];
  if (scene.title) lines.push(`<title>${escapeXml(scene.title)}</title>`);
  lines.push("<defs>");
  for (const [id, { head, color }] of heads) {
    lines.push(
      `<marker id="${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="4.5" markerHeight="4.5" orient="auto" markerUnits="strokeWidth">${HEAD_MARKS[head]} fill="${color}"/></marker>`,
    );
  }
  lines.push("</defs>");
  lines.push(
    `<rect class="background" width="100%" height="100%" fill="${colour(scene.background)}"/>`,
    '<g class="claims" fill="none" stroke-linecap="butt">',
  );
  const claimLabels: string[] = [];
  for (const claim of scene.claims) {
    const { d, mid } = claimPath(claim);
    const color = colour(claim.color);
    const attributes = [
      `data-id="${escapeXml(claim.id)}"`,
      `d="${d}"`,
      `stroke="${color}"`,
      `stroke-width="${round(claim.width)}"`,
      claim.dash > 0 ? `stroke-dasharray="${round(claim.dash)} ${round(claim.dash * 0.67)}"` : "",
      claim.head !== "none" ? `marker-end="url(#${markerId(claim.head, color)})"` : "",
      claim.opacity < 1 ? `opacity="${round(claim.opacity)}"` : "",
    ].filter(Boolean);
    lines.push(`<path class="claim" ${attributes.join(" ")}/>`);
    if (claim.label) {
      claimLabels.push(
        `<text class="claim-label" x="${round(mid.x)}" y="${round(mid.y - 4)}" text-anchor="middle" font-size="12" fill="${color}"${claim.opacity < 1 ? ` opacity="${round(claim.opacity)}"` : ""}>${escapeXml(claim.label)}</text>`,
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
