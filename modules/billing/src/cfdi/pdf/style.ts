export const INK = '#111111';
export const MUTED = '#555555';
export const LINE = '#bbbbbb';
export const BRAND = '#0f766e';
export const RED = '#b91c1c';

export type Doc = PDFKit.PDFDocument;
