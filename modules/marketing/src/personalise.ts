import Mustache from 'mustache';
import type { CampaignContent, Language } from './marketing.tables';

/** What a message may say about its owner: `{{owner}}`, `{{firstName}}`, `{{pets}}`, `{{pet}}`, `{{vaccine}}`, `{{vaccineDue}}`, `{{link}}`, `{{clinic}}`, `{{unsubscribe}}`, `{{service}}` (a sequence's: the service declined). */
export interface Personalisation {
  owner: string;
  firstName: string;
  pets: string;
  pet: string;
  vaccine: string;
  vaccineDue: string;
  link: string;
  clinic: string;
  unsubscribe: string;
  service: string;
}

export interface Rendered {
  subject: string;
  text: string;
  /** Empty when the campaign has no HTML of its own. */
  html: string;
  whatsappParams: string[];
  whatsappTemplate: string;
}

/** Mustache with no escaping: for the subject, text and WhatsApp parameters (plain text). */
const plain = (template: string, view: Personalisation) => Mustache.render(template, view, {}, { escape: (s: string) => s });
/** Mustache as it is: `{{…}}` escaped for HTML, so an owner called `<b>` stays text. */
const html = (template: string, view: Personalisation) => Mustache.render(template, view);

/** The content in the owner's language, or the clinic's default, or the first written. */
export function contentFor(content: Partial<Record<Language, CampaignContent>>, language: string, fallback: string): CampaignContent | null {
  return content[language as Language] ?? content[fallback as Language] ?? Object.values(content)[0] ?? null;
}

export function render(content: CampaignContent, view: Personalisation): Rendered {
  return {
    subject: plain(content.subject, view),
    text: plain(content.text, view),
    html: content.html.trim() ? html(content.html, view) : '',
    whatsappTemplate: content.whatsappTemplate,
    whatsappParams: content.whatsappParams.map((p) => plain(p, view)),
  };
}

/** A template that Mustache cannot read (an unclosed tag): the field it is in, or null when all read. */
export function unreadableField(content: CampaignContent): string | null {
  for (const field of ['subject', 'text', 'html'] as const) {
    try {
      Mustache.parse(content[field]);
    } catch {
      return field;
    }
  }
  return null;
}
