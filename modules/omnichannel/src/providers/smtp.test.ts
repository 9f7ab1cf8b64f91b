import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { smtpProvider } from './smtp';
import { ProviderError } from './types';

const invitation = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Pet-Friendly//ES',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:appointment-42@petfriendly.test',
  'DTSTAMP:20250101T120000Z',
  'DTSTART:20250110T160000Z',
  'DTEND:20250110T163000Z',
  'SUMMARY:Consulta de Firulais',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

interface SmtpTestServer {
  port: number;
  received: ParsedMail[];
  close(): Promise<void>;
}

/** A real SMTP server on loopback: refuses recipients named reject-<code>@…, answers DATA with `dataReply`. */
async function startSmtpServer(dataReply?: string): Promise<SmtpTestServer> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = /^reject-(\d{3})@/.exec(address.address)?.[1];
      if (!code) return callback();
      callback(Object.assign(new Error(`Recipient refused (${code})`), { responseCode: Number(code) }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback(null, dataReply);
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const provider = (port: number) => smtpProvider({ host: '127.0.0.1', port, secure: false, from: 'Pet-Friendly <citas@petfriendly.test>' });

describe('smtpProvider', () => {
  let server: SmtpTestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('delivers subject, recipient, text and an .ics invitation intact', async () => {
    server = await startSmtpServer();

    const result = await provider(server.port).send({
      channel: 'email',
      to: 'maria@example.mx',
      subject: 'Tu cita para Firulais',
      text: 'Te esperamos el 10 de enero a las 10:00.',
      html: '<p>Te esperamos el <b>10 de enero</b> a las 10:00.</p>',
      attachments: [{ filename: 'cita.ics', contentType: 'text/calendar; method=REQUEST', content: new TextEncoder().encode(invitation) }],
    });

    expect(result.status).toBe('sent');
    expect(result.providerMessageId).toMatch(/^<.+@petfriendly\.test>$/);
    const [mail] = server.received;
    expect(mail.subject).toBe('Tu cita para Firulais');
    expect(mail.to).toMatchObject({ value: [{ address: 'maria@example.mx' }] });
    expect(mail.from).toMatchObject({ value: [{ address: 'citas@petfriendly.test', name: 'Pet-Friendly' }] });
    expect(mail.text?.trim()).toBe('Te esperamos el 10 de enero a las 10:00.');
    expect(mail.messageId).toBe(result.providerMessageId);
    expect(mail.attachments).toHaveLength(1);
    const [attachment] = mail.attachments;
    expect(attachment.filename).toBe('cita.ics');
    expect(attachment.contentType).toBe('text/calendar');
    expect(attachment.headers.get('content-type')).toMatchObject({ params: { method: 'REQUEST' } });
    expect(attachment.content.toString('utf8')).toBe(invitation);
  });

  it('returns the id Amazon SES gives in its 250 reply, the one its notifications carry', async () => {
    server = await startSmtpServer('Ok 0100018b5c3c0a4f-8a2b7b9e-1c2d-4e5f-9a8b-7c6d5e4f3a2b-000000');

    const result = await provider(server.port).send({ channel: 'email', to: 'maria@example.mx', subject: 'Hola', text: 'Hola' });

    expect(result.providerMessageId).toBe('0100018b5c3c0a4f-8a2b7b9e-1c2d-4e5f-9a8b-7c6d5e4f3a2b-000000');
  });

  it('maps a permanent 550 to a non-retryable error and a transient 451 to a retryable one', async () => {
    server = await startSmtpServer();
    const send = (to: string) => provider(server!.port).send({ channel: 'email', to, subject: 'Hola', text: 'Hola' });

    const permanent = await send('reject-550@example.mx').catch((e: unknown) => e);
    const transient = await send('reject-451@example.mx').catch((e: unknown) => e);

    expect(permanent).toBeInstanceOf(ProviderError);
    expect(permanent).toMatchObject({ retryable: false, providerCode: '550' });
    expect(transient).toBeInstanceOf(ProviderError);
    expect(transient).toMatchObject({ retryable: true, providerCode: '451' });
    expect(server.received).toHaveLength(0);
  });

  it('treats a refused connection as retryable', async () => {
    const probe = createTcpServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const error = await provider(port)
      .send({ channel: 'email', to: 'maria@example.mx', text: 'Hola' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ retryable: true, providerCode: 'ESOCKET' });
  });
});
