import { type Actor, addLocalDays, type LocalDate, type Platform, runAsOf } from '@petfriendly/core';
import { medicalRecords, visits } from '@petfriendly/vet-clinic/tables';
import { and, eq, gte, isNotNull } from 'drizzle-orm';
import { PNG } from 'pngjs';
import type { Rng } from './random';

/** How far back the surgeries got their signed consent through the consent service (older ones are paper). */
const MONTHS = 12;
const RISKS = 'Reacción a la anestesia, sangrado, infección de la herida y dehiscencia de puntos; se vigilan con monitoreo y revisión a los 10 días.';
/** What the surgeries cost, IVA included (the estimate the owner signs). */
const ESTIMATE: [RegExp, string][] = [
  [/ovariohisterectom/i, '3200.00'],
  [/orquiectom/i, '2800.00'],
  [/dental|limado/i, '1800.00'],
];

/** A hand-drawn signature as the tablet's pad sends it: one looping stroke, different for every signer. */
function signature(rng: Rng): string {
  const width = 360;
  const height = 120;
  const data = Buffer.alloc(width * height * 4);
  const loops = rng.int(3, 6);
  const lean = rng.float(0.15, 0.45);
  const amplitude = rng.float(18, 30);
  let last: [number, number] | null = null;
  for (let t = 0; t <= 1; t += 0.0008) {
    const x = 30 + t * 290 + Math.sin(t * Math.PI * 2 * loops) * 14 + lean * amplitude * Math.cos(t * Math.PI * 2 * loops);
    const y = 62 - Math.cos(t * Math.PI * 2 * loops) * amplitude * (1 - t * 0.5) + Math.sin(t * 9) * 6;
    const point: [number, number] = [Math.round(x), Math.round(y)];
    if (last && last[0] === point[0] && last[1] === point[1]) continue;
    last = point;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const px = point[0] + dx;
        const py = point[1] + dy;
        if (px >= 0 && px < width && py >= 0 && py < height) data.set([20, 30, 80, 255], (py * width + px) * 4);
      }
  }
  return `data:image/png;base64,${PNG.sync.write({ width, height, data }).toString('base64')}`;
}

/**
 * The consents of the last year's surgeries, as the desk takes them: requested through the consent
 * service before the procedure and signed by the owner on the clinic's tablet, each with its PDF.
 * Returns how many were signed.
 */
export async function seedConsents(platform: Platform, rng: Rng, today: LocalDate, vet: Actor): Promise<number> {
  const consents = platform.services.consent.consents;
  const accounts = platform.services.accounts;
  const since = addLocalDays(today, -MONTHS * 30);
  const surgeries = await platform.ctx.db
    .select({ visitId: visits.id, at: visits.visitDate, title: medicalRecords.title })
    .from(medicalRecords)
    .innerJoin(visits, eq(visits.id, medicalRecords.visitId))
    .where(and(eq(medicalRecords.recordType, 'surgery'), isNotNull(medicalRecords.visitId), gte(medicalRecords.date, since)))
    .orderBy(visits.visitDate);
  let signed = 0;
  for (const surgery of surgeries) {
    const requestedAt = new Date(surgery.at.getTime() - 40 * 60_000);
    const estimate = ESTIMATE.find(([re]) => re.test(surgery.title))?.[1];
    await runAsOf(requestedAt, async () => {
      const { consent } = await consents.request(vet, { kind: 'surgery', visitId: surgery.visitId, procedure: surgery.title, risks: RISKS, estimate });
      const signerName = (await accounts.directory.namesOf([consent.ownerId])).get(consent.ownerId)!;
      await consents.signAtClinic(vet, consent.id, { signerName, signature: signature(rng) }, { ip: '192.168.1.24', userAgent: 'Tableta de recepción' });
    });
    signed += 1;
  }
  return signed;
}
