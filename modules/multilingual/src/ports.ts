import type { MultilingualServices } from './services';

/** Content in the reader's language: register translatable fields, read them localized, find by them (store, appointments). */
export type ContentTranslationPort = { translation: Pick<MultilingualServices['translation'], 'registerContent' | 'localized' | 'findObjects'> };

/** Languages and the translator slot (the AI assistant detects languages and connects its model). */
export type LanguagesPort = Pick<MultilingualServices, 'languages' | 'translation'>;
