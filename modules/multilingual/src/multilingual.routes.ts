import { type HttpApp, idParams, requireStaff } from '@petfriendly/core';
import { z } from 'zod';
import {
  addLanguageSchema,
  detectionOut,
  detectLanguageSchema,
  languageOut,
  listTranslationsSchema,
  reviewTranslationSchema,
  saveTranslationSchema,
  translateOut,
  translateTextSchema,
  translationOut,
  translationPageOut,
  userLanguageSchema,
} from './multilingual.schemas';
import type { MultilingualServices } from './services';

const tags = ['multilingual'];

/** `/api/v1` for languages, detection and the staff review of translations. */
export async function multilingualRoutes(app: HttpApp, s: MultilingualServices) {
  app.get('/api/v1/languages', { schema: { tags, summary: 'Active languages (core first)', response: { 200: z.array(languageOut) } } }, async () =>
    s.languages.getAvailableLanguages(),
  );
  app.post(
    '/api/v1/languages',
    { schema: { tags, summary: 'Managers: add a content language (filled by AI translation)', body: addLanguageSchema, response: { 201: languageOut } } },
    async (req, reply) => reply.status(201).send(await s.languages.addLanguage(req.actor, req.body)),
  );
  app.put(
    '/api/v1/me/language',
    { schema: { tags, summary: "Set the caller's language (owners)", body: userLanguageSchema, response: { 200: z.object({ language: z.string() }) } } },
    async (req) => ({
      language: await s.languages.setUserLanguage(req.actor, req.body.language),
    }),
  );
  app.post(
    '/api/v1/detect-language',
    {
      schema: { tags, summary: 'Language of a text among the active ones (Spanish when unsure)', body: detectLanguageSchema, response: { 200: detectionOut } },
    },
    async (req) => s.languages.detect(req.body.text),
  );
  app.post(
    '/api/v1/translate',
    {
      schema: {
        tags,
        summary: 'Staff: translate a text (cached; status no_translator when none is connected)',
        body: translateTextSchema,
        response: { 200: translateOut },
      },
    },
    async (req) => {
      const body = req.body;
      requireStaff(req.actor);
      return s.translation.translate(body.text, body.targetLanguage, body.sourceLanguage);
    },
  );

  app.get(
    '/api/v1/translations',
    {
      schema: {
        tags,
        summary: 'Staff: translations by language and review status; paginated',
        querystring: listTranslationsSchema,
        response: { 200: translationPageOut },
      },
    },
    async (req) => s.translation.listTranslations(req.actor, req.query),
  );
  app.post(
    '/api/v1/translations',
    { schema: { tags, summary: 'Staff: write a translation (stored as reviewed)', body: saveTranslationSchema, response: { 201: translationOut } } },
    async (req, reply) => reply.status(201).send(await s.translation.saveTranslation(req.actor, req.body)),
  );
  app.get(
    '/api/v1/translations/:id',
    { schema: { tags, summary: 'Staff: one translation', params: idParams, response: { 200: translationOut } } },
    async (req) => s.translation.getTranslation(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/translations/:id/review',
    {
      schema: {
        tags,
        summary: 'Staff: approve a translation, or edit it (then it is no longer AI-generated)',
        params: idParams,
        body: z.preprocess((v) => v ?? {}, reviewTranslationSchema),
        response: { 200: translationOut },
      },
    },
    async (req) => s.translation.reviewTranslation(req.actor, req.params.id, req.body ?? {}),
  );
}
