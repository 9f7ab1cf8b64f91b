import type { MultilingualServices } from './services';

/** Content in the reader's language: register translatable fields, read them localized, find by them (store, appointments). */
export type ContentTranslationPort = { translation: Pick<MultilingualServices['translation'], 'registerContent' | 'localized' | 'findObjects'> };

/** Languages (the AI assistant detects the language of a message). */
export type LanguagesPort = Pick<MultilingualServices, 'languages'>;
