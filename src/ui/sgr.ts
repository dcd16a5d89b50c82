// The reader's own styling around rows and links (what the renderer's styles do not cover).
export const INVERSE_ON = '\u001b[7m';
export const INVERSE_OFF = '\u001b[27m';
export const DIM_ON = '\u001b[2m';
export const DIM_OFF = '\u001b[22m';
