import { ServiceError } from '@petfriendly/core';

/** The CSD (.cer/.key/password) cannot be used: unreadable, wrong password, not a pair, or not the issuer's. */
export class CsdError extends ServiceError {
  override readonly statusCode = 422;
}
