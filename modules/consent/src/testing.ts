import type { Actor, Platform } from '@petfriendly/core';
import { PNG } from 'pngjs';

/** A drawn signature as the pad sends it: a transparent PNG with a dark stroke, or nothing on it when `blank`. */
export function signatureDataUrl(options: { blank?: boolean } = {}): string {
  const width = 300;
  const height = 100;
  const data = Buffer.alloc(width * height * 4);
  if (!options.blank) {
    for (let x = 20; x < 280; x++) {
      const y = Math.round(50 + 30 * Math.sin(x / 20));
      for (let dy = -1; dy <= 1; dy++) data.set([17, 17, 17, 255], ((y + dy) * width + x) * 4);
    }
  }
  return `data:image/png;base64,${PNG.sync.write({ width, height, data }).toString('base64')}`;
}

/** A consent requested for a visit by a vet, through the service (text from the template, the link to sign): an anaesthesia by default. */
export function ConsentFactory(platform: Platform, vet: Actor, visitId: number, overrides: Record<string, unknown> = {}) {
  return platform.services.consent.consents.request(vet, {
    kind: 'anaesthesia',
    visitId,
    procedure: 'Limpieza dental con sedación',
    estimate: '1500.00',
    ...overrides,
  });
}
