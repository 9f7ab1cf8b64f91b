const LANGUAGE_NAMES: Record<string, string> = { es: 'Spanish (Mexico)', en: 'English', de: 'German', fr: 'French', it: 'Italian' };

/** A language code as a model reads it best: its English name (an unknown code stays as it is). */
export const languageName = (code: string) => LANGUAGE_NAMES[code] ?? code;
