import type { Translations } from '@petfriendly/core';
import { en } from './en';
import { es } from './es';

export const billingMessages: Translations = { es, en };
