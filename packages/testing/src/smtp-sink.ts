import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type { ParsedMail };

/** A real SMTP server on loopback that keeps every mail it is given, parsed by mailparser. */
export async function startSmtpSink() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    /** The settings that send the platform's mail here. */
    env: { OMNICHANNEL__SMTP_HOST: '127.0.0.1', OMNICHANNEL__SMTP_PORT: String(port), OMNICHANNEL__EMAIL_FROM: 'Pet-Friendly <citas@petfriendly.test>' },
    /** The mails sent to an address, oldest first. */
    to: (address: string) => received.filter((m) => [m.to ?? []].flat().some((a) => a.value.some((v) => v.address?.toLowerCase() === address.toLowerCase()))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;
