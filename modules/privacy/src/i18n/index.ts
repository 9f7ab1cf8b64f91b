import type { Translations } from '@petfriendly/core';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';

export const privacyMessages: Translations = { es, en, de, fr, it };
