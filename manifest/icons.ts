/**
 * The app's two icons, drawn as shapes: a shield with a check mark. The colour icon is a white
 * shield with the check cut out, on the accent colour; the outline icon is the shield's edge and
 * the check in white on a transparent background, as Teams asks. `make-icons.ts` writes them.
 */
import { PNG } from 'pngjs';

/** An image as 8-bit RGBA, row by row from the top left: 4 bytes a pixel. */
export interface RgbaImage {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** The image as a PNG file (8-bit RGBA), as make-icons.ts writes it. */
export function pngOf(image: RgbaImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.rgba);
  return PNG.sync.write(png, { colorType: 6 });
}

/** The colour icon's background, and the manifest's default accent colour. */
export const ICON_BACKGROUND = '#1F4E79';

type Point = readonly [number, number];

/**
 * The shield's outline in a box 2 wide (x from -1 to 1) and 2.4 high (y from 0 to 2.4, down):
 * a flat top with rounded corners, straight sides, and curved flanks meeting in a point.
 */
const SHIELD: Point[] = (() => {
  const points: Point[] = [];
  const radius = 0.22;
  const arc = (cx: number, cy: number, from: number, to: number) => {
    for (let i = 0; i <= 8; i++) {
      const angle = from + ((to - from) * i) / 8;
      points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
    }
  };
  arc(-1 + radius, radius, Math.PI, 1.5 * Math.PI);
  arc(1 - radius, radius, 1.5 * Math.PI, 2 * Math.PI);
  // Right flank: a quadratic curve from (1, 1.0) through the control (1, 1.85) to the point.
  const flank = (side: 1 | -1) => {
    const steps = 24;
    const list: Point[] = [];
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      const x = (1 - t) ** 2 * side + 2 * (1 - t) * t * side;
      const y = (1 - t) ** 2 * 1.0 + 2 * (1 - t) * t * 1.85 + t ** 2 * 2.4;
      list.push([x, y]);
    }
    return list;
  };
  points.push(...flank(1));
  points.push(...flank(-1).reverse().slice(1));
  return points;
})();

/** The check mark's stroke through the shield, in the shield's box. */
const CHECK: Point[] = [
  [-0.5, 1.2],
  [-0.12, 1.58],
  [0.55, 0.75],
];

function insidePolygon(polygon: Point[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] ?? [0, 0];
    const [xj, yj] = polygon[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment(x: number, y: number, a: Point, b: Point): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function distanceToPolyline(points: Point[], x: number, y: number, closed: boolean): number {
  let best = Number.POSITIVE_INFINITY;
  const count = closed ? points.length : points.length - 1;
  for (let i = 0; i < count; i++) {
    const a = points[i];
    const b = points[(i + 1) % points.length];
    if (a && b) best = Math.min(best, distanceToSegment(x, y, a, b));
  }
  return best;
}

/**
 * Paints a square image by sampling `paint` 4x4 times in every pixel: it is given a point in the
 * shield's box and returns a colour (RGBA, 0-255) or undefined for the background.
 */
function render(
  size: number,
  scale: number,
  paint: (x: number, y: number) => readonly [number, number, number, number] | undefined,
  background: readonly [number, number, number, number],
): RgbaImage {
  const samples = 4;
  const rgba = new Uint8Array(size * size * 4);
  // The shield's box (2 x 2.4) centred in the image at `scale` pixels a unit, on whole pixels
  // so that straight edges stay sharp.
  const left = Math.round(size / 2 - scale);
  const top = Math.round(size / 2 - 1.2 * scale);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples - left) / scale - 1;
          const y = (py + (sy + 0.5) / samples - top) / scale;
          const [cr, cg, cb, ca] = paint(x, y) ?? background;
          // Premultiplied, so that transparent samples do not darken the edges.
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const at = (py * size + px) * 4;
      const alpha = a / (samples * samples);
      // A pixel with nothing in it keeps the background's colour (white for the outline).
      rgba[at] = a === 0 ? background[0] : Math.round(r / a);
      rgba[at + 1] = a === 0 ? background[1] : Math.round(g / a);
      rgba[at + 2] = a === 0 ? background[2] : Math.round(b / a);
      rgba[at + 3] = Math.round(alpha);
    }
  }
  return { width: size, height: size, rgba };
}

function hexToRgba(hex: string): [number, number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff, 255];
}

const WHITE = [255, 255, 255, 255] as const;

/** 192x192, full colour: a white shield, its check mark in the background colour, on that colour. */
export function drawColorIcon(background = ICON_BACKGROUND): RgbaImage {
  const fill = hexToRgba(background);
  const checkHalfWidth = 0.13;
  return render(
    192,
    44,
    (x, y) => {
      if (!insidePolygon(SHIELD, x, y)) return undefined;
      return distanceToPolyline(CHECK, x, y, false) <= checkHalfWidth ? fill : WHITE;
    },
    fill,
  );
}

/** 32x32: the shield's edge and the check mark in white, on a transparent background. */
export function drawOutlineIcon(): RgbaImage {
  const scale = 12;
  const edge = 2 / scale;
  const checkHalfWidth = 1.1 / scale;
  return render(
    32,
    scale,
    (x, y) => {
      const inside = insidePolygon(SHIELD, x, y);
      if (inside && distanceToPolyline(SHIELD, x, y, true) <= edge) return WHITE;
      if (inside && distanceToPolyline(CHECK, x, y, false) <= checkHalfWidth) return WHITE;
      return undefined;
    },
    [255, 255, 255, 0],
  );
}
