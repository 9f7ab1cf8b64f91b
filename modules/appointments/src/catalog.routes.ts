import { type HttpApp, idParams } from '@petfriendly/core';
import { z } from 'zod';
import {
  catalogueQuerySchema,
  reorderSchema,
  retireSchema,
  serviceCategoryOut,
  serviceCategorySchema,
  serviceTypeOut,
  serviceTypeSchema,
} from './appointments.schemas';
import type { AppointmentsServices } from './services';

const tags = ['appointments'];

/** `/api/v1/catalogue`: managers keep the clinic's service categories and service types. */
export async function catalogRoutes(app: HttpApp, s: AppointmentsServices) {
  const c = s.catalog;
  app.get(
    '/api/v1/catalogue/categories',
    { schema: { tags, summary: 'Staff: service categories in order', querystring: catalogueQuerySchema, response: { 200: z.array(serviceCategoryOut) } } },
    async (req) => c.listCategories(req.actor, req.query),
  );
  app.post(
    '/api/v1/catalogue/categories',
    { schema: { tags, summary: 'Managers: add a service category (last in order)', body: serviceCategorySchema, response: { 201: serviceCategoryOut } } },
    async (req, reply) => reply.status(201).send(await c.createCategory(req.actor, req.body)),
  );
  app.put(
    '/api/v1/catalogue/categories/order',
    { schema: { tags, summary: 'Managers: order the categories (every id once)', body: reorderSchema, response: { 200: z.array(serviceCategoryOut) } } },
    async (req) => c.reorderCategories(req.actor, req.body),
  );
  app.put(
    '/api/v1/catalogue/categories/:id',
    { schema: { tags, summary: 'Managers: change a service category', params: idParams, body: serviceCategorySchema, response: { 200: serviceCategoryOut } } },
    async (req) => c.updateCategory(req.actor, req.params.id, req.body),
  );
  app.put(
    '/api/v1/catalogue/categories/:id/retired',
    {
      schema: { tags, summary: 'Managers: retire a category (or bring it back)', params: idParams, body: retireSchema, response: { 200: serviceCategoryOut } },
    },
    async (req) => c.retireCategory(req.actor, req.params.id, req.body),
  );
  app.put(
    '/api/v1/catalogue/categories/:id/services/order',
    {
      schema: {
        tags,
        summary: "Managers: order a category's services (every id once)",
        params: idParams,
        body: reorderSchema,
        response: { 200: z.array(serviceTypeOut) },
      },
    },
    async (req) => c.reorderServiceTypes(req.actor, req.params.id, req.body),
  );
  app.get(
    '/api/v1/catalogue/services',
    {
      schema: {
        tags,
        summary: 'Staff: every service with price, tax and SAT keys, who performs it',
        querystring: catalogueQuerySchema,
        response: { 200: z.array(serviceTypeOut) },
      },
    },
    async (req) => c.listServiceTypes(req.actor, req.query),
  );
  app.get(
    '/api/v1/catalogue/services/:id',
    { schema: { tags, summary: 'Staff: one service', params: idParams, response: { 200: serviceTypeOut } } },
    async (req) => c.getServiceType(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/catalogue/services',
    { schema: { tags, summary: 'Managers: add a service (price and deposit IVA included)', body: serviceTypeSchema, response: { 201: serviceTypeOut } } },
    async (req, reply) => reply.status(201).send(await c.createServiceType(req.actor, req.body)),
  );
  app.put(
    '/api/v1/catalogue/services/:id',
    { schema: { tags, summary: 'Managers: change a service', params: idParams, body: serviceTypeSchema, response: { 200: serviceTypeOut } } },
    async (req) => c.updateServiceType(req.actor, req.params.id, req.body),
  );
  app.put(
    '/api/v1/catalogue/services/:id/retired',
    { schema: { tags, summary: 'Managers: retire a service (or bring it back)', params: idParams, body: retireSchema, response: { 200: serviceTypeOut } } },
    async (req) => c.retireServiceType(req.actor, req.params.id, req.body),
  );
}
