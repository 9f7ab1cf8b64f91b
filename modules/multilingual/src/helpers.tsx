import type { Child } from 'hono/jsx';

/** What `TranslationService.localized` returns: object id → field → text in the reader's language. */
export type LocalizedMap = Map<number, Record<string, string>>;

/** `{% translate_field object.description %}`: the field in the reader's language, else the Spanish source on the row. */
export function translateField<R extends { id: number }>(row: R, field: keyof R & string, localized: LocalizedMap | undefined): string {
  const text = localized?.get(row.id)?.[field];
  return text ?? String(row[field] ?? '');
}

/** `<TranslatedField row={p} field="name" localized={map} lang="en" />`: the text, marked with the language it is really in (for screen readers and hyphenation). */
export function TranslatedField<R extends { id: number }>(props: {
  row: R;
  field: keyof R & string;
  localized?: LocalizedMap;
  lang: string;
  sourceLang?: string;
  as?: 'span' | 'p';
}): Child {
  const translated = props.localized?.get(props.row.id)?.[props.field];
  const lang = translated !== undefined ? props.lang : (props.sourceLang ?? 'es');
  const text = translated ?? String(props.row[props.field] ?? '');
  return props.as === 'p' ? <p lang={lang}>{text}</p> : <span lang={lang}>{text}</span>;
}

/** `{% translate "Hola" to=lang %}` for free text: a `translate` result's text, marked with its language. */
export function TranslatedText(props: { result: { text: string; status: string; sourceLanguage: string; targetLanguage: string } }): Child {
  const { result } = props;
  const inTarget = result.status === 'translated' || result.status === 'cached' || result.status === 'same_language';
  return <span lang={inTarget ? result.targetLanguage : result.sourceLanguage}>{result.text}</span>;
}
