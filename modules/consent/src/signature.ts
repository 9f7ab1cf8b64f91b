import { ValidationError } from '@petfriendly/core';
import { PNG } from 'pngjs';

const PREFIX = 'data:image/png;base64,';
/** Fewer inked pixels than this is a tap, not a signature. */
const MIN_INK = 40;

/**
 * The drawn signature as the canvas sends it (a PNG data URL): decoded and refused when it is not a PNG,
 * too large, or empty (transparent or white everywhere but a few pixels).
 */
export function readSignature(dataUrl: string, maxBytes: number): Buffer {
  const refuse = (message: string) => ValidationError.forField('consent.signature_invalid', 'signature', message);
  if (!dataUrl.startsWith(PREFIX)) throw refuse('The signature must be a PNG drawing.');
  const bytes = Buffer.from(dataUrl.slice(PREFIX.length), 'base64');
  if (bytes.length > maxBytes) throw refuse('The signature is too large.');
  let image: { width: number; height: number; data: Buffer };
  try {
    image = PNG.sync.read(bytes);
  } catch {
    throw refuse('The signature must be a PNG drawing.');
  }
  let ink = 0;
  const d = image.data;
  for (let i = 0; i < d.length && ink < MIN_INK; i += 4) {
    if (d[i + 3]! > 32 && d[i]! + d[i + 1]! + d[i + 2]! < 600) ink++;
  }
  if (ink < MIN_INK) throw ValidationError.forField('consent.signature_empty', 'signature', 'Sign in the box before sending.');
  return bytes;
}
