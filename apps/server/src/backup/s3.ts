import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where on S3-compatible storage: `s3://bucket/some/prefix`. */
export interface S3Location {
  bucket: string;
  /** Without slashes at either end; empty for the bucket's top. */
  prefix: string;
}

/** How to reach the storage: AWS itself, or any S3-compatible service at `endpoint` (MinIO, Backblaze B2, R2, …). */
export interface S3Access {
  endpoint?: string;
  region: string;
  /** Without keys, the AWS SDK's usual chain (AWS_ACCESS_KEY_ID…, a profile, an instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
}

/** `s3://bucket/prefix` → its bucket and prefix; null for anything else (a folder). */
export function parseS3Url(url: string): S3Location | null {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  return match ? { bucket: match[1]!, prefix: match[2]!.replace(/\/+$/, '') } : null;
}

/** The backups under one prefix of a bucket: upload, list, download and delete archives by name. */
export function s3Backups(location: S3Location, access: S3Access) {
  // The AWS SDK loads when the bucket is first used, not at start: it is tens of MB resident, and most clinics back up to a folder.
  let loaded:
    | Promise<{ sdk: typeof import('@aws-sdk/client-s3'); Upload: typeof import('@aws-sdk/lib-storage').Upload; client: import('@aws-sdk/client-s3').S3Client }>
    | undefined;
  const aws = () =>
    (loaded ??= Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/lib-storage')]).then(([sdk, { Upload }]) => ({
      sdk,
      Upload,
      client: new sdk.S3Client({
        region: access.region,
        endpoint: access.endpoint,
        // Services other than AWS answer at one host with the bucket in the path.
        forcePathStyle: Boolean(access.endpoint),
        credentials: access.accessKeyId && access.secretAccessKey ? { accessKeyId: access.accessKeyId, secretAccessKey: access.secretAccessKey } : undefined,
        // Checksums only where S3 requires them: many S3-compatible services reject the SDK's newer default trailers.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    })));
  const { bucket, prefix } = location;
  const keyOf = (name: string) => (prefix ? `${prefix}/${name}` : name);

  return {
    url: (name = '') => `s3://${bucket}/${prefix ? `${prefix}/` : ''}${name}`,

    /** Uploads a file in parts (any size, a few parts in memory at a time). */
    async upload(path: string, name: string): Promise<void> {
      const { Upload, client } = await aws();
      await new Upload({ client, params: { Bucket: bucket, Key: keyOf(name), Body: createReadStream(path) } }).done();
    },

    async download(name: string, path: string): Promise<void> {
      const { sdk, client } = await aws();
      const object = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: keyOf(name) }));
      await pipeline(object.Body as Readable, createWriteStream(path));
    },

    /** The names directly under the prefix. */
    async list(): Promise<string[]> {
      const names: string[] = [];
      let token: string | undefined;
      const { sdk, client } = await aws();
      do {
        const page = await client.send(
          new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix ? `${prefix}/` : '', Delimiter: '/', ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) names.push(object.Key!.slice(prefix ? prefix.length + 1 : 0));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return names;
    },

    async remove(name: string): Promise<void> {
      const { sdk, client } = await aws();
      await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: keyOf(name) }));
    },

    close: () => void loaded?.then(({ client }) => client.destroy()),
  };
}

export type S3Backups = ReturnType<typeof s3Backups>;
