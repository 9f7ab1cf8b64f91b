import type { MessageCatalog } from '@petfriendly/core';

/** Field texts of the report filters, translated (English is the text itself). */
export const reportsErrorMessages: MessageCatalog = {
  es: {
    'a custom period needs from and to, from not after to': 'un periodo personalizado necesita desde y hasta, y desde no puede ser posterior',
    'a kind and category such as service:3': 'un tipo y una categoría, como service:3',
    'a date such as 2026-03-10': 'una fecha como 2026-03-10',
  },
  de: {
    'a custom period needs from and to, from not after to': 'ein eigener Zeitraum braucht Von und Bis, Von nicht nach Bis',
    'a kind and category such as service:3': 'eine Art und Kategorie wie service:3',
    'a date such as 2026-03-10': 'ein Datum wie 2026-03-10',
  },
  fr: {
    'a custom period needs from and to, from not after to': 'une période personnalisée demande du et au, du pas après au',
    'a kind and category such as service:3': 'un type et une catégorie comme service:3',
    'a date such as 2026-03-10': 'une date comme 2026-03-10',
  },
  it: {
    'a custom period needs from and to, from not after to': 'un periodo personalizzato richiede dal e al, dal non dopo al',
    'a kind and category such as service:3': 'un tipo e una categoria come service:3',
    'a date such as 2026-03-10': 'una data come 2026-03-10',
  },
};
