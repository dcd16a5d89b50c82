// WCAG contrast of xterm's palette colours, for checking that a theme is readable on a white
// (or black) background: xterm's default sixteen, the 6×6×6 cube and the 24 greys.
const SIXTEEN: [number, number, number][] = [
  [0, 0, 0], [205, 0, 0], [0, 205, 0], [205, 205, 0], [0, 0, 238], [205, 0, 205], [0, 205, 205], [229, 229, 229],
  [127, 127, 127], [255, 0, 0], [0, 255, 0], [255, 255, 0], [92, 92, 255], [255, 0, 255], [0, 255, 255], [255, 255, 255],
];
const LEVELS = [0, 95, 135, 175, 215, 255];

export function paletteRgb(index: number): [number, number, number] {
  if (index < 16) return SIXTEEN[index];
  if (index < 232) {
    const i = index - 16;
    return [LEVELS[Math.floor(i / 36)], LEVELS[Math.floor(i / 6) % 6], LEVELS[i % 6]];
  }
  const grey = 8 + 10 * (index - 232);
  return [grey, grey, grey];
}

function luminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export const WHITE: [number, number, number] = [255, 255, 255];
export const BLACK: [number, number, number] = [0, 0, 0];

/** A colour as one SGR sequence sets it: foreground and background palette indices (undefined: the terminal's default). */
export interface SgrColours {
  sequence: string;
  fg?: number;
  bg?: number;
  dim: boolean;
  inverse: boolean;
}

/** Every SGR sequence in `raw`, read for its colours (30–37, 90–97, 38;5;N and the backgrounds). */
export function sgrColours(raw: string): SgrColours[] {
  const out: SgrColours[] = [];
  for (const match of raw.matchAll(/\x1b\[([0-9;]*)m/g)) {
    const codes = match[1].split(';').filter(Boolean).map(Number);
    const colours: SgrColours = { sequence: match[0], dim: false, inverse: false };
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c === 2) colours.dim = true;
      else if (c === 7) colours.inverse = true;
      else if (c >= 30 && c <= 37) colours.fg = c - 30;
      else if (c >= 90 && c <= 97) colours.fg = c - 90 + 8;
      else if (c >= 40 && c <= 47) colours.bg = c - 40;
      else if (c >= 100 && c <= 107) colours.bg = c - 100 + 8;
      else if ((c === 38 || c === 48) && codes[i + 1] === 5) {
        if (c === 38) colours.fg = codes[i + 2];
        else colours.bg = codes[i + 2];
        i += 2;
      }
    }
    out.push(colours);
  }
  return out;
}

/** The contrast of a sequence's text on `paper` (its own background when it sets one); null when it sets no colour. */
export function contrastOn(colours: SgrColours, paper: [number, number, number]): number | null {
  if (colours.fg === undefined && colours.bg === undefined) return null;
  const fg = colours.fg === undefined ? (paper === WHITE ? BLACK : WHITE) : paletteRgb(colours.fg);
  const bg = colours.bg === undefined ? paper : paletteRgb(colours.bg);
  return contrast(fg, bg);
}
