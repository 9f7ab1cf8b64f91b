import { z } from 'zod';
import { INT4_MAX, rowId } from './api';

/*
 * What a page route reads from the browser, declared as the route's `params`, `querystring` and `body`
 * schemas like an API route's (`app.get('/admin/x/:id', { schema: { params: idParams, querystring: listQuery } }, …)`):
 * the handler receives it typed and checked, and input that does not fit is a 422 page naming the field.
 */

/** A blank field (a GET form's empty filter) counts as absent. */
const blankAsAbsent = (value: unknown) => (value === '' ? undefined : value);

/** `?page=`: which page of a list, 1 when absent or blank. */
export const pageNumber = z.preprocess(blankAsAbsent, z.coerce.number().int().min(1).max(INT4_MAX).default(1));

/** The query of a list page that takes only `?page=`. */
export const pageOnlyQuery = z.object({ page: pageNumber });

/** An optional row id in a query or a form (`?service=12`), absent when blank. */
export const optionalRowId = z.preprocess(blankAsAbsent, rowId.optional());

/**
 * A form's body: the named fields typed; the others pass through untouched (the CSRF token, which is
 * checked after validation, and fields the service validates to show them on the form).
 */
export function formBody<S extends z.ZodRawShape>(shape: S) {
  return z.looseObject(shape);
}

/** A form of text fields only (no repeated names, no files), each as the browser sent it, for a service to validate. */
export const textForm = z.record(z.string(), z.string());

/** A query of text parameters only (`?next=…&token=…`), each optional. */
export const textQuery = z.record(z.string(), z.string().optional());

/** An optional calendar day (`?date=2026-12-03`), absent when blank. */
export const optionalDay = z.preprocess(blankAsAbsent, z.iso.date().optional());
