import { type HttpApp, idParams, requireStaff } from '@petfriendly/core';
import { z } from 'zod';
import {
  addLanguageSchema,
  detectLanguageSchema,
  listTranslationsSchema,
  reviewTranslationSchema,
  saveTranslationSchema,
  translateTextSchema,
  userLanguageSchema,
} from './multilingual.schemas';
import type { MultilingualServices } from './services';

const tags = ['multilingual'];

/** `/api/v1` for languages, detection and the staff review of translations. */
export async function multilingualRoutes(app: HttpApp, s: MultilingualServices) {
  app.get('/api/v1/languages', { schema: { tags, summary: 'Active languages (core first)' } }, async () => s.languages.getAvailableLanguages());
  app.post(
    '/api/v1/languages',
    { schema: { tags, summary: 'Managers: add a content language (filled by AI translation)', body: addLanguageSchema } },
    async (req, reply) => reply.status(201).send(await s.languages.addLanguage(req.actor, req.body)),
  );
  app.put('/api/v1/me/language', { schema: { tags, summary: "Set the caller's language (owners)", body: userLanguageSchema } }, async (req) => ({
    language: await s.languages.setUserLanguage(req.actor, req.body.language),
  }));
  app.post(
    '/api/v1/detect-language',
    { schema: { tags, summary: 'Language of a text among the active ones (Spanish when unsure)', body: detectLanguageSchema } },
    async (req) => s.languages.detect(req.body.text),
  );
  app.post(
    '/api/v1/translate',
    { schema: { tags, summary: 'Staff: translate a text (cached; status no_translator when none is connected)', body: translateTextSchema } },
    async (req) => {
      const body = req.body;
      requireStaff(req.actor);
      return s.translation.translate(body.text, body.targetLanguage, body.sourceLanguage);
    },
  );

  app.get(
    '/api/v1/translations',
    { schema: { tags, summary: 'Staff: translations by language and review status; paginated', querystring: listTranslationsSchema } },
    async (req) => s.translation.listTranslations(req.actor, req.query),
  );
  app.post(
    '/api/v1/translations',
    { schema: { tags, summary: 'Staff: write a translation (stored as reviewed)', body: saveTranslationSchema } },
    async (req, reply) => reply.status(201).send(await s.translation.saveTranslation(req.actor, req.body)),
  );
  app.get('/api/v1/translations/:id', { schema: { tags, summary: 'Staff: one translation', params: idParams } }, async (req) =>
    s.translation.getTranslation(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/translations/:id/review',
    {
      schema: {
        tags,
        summary: 'Staff: approve a translation, or edit it (then it is no longer AI-generated)',
        params: idParams,
        body: z.preprocess((v) => v ?? {}, reviewTranslationSchema),
      },
    },
    async (req) => s.translation.reviewTranslation(req.actor, req.params.id, req.body ?? {}),
  );
}
