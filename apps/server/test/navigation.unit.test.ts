import { ICON_NAMES, Icon } from '@petfriendly/ui';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { modules } from '../src/modules';

describe('navigation icons', () => {
  it('every module names its links’ icons from the SVG set (no emoji, which some devices draw as empty boxes)', () => {
    const unknown = modules.flatMap((m) =>
      (m.nav ?? []).filter((e) => e.icon && !ICON_NAMES.includes(e.icon as never)).map((e) => `${m.name}: ${e.href} ${e.icon}`),
    );
    expect(unknown).toEqual([]);
  });

  it('draws each icon as a decorative inline SVG with shapes', () => {
    for (const name of ICON_NAMES) {
      const [svg] = DomUtils.getElementsByTagName('svg', parseDocument(String(Icon({ name })), { xmlMode: true }));
      expect(svg?.attribs['aria-hidden'], name).toBe('true');
      expect(svg?.attribs.viewBox, name).toBe('0 0 24 24');
      expect(DomUtils.getChildren(svg!).filter((c) => c.type === 'tag').length, name).toBeGreaterThan(0);
    }
  });
});
