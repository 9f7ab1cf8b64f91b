import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/**
 * Test support: a self-signed X.509 certificate built with node:crypto alone (node can read
 * certificates but not issue them), so SNS signatures can be checked against a certificate PEM
 * exactly as production does with the one downloaded from SigningCertURL.
 */
export function selfSignedCertificate(commonName: string): { privateKey: KeyObject; certificatePem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const sha256WithRsa = sequence(objectId('1.2.840.113549.1.1.11'), Buffer.from([0x05, 0x00]));
  const name = sequence(set(sequence(objectId('2.5.4.3'), der(0x0c, Buffer.from(commonName, 'utf8')))));
  const now = Date.now();
  const tbsCertificate = sequence(
    der(0xa0, smallInteger(2)), // version 3
    smallInteger(1), // serial number
    sha256WithRsa,
    name, // issuer
    sequence(utcTime(new Date(now - 60_000)), utcTime(new Date(now + 86_400_000))),
    name, // subject
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', tbsCertificate, privateKey);
  const certificate = sequence(tbsCertificate, sha256WithRsa, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const base64Lines = certificate.toString('base64').match(/.{1,64}/g) ?? [];
  return {
    privateKey,
    certificatePem: `-----BEGIN CERTIFICATE-----\n${base64Lines.join('\n')}\n-----END CERTIFICATE-----\n`,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function der(tag: number, content: Buffer): Buffer {
  if (content.length < 0x80) return Buffer.concat([Buffer.from([tag, content.length]), content]);
  const length = Buffer.from(content.length.toString(16).padStart(content.length > 0xff ? 4 : 2, '0'), 'hex');
  return Buffer.concat([Buffer.from([tag, 0x80 | length.length]), length, content]);
}

const sequence = (...items: Buffer[]) => der(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => der(0x31, Buffer.concat(items));
const smallInteger = (value: number) => der(0x02, Buffer.from([value]));

function objectId(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const base128 = [arc & 0x7f];
    for (let remaining = arc >> 7; remaining > 0; remaining >>= 7) base128.unshift((remaining & 0x7f) | 0x80);
    bytes.push(...base128);
  }
  return der(0x06, Buffer.from(bytes));
}

function utcTime(date: Date): Buffer {
  const digits = date.toISOString().replace(/[-:T]/g, '').slice(2, 14);
  return der(0x17, Buffer.from(`${digits}Z`, 'ascii'));
}
