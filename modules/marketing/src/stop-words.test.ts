import { describe, expect, it } from 'vitest';
import { isStopReply } from './stop-words';

describe('STOP / BAJA replies', () => {
  it('takes the words people send to opt out, in any case, accents or punctuation', () => {
    for (const text of ['STOP', 'stop', ' Baja ', 'BAJA.', 'Alto!', 'darme de baja', 'Cancelar suscripción', 'unsubscribe', 'No más'])
      expect(isStopReply(text), text).toBe(true);
  });

  it('leaves alone a sentence that merely contains one of them', () => {
    for (const text of ['Mi perra está baja de peso', 'no puedo ir, stop por favor reagenden', 'sí', 'cancelar', 'alto riesgo?', ''])
      expect(isStopReply(text), text).toBe(false);
  });
});
