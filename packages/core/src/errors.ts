import type { ZodError } from 'zod';
import { describeIssue } from './issues';

export interface FieldIssue {
  field: string;
  /** English text, as the API returns it. */
  message: string;
  /** What translates it: the English template or the error code (see `localizeIssue`). */
  key?: string;
  params?: Record<string, string | number>;
}

/** Base of every error a service raises on purpose. `code` is stable and namespaced (`vet_clinic.pet_not_found`). */
export class ServiceError extends Error {
  readonly statusCode: number = 400;
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends ServiceError {
  override readonly statusCode = 404;
}

export class PermissionDeniedError extends ServiceError {
  override readonly statusCode = 403;
  constructor(code = 'auth.permission_denied', message = 'You do not have permission to do this.') {
    super(code, message);
  }
}

export class AuthenticationRequiredError extends ServiceError {
  override readonly statusCode = 401;
  constructor(message = 'Sign in to continue.') {
    super('auth.authentication_required', message);
  }
}

export class ValidationError extends ServiceError {
  override readonly statusCode = 422;
  constructor(
    code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
  ) {
    super(code, message, { fields });
  }

  /** One field is wrong for a reason the service knows; the code translates the message. */
  static forField(code: string, field: string, message: string, params?: Record<string, string | number>): ValidationError {
    return new ValidationError(code, `${field}: ${message}`, [{ field, message, key: code, params }]);
  }

  static fromZod(error: ZodError, code = 'validation.invalid_input'): ValidationError {
    const fields = error.issues.map(describeIssue);
    const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return new ValidationError(code, `Invalid input. ${summary}`, fields);
  }
}

export class ConflictError extends ServiceError {
  override readonly statusCode = 409;
}

export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof ServiceError;
}
