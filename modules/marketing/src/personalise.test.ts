import { describe, expect, it } from 'vitest';
import { contentFor, type Personalisation, render, unreadableField } from './personalise';

const view: Personalisation = {
  owner: 'Ana <b>López</b>',
  firstName: 'Ana',
  pets: 'Toby y Luna',
  pet: 'Toby',
  vaccine: 'Rabia (Toby)',
  vaccineDue: '2026-03-01',
  link: 'https://clinica.mx/book?a=1&b=2',
  clinic: 'Clínica & Co',
  unsubscribe: 'https://clinica.mx/unsubscribe/x',
  service: '',
};
const content = {
  subject: '{{firstName}}: {{pets}}',
  text: 'Hola {{owner}}, {{link}}',
  html: '<p>Hola {{owner}}, <a href="{{link}}">{{clinic}}</a></p>',
  whatsappTemplate: 'promo',
  whatsappParams: ['{{firstName}}', '{{vaccine}}'],
};

describe('personalisation', () => {
  it('fills text as it is and escapes what goes into HTML', () => {
    const out = render(content, view);
    expect(out.subject).toBe('Ana: Toby y Luna');
    expect(out.text).toBe('Hola Ana <b>López</b>, https://clinica.mx/book?a=1&b=2');
    expect(out.html).toBe(
      '<p>Hola Ana &lt;b&gt;López&lt;&#x2F;b&gt;, <a href="https:&#x2F;&#x2F;clinica.mx&#x2F;book?a&#x3D;1&amp;b&#x3D;2">Clínica &amp; Co</a></p>',
    );
    expect(out.whatsappParams).toEqual(['Ana', 'Rabia (Toby)']);
  });

  it("picks the owner's language, then the clinic's, then whatever was written", () => {
    const es = { ...content, text: 'es' };
    const en = { ...content, text: 'en' };
    expect(contentFor({ es, en }, 'en', 'es')?.text).toBe('en');
    expect(contentFor({ es, en }, 'fr', 'es')?.text).toBe('es');
    expect(contentFor({ en }, 'fr', 'es')?.text).toBe('en');
    expect(contentFor({}, 'es', 'es')).toBeNull();
  });

  it('names the field whose placeholder is not closed', () => {
    expect(unreadableField({ ...content, text: 'Hola {{firstName' })).toBe('text');
    expect(unreadableField(content)).toBeNull();
  });
});
