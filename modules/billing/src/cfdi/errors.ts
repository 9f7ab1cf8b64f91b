import { ServiceError } from '@petfriendly/core';

/** The CSD (.cer/.key/password) cannot be used: wrong password, not a pair, unreadable, expired. */
export class CsdError extends ServiceError {
  override readonly statusCode = 422;
}
