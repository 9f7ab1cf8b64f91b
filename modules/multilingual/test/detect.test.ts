import { accountsModule } from '@petfriendly/accounts';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectLanguageOf } from '../src/detect';
import { multilingualModule } from '../src/index';
import type { MultilingualServices } from '../src/services';

const CORE = ['es', 'en', 'de', 'fr', 'it'];

/** Short messages as people send them on WhatsApp or the chat; what we expect and how it is decided. */
const MESSAGES: [string, string][] = [
  ['hola, quiero agendar una cita para mi perro', 'es'],
  ['¿tienen croquetas para gato?', 'es'],
  ['mi gato no come', 'es'],
  ['¿a qué hora abren?', 'es'],
  ['buenos días', 'es'],
  ['gracias!', 'es'],
  ['hola', 'es'],
  ['hi, can I book a vaccine for my cat tomorrow?', 'en'],
  ['what time do you open?', 'en'],
  ['thanks!', 'en'],
  ['Hallo, mein Hund frisst nicht', 'de'],
  ['Wann haben Sie geöffnet?', 'de'],
  ['danke', 'de'],
  ['bonjour, mon chat vomit depuis hier', 'fr'],
  ["c'est combien la consultation ?", 'fr'],
  ['merci beaucoup', 'fr'],
  ['ciao, il mio cane ha bisogno del vaccino', 'it'],
  ['quanto costa la visita?', 'it'],
  ['grazie mille', 'it'],
];

describe('language detection on short real-world messages', () => {
  it.each(MESSAGES)('%s → %s', async (text, expected) => {
    expect((await detectLanguageOf(text, CORE, 'es')).language).toBe(expected);
  });

  it('falls back to the default language when a message says nothing (ok, 👍, a number)', async () => {
    for (const text of ['ok', '👍', '12:30', 'sí']) {
      const found = await detectLanguageOf(text, CORE, 'es');
      expect(found.language, text).toBe('es');
    }
    expect(await detectLanguageOf('ok', CORE, 'en')).toEqual({ language: 'en', by: 'default', confidence: 0 });
  });

  it('only answers with active languages', async () => {
    expect((await detectLanguageOf('ciao, il mio cane ha bisogno del vaccino', ['es', 'en'], 'es')).language).not.toBe('it');
    expect((await detectLanguageOf('Olá, meu cachorro precisa de vacina', [...CORE, 'pt'], 'es')).language).toBe('pt');
  });
});

describe('LanguageService.detectLanguage', () => {
  let platform: TestPlatform;
  let s: MultilingualServices;
  beforeAll(async () => {
    platform = await createTestPlatform([accountsModule, multilingualModule]);
    s = platform.services.multilingual;
    await s.languages.seedCoreLanguages();
  });
  afterAll(async () => platform?.close());

  it('uses the active languages from the database and rejects empty text', async () => {
    expect(await s.languages.detectLanguage('bonjour, mon chat vomit depuis hier')).toBe('fr');
    expect(await s.languages.detect('merci beaucoup')).toMatchObject({ language: 'fr', by: 'model' });
    await expect(s.languages.detectLanguage('   ')).rejects.toMatchObject({ statusCode: 422, fields: [{ field: 'text' }] });
  });
});
