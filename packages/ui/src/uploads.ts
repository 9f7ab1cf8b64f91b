import { ValidationError } from '@petfriendly/core';
import type { FastifyRequest } from 'fastify';

/** A file sent with a page's multipart form. */
export interface Upload {
  bytes: Buffer;
  filename: string;
  mimetype: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The files of a page's multipart form, by field name (its text fields are in `body`). */
    uploads: Record<string, Upload>;
  }
}

type Part =
  | { type: 'file'; fieldname: string; filename: string; mimetype: string; toBuffer(): Promise<Buffer> }
  | { type: 'field'; fieldname: string; value: unknown };

/**
 * Reads a page's multipart form before the CSRF check, so the token travels in the form like any other
 * field (never in the address): text fields become the body, files go to `request.uploads`.
 */
export async function readMultipartForm(request: FastifyRequest): Promise<void> {
  const body: Record<string, string> = {};
  const uploads: Record<string, Upload> = {};
  const parts = (request as unknown as { parts(): AsyncIterable<Part> }).parts();
  try {
    for await (const part of parts) {
      if (part.type === 'field') body[part.fieldname] = String(part.value ?? '');
      else {
        const bytes = await part.toBuffer();
        if (bytes.length > 0) uploads[part.fieldname] = { bytes, filename: part.filename, mimetype: part.mimetype };
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new ValidationError('validation.file_too_large', 'The file is too large to send.');
    }
    throw error;
  }
  request.body = body;
  request.uploads = uploads;
}
