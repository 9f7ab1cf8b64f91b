import type { ClinicSettings } from '@petfriendly/core';
import { raw } from 'hono/html';

interface Props {
  subject: string;
  lang: string;
  /** The campaign's own HTML (personalised, its values escaped), or empty for the text as paragraphs. */
  html: string;
  text: string;
  clinic: ClinicSettings;
  unsubscribeUrl: string;
  unsubscribeLabel: string;
}

/** A marketing mail's HTML part: the campaign's body, the clinic under it and the way out in one click. */
function MarketingPage(p: Props) {
  return (
    <html lang={p.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{p.subject}</title>
      </head>
      <body style="font-family: system-ui, sans-serif; font-size: 16px; line-height: 1.5; color: #1f2933; max-width: 36em; margin: 0 auto; padding: 16px">
        {p.html ? raw(p.html) : p.text.split(/\n{2,}/).map((paragraph) => <p>{paragraph}</p>)}
        <hr />
        <p style="color: #52606d; font-size: 14px">
          <b>{p.clinic.NAME}</b>
          <br />
          {p.clinic.ADDRESS}
          <br />
          {p.clinic.PHONE}
        </p>
        <p style="color: #52606d; font-size: 13px">
          <a href={p.unsubscribeUrl}>{p.unsubscribeLabel}</a>
        </p>
      </body>
    </html>
  );
}

export const marketingHtml = (p: Props) => `<!doctype html>${String(<MarketingPage {...p} />)}`;
