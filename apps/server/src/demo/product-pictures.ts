import { PNG } from 'pngjs';

/** What a demo product looks like on its shelf: its packaging and its colours. */
export type Packaging = 'bag' | 'can' | 'pouch' | 'pipette' | 'box' | 'bottle' | 'tub' | 'ball' | 'ring' | 'bowl';
export interface PictureSpec {
  packaging: Packaging;
  /** The pack's main colour and its accent (label, cap, stripe), as RGB. */
  colour: readonly [number, number, number];
  accent: readonly [number, number, number];
}

type Rgb = readonly [number, number, number];
const SIZE = 360;
/** Drawn at twice the size and averaged down, so edges are smooth. */
const SCALE = 2;
const WHITE: Rgb = [255, 255, 255];
const SHADOW: Rgb = [214, 219, 226];

/** A canvas of coverage tests: each shape is a function saying whether a point (0–1 square) is inside. */
class Canvas {
  readonly size = SIZE * SCALE;
  readonly pixels = new Uint8Array(this.size * this.size * 3);
  constructor(background: Rgb) {
    for (let i = 0; i < this.pixels.length; i += 3) this.put(i, background);
  }
  private put(i: number, [r, g, b]: Rgb) {
    this.pixels[i] = r;
    this.pixels[i + 1] = g;
    this.pixels[i + 2] = b;
  }
  fill(inside: (x: number, y: number) => boolean, colour: Rgb, box: [number, number, number, number] = [0, 0, 1, 1]) {
    const n = this.size;
    const [x0, y0, x1, y1] = box.map((v) => Math.max(0, Math.min(n, Math.round(v * n)))) as [number, number, number, number];
    for (let py = y0; py < y1; py++) for (let px = x0; px < x1; px++) if (inside((px + 0.5) / n, (py + 0.5) / n)) this.put((py * n + px) * 3, colour);
  }
  rect(x: number, y: number, w: number, h: number, r: number, colour: Rgb) {
    this.fill(
      (px, py) => {
        const dx = Math.max(x + r - px, 0, px - (x + w - r));
        const dy = Math.max(y + r - py, 0, py - (y + h - r));
        return px >= x && px <= x + w && py >= y && py <= y + h && dx * dx + dy * dy <= r * r;
      },
      colour,
      [x, y, x + w, y + h],
    );
  }
  ellipse(cx: number, cy: number, rx: number, ry: number, colour: Rgb) {
    this.fill((px, py) => ((px - cx) / rx) ** 2 + ((py - cy) / ry) ** 2 <= 1, colour, [cx - rx, cy - ry, cx + rx, cy + ry]);
  }
  /** A paw print: the clinic's mark on every label. */
  paw(cx: number, cy: number, s: number, colour: Rgb) {
    this.ellipse(cx, cy + s * 0.35, s * 0.42, s * 0.34, colour);
    for (const [dx, dy] of [
      [-0.5, -0.12],
      [-0.18, -0.42],
      [0.18, -0.42],
      [0.5, -0.12],
    ] as const)
      this.ellipse(cx + dx * s, cy + dy * s, s * 0.15, s * 0.19, colour);
  }
  /** Averages each 2×2 block into one RGBA pixel. */
  toPng(): Buffer {
    const out = { width: SIZE, height: SIZE, data: Buffer.alloc(SIZE * SIZE * 4) };
    const n = this.size;
    for (let y = 0; y < SIZE; y++)
      for (let x = 0; x < SIZE; x++)
        for (let c = 0; c < 3; c++) {
          let sum = 0;
          for (let sy = 0; sy < SCALE; sy++) for (let sx = 0; sx < SCALE; sx++) sum += this.pixels[((y * SCALE + sy) * n + x * SCALE + sx) * 3 + c]!;
          out.data[(y * SIZE + x) * 4 + c] = Math.round(sum / (SCALE * SCALE));
          out.data[(y * SIZE + x) * 4 + 3] = 255;
        }
    return PNG.sync.write(out);
  }
}

const tint = (c: Rgb, amount: number): Rgb => c.map((v) => Math.round(v + (255 - v) * amount)) as unknown as Rgb;

