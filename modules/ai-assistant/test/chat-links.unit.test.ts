import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { AnswerText } from '../src/pages/chat.view';

/** The answer as HTML, read back by a real HTML parser. */
function render(text: string) {
  const root = parseDocument(String(AnswerText({ text })));
  const anchors = DomUtils.getElementsByTagName('a', root);
  return {
    links: anchors.map((a) => [DomUtils.textContent(a), a.attribs.href]),
    tags: DomUtils.findAll(() => true, root.children).map((e) => e.name),
    text: DomUtils.textContent(root),
  };
}

describe('links in answers are links', () => {
  it('markdown links, a quoted page name with its path, and bare paths become anchors; no raw "(/book)" is left', () => {
    const a = render('Los horarios aparecen en la página "Agendar cita" (/book). Ve a [tu carrito](/store/cart) o inicia sesión en /sign-in.');
    expect(a.links).toEqual([
      ['Agendar cita', '/book'],
      ['tu carrito', '/store/cart'],
      ['/sign-in', '/sign-in'],
    ]);
    expect(a.text).not.toContain('(/book)');
    expect(a.text).not.toContain('](');
  });

  it('only site paths and https addresses are links, and the rest stays text, escaped', () => {
    const a = render('Media taza 1/2 y [esto](javascript:alert(1)) y //evil.example y <img src=x onerror=alert(1)>');
    expect(a.tags).toEqual([]);
    expect(a.text).toContain('<img src=x onerror=alert(1)>');
  });
});
