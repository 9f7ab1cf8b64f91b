import type { ClinicSettings } from '@petfriendly/core';
import type { OutgoingMessage } from './providers/types';

/** A web address in running text, without the punctuation that ends a sentence after it. */
const URL_PATTERN = /(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)])/;

function Linked({ text }: { text: string }) {
  return <>{text.split(URL_PATTERN).map((part, i) => (i % 2 ? <a href={part}>{part}</a> : part))}</>;
}

/** The text as a small HTML page: its paragraphs and lines kept, its links clickable, the clinic under it. */
function EmailPage({ subject, text, clinic, lang }: { subject: string; text: string; clinic: ClinicSettings; lang: string }) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{subject}</title>
      </head>
      <body style="font-family: system-ui, sans-serif; font-size: 16px; line-height: 1.5; color: #1f2933; max-width: 36em; margin: 0 auto; padding: 16px">
        {text.split(/\n{2,}/).map((paragraph) => (
          <p>
            {paragraph.split('\n').map((line, i) => (
              <>
                {i > 0 ? <br /> : null}
                <Linked text={line} />
              </>
            ))}
          </p>
        ))}
        <hr />
        <p style="color: #52606d; font-size: 14px">
          <b>{clinic.NAME}</b>
          <br />
          {clinic.ADDRESS}
          <br />
          {clinic.PHONE} · <a href={`mailto:${clinic.EMAIL}`}>{clinic.EMAIL}</a>
        </p>
      </body>
    </html>
  );
}

/**
 * Every mail the clinic sends, whatever wrote it: a subject, a plain-text part and the same as HTML,
 * both signed with the clinic, and replies going to the clinic's address.
 */
export function asEmail(message: OutgoingMessage & { subject: string }, clinic: ClinicSettings, lang: string): OutgoingMessage {
  const text = `${message.text.trim()}\n\n-- \n${clinic.NAME}\n${clinic.ADDRESS}\n${clinic.PHONE} · ${clinic.EMAIL}\n`;
  const html = `<!doctype html>${String(<EmailPage subject={message.subject} text={message.text.trim()} clinic={clinic} lang={lang} />)}`;
  return { ...message, text, html, replyTo: clinic.EMAIL };
}