/** Draws the pack a product comes in, on a soft background of its own colour: a catalogue photo, simply. */
export function productPicture({ packaging, colour, accent }: PictureSpec): Buffer {
  const canvas = new Canvas(tint(colour, 0.88));
  canvas.ellipse(0.5, 0.86, 0.3, 0.04, SHADOW);
  const label = (x: number, y: number, w: number, h: number) => {
    canvas.rect(x, y, w, h, 0.03, WHITE);
    canvas.paw(x + w / 2, y + h / 2, Math.min(w, h) * 0.42, accent);
  };
  switch (packaging) {
    case 'bag':
      canvas.rect(0.27, 0.12, 0.46, 0.74, 0.04, colour);
      canvas.rect(0.27, 0.12, 0.46, 0.07, 0.02, accent);
      label(0.33, 0.36, 0.34, 0.3);
      break;
    case 'can':
      canvas.rect(0.32, 0.3, 0.36, 0.54, 0.02, colour);
      canvas.ellipse(0.5, 0.3, 0.18, 0.05, tint(colour, 0.3));
      canvas.rect(0.32, 0.44, 0.36, 0.24, 0, WHITE);
      canvas.paw(0.5, 0.56, 0.1, accent);
      break;
    case 'pouch':
      canvas.rect(0.3, 0.22, 0.4, 0.62, 0.08, colour);
      canvas.rect(0.3, 0.22, 0.4, 0.06, 0.02, accent);
      label(0.36, 0.42, 0.28, 0.24);
      break;
    case 'pipette':
      canvas.rect(0.22, 0.2, 0.56, 0.64, 0.03, colour);
      canvas.rect(0.22, 0.2, 0.56, 0.1, 0.02, accent);
      for (const x of [0.32, 0.46, 0.6]) {
        canvas.rect(x, 0.4, 0.08, 0.3, 0.03, WHITE);
        canvas.rect(x + 0.025, 0.34, 0.03, 0.07, 0.01, tint(accent, 0.2));
      }
      break;
    case 'box':
      canvas.rect(0.25, 0.3, 0.5, 0.54, 0.02, colour);
      canvas.rect(0.25, 0.3, 0.5, 0.08, 0.01, accent);
      canvas.rect(0.45, 0.48, 0.1, 0.26, 0.01, WHITE);
      canvas.rect(0.37, 0.56, 0.26, 0.1, 0.01, WHITE);
      break;
    case 'bottle':
      canvas.rect(0.42, 0.12, 0.16, 0.1, 0.02, accent);
      canvas.rect(0.33, 0.2, 0.34, 0.64, 0.07, colour);
      label(0.37, 0.42, 0.26, 0.26);
      break;
    case 'tub':
      canvas.rect(0.24, 0.3, 0.52, 0.54, 0.04, colour);
      canvas.rect(0.22, 0.26, 0.56, 0.08, 0.02, accent);
      label(0.34, 0.46, 0.32, 0.26);
      break;
    case 'ball':
      canvas.ellipse(0.5, 0.52, 0.28, 0.28, colour);
      canvas.rect(0.22, 0.49, 0.56, 0.06, 0.02, accent);
      canvas.ellipse(0.42, 0.42, 0.06, 0.05, tint(colour, 0.4));
      break;
    case 'ring':
      canvas.ellipse(0.5, 0.52, 0.3, 0.3, colour);
      canvas.ellipse(0.5, 0.52, 0.2, 0.2, tint(colour, 0.88));
      canvas.rect(0.44, 0.78, 0.12, 0.08, 0.02, accent);
      break;
    case 'bowl':
      canvas.ellipse(0.5, 0.56, 0.32, 0.14, colour);
      canvas.rect(0.18, 0.56, 0.64, 0.16, 0.02, colour);
      canvas.ellipse(0.5, 0.72, 0.32, 0.08, colour);
      canvas.ellipse(0.5, 0.56, 0.26, 0.09, tint(colour, 0.6));
      canvas.paw(0.5, 0.66, 0.06, accent);
      break;
  }
  return canvas.toPng();
}
