import { ServiceError } from '@petfriendly/core';

/** The CSD (.cer/.key/password) cannot be used: wrong password, not a pair, unreadable, expired. */
export class CsdError extends ServiceError {
  override readonly statusCode = 422;
}

/** A CFDI that should carry a Sello does not, or the Sello does not match its content and Certificado. */
export class SelloError extends ServiceError {
  override readonly statusCode = 422;
}
