import { type HttpApp, idParams } from '@petfriendly/core';
import { z } from 'zod';
import type { StoreServices } from './services';
import { categoryInputSchema, categoryQuerySchema, categoryReorderSchema, categoryRetireSchema, categoryRowOut, categoryTreeOut } from './store.schemas';

const tags = ['store'];

/** `/api/v1/store/admin/categories`: managers keep the shop's category tree. */
export async function categoryRoutes(app: HttpApp, s: StoreServices) {
  const c = s.categories;
  app.get(
    '/api/v1/store/admin/categories',
    {
      schema: {
        tags,
        summary: 'Staff: the category tree with retired ones and product counts',
        querystring: categoryQuerySchema,
        response: { 200: z.array(categoryTreeOut) },
      },
    },
    async (req) => c.listTree(req.actor, req.query),
  );
  app.post(
    '/api/v1/store/admin/categories',
    { schema: { tags, summary: 'Managers: add a category (under a parent, or at the top)', body: categoryInputSchema, response: { 201: categoryRowOut } } },
    async (req, reply) => reply.status(201).send(await c.createCategory(req.actor, req.body)),
  );
  app.put(
    '/api/v1/store/admin/categories/order',
    {
      schema: {
        tags,
        summary: "Managers: order one parent's categories (every child once)",
        body: categoryReorderSchema,
        response: { 200: z.array(categoryTreeOut) },
      },
    },
    async (req) => c.reorderCategories(req.actor, req.body),
  );
  app.put(
    '/api/v1/store/admin/categories/:id',
    { schema: { tags, summary: 'Managers: rename or move a category', params: idParams, body: categoryInputSchema, response: { 200: categoryRowOut } } },
    async (req) => c.updateCategory(req.actor, req.params.id, req.body),
  );
  app.put(
    '/api/v1/store/admin/categories/:id/retired',
    {
      schema: {
        tags,
        summary: 'Managers: retire a category (or bring it back)',
        params: idParams,
        body: categoryRetireSchema,
        response: { 200: categoryRowOut },
      },
    },
    async (req) => c.retireCategory(req.actor, req.params.id, req.body),
  );
}
