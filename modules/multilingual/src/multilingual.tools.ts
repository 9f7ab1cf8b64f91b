import { defineTool, requireStaff, type ToolDefinition } from '@petfriendly/core';
import { z } from 'zod';
import { detectLanguageSchema, translateTextSchema } from './multilingual.schemas';
import type { MultilingualServices } from './services';

/** AI tools: anyone may ask what language a message is in; staff may translate text. */
export function multilingualTools(s: MultilingualServices): ToolDefinition[] {
  return [
    defineTool({
      name: 'detect_language',
      description: 'The language of a text (es, en, de, fr, it or another active one); Spanish when unsure.',
      input: detectLanguageSchema,
      permission: 'public',
      handler: ({ text }) => s.languages.detect(text),
    }),
    defineTool({
      name: 'translate_text',
      description: 'Staff: translate a text into another active language (cached). Status no_translator means the text came back untranslated.',
      input: translateTextSchema,
      permission: 'staff',
      handler: ({ text, targetLanguage, sourceLanguage }, actor) => {
        if (actor.kind !== 'system') requireStaff(actor);
        return s.translation.translate(text, targetLanguage, sourceLanguage);
      },
    }),
    defineTool({
      name: 'list_languages',
      description: 'The languages content is available in.',
      input: z.object({}),
      permission: 'public',
      handler: () => s.languages.getAvailableLanguages(),
    }),
  ];
}
