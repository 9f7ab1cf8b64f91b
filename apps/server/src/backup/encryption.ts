import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/**
 * An encrypted backup: MAGIC, the scrypt salt, the GCM nonce, the ciphertext of the .tar.gz, and the
 * 16-byte GCM tag last (it is only known once everything is written).
 */
const MAGIC = Buffer.from('PFBACKUP1\n');
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + SALT_BYTES + IV_BYTES;
/** scrypt's cost: about a tenth of a second and 32 MiB, once per backup or restore. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(passphrase, salt, 32, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))));
}

/** A pipeline step that encrypts what passes through, framed as above (header first, tag at the end). */
export async function encryptor(passphrase: string): Promise<(source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
  return async function* (source) {
    yield Buffer.concat([MAGIC, salt, iv]);
    for await (const chunk of source) yield cipher.update(chunk);
    yield cipher.final();
    yield cipher.getAuthTag();
  };
}

export async function isEncrypted(path: string): Promise<boolean> {
  const file = await open(path);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(MAGIC.length), 0, MAGIC.length, 0);
    return bytesRead === MAGIC.length && buffer.equals(MAGIC);
  } finally {
    await file.close();
  }
}

/** The decrypted bytes of an encrypted backup; the stream errors at its end if the passphrase is wrong or a byte changed. */
export async function decryptedStream(path: string, passphrase: string): Promise<Readable> {
  const file = await open(path);
  try {
    const { size } = await file.stat();
    if (size < HEADER_BYTES + TAG_BYTES) throw new Error(`${path} is too short to be an encrypted backup`);
    const header = Buffer.alloc(HEADER_BYTES);
    await file.read(header, 0, HEADER_BYTES, 0);
    const tag = Buffer.alloc(TAG_BYTES);
    await file.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    const salt = header.subarray(MAGIC.length, MAGIC.length + SALT_BYTES);
    const iv = header.subarray(MAGIC.length + SALT_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
    decipher.setAuthTag(tag);
    const body = file.createReadStream({ start: HEADER_BYTES, end: size - TAG_BYTES - 1 });
    return body.pipe(decipher);
  } catch (error) {
    await file.close();
    throw error;
  }
}
