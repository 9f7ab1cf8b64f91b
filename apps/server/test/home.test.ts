import { StaffFactory } from '@petfriendly/accounts/testing';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers';

const links = (html: string) => DomUtils.getElementsByTagName('a', parseDocument(html)).map((a) => a.attribs.href);

describe('the front page', () => {
  let withWhatsapp: TestApp;
  let without: TestApp;
  beforeAll(async () => {
    withWhatsapp = await createTestApp({
      env: { OMNICHANNEL__WHATSAPP_BUSINESS_PHONE: '+52 55 9876 5432', OMNICHANNEL__WHATSAPP_PHONE_NUMBER_ID: '1099887766' },
    });
    without = await createTestApp();
    for (const t of [withWhatsapp, without]) await StaffFactory(t.platform, 'admin');
  });
  afterAll(async () => Promise.all([withWhatsapp?.close(), without?.close()]));

  it("links to the clinic's WhatsApp number as owners dial it, not to the Cloud API's number id", async () => {
    const hrefs = links((await withWhatsapp.app.inject({ method: 'GET', url: '/' })).body);
    expect(hrefs).toContain('https://wa.me/525598765432');
    expect(hrefs.some((h) => h?.includes('1099887766'))).toBe(false);
  });

  it('has no WhatsApp link when the clinic has no WhatsApp number', async () => {
    const hrefs = links((await without.app.inject({ method: 'GET', url: '/' })).body);
    expect(hrefs.some((h) => h?.startsWith('https://wa.me/'))).toBe(false);
  });
});
