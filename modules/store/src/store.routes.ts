import { type HttpApp, idParams, noContent, pageQuerySchema, requireAuthenticated } from '@petfriendly/core';
import { z } from 'zod';
import type { StoreServices } from './services';
import {
  addItemSchema,
  adjustSchema,
  batchOut,
  cartItemOut,
  cartOut,
  categoryOut,
  checkoutOut,
  checkoutSchema,
  couponInputSchema,
  couponOut,
  couponSchema,
  expiringOut,
  lowStockOut,
  movementOut,
  movementPageOut,
  orderDetailOut,
  orderListSchema,
  orderOut,
  orderPageOut,
  orderStatusSchema,
  productCardListOut,
  productCardPageOut,
  productDetailOut,
  productOut,
  productSchema,
  receiveSchema,
  recommendationsSchema,
  searchSchema,
  stockOut,
  updateItemSchema,
} from './store.schemas';

const tags = ['store'];
/** The API is for signed-in callers (Bearer); guests' carts live in the website's session. */
const ownerCart = (req: { actor: Parameters<typeof requireAuthenticated>[0] }) => ({ ownerId: requireAuthenticated(req.actor).userId });

/** `/api/v1` for the catalogue, cart, orders and inventory. */
export async function storeRoutes(app: HttpApp, s: StoreServices) {
  app.get('/api/v1/store/categories', { schema: { tags, summary: 'Category tree (depth-first)', response: { 200: z.array(categoryOut) } } }, async () =>
    s.products.listCategories(),
  );
  app.get(
    '/api/v1/store/products',
    {
      schema: {
        tags,
        summary: 'Search products (accents and typos tolerated), with filters; paginated',
        querystring: searchSchema,
        response: { 200: productCardPageOut },
      },
    },
    async (req) => s.products.searchProducts(req.actor, req.query),
  );
  app.get(
    '/api/v1/store/products/:id',
    {
      schema: {
        tags,
        summary: 'One product by id or slug',
        params: z.object({ id: z.string().min(1).describe('The numeric id, or the slug') }),
        response: { 200: productDetailOut },
      },
    },
    async (req) => s.products.getProduct(req.actor, req.params.id),
  );
  app.get(
    '/api/v1/store/recommendations',
    {
      schema: { tags, summary: 'Products for a pet (species, age, past purchases)', querystring: recommendationsSchema, response: { 200: productCardListOut } },
    },
    async (req) => s.products.getRecommendations(req.actor, req.query),
  );
  app.post(
    '/api/v1/store/products',
    { schema: { tags, summary: 'Managers: add a product', body: productSchema, response: { 201: productOut } } },
    async (req, reply) => reply.status(201).send(await s.products.createProduct(req.actor, req.body)),
  );
  app.put(
    '/api/v1/store/products/:id',
    { schema: { tags, summary: 'Managers: edit a product', params: idParams, body: productSchema, response: { 200: productOut } } },
    async (req) => s.products.updateProduct(req.actor, req.params.id, req.body),
  );

  app.get(
    '/api/v1/cart',
    {
      schema: {
        tags,
        summary: "The caller's cart with totals (IVA, coupon, shipping)",
        querystring: z.object({ fulfilment: z.enum(['pickup', 'delivery']).default('pickup') }),
        response: { 200: cartOut },
      },
    },
    async (req) => s.carts.getCart(ownerCart(req), req.query.fulfilment),
  );
  app.post(
    '/api/v1/cart/items',
    { schema: { tags, summary: 'Add a product (prescription products name the pet)', body: addItemSchema, response: { 201: cartItemOut } } },
    async (req, reply) => reply.status(201).send(await s.carts.addItem(req.actor, ownerCart(req), req.body)),
  );
  app.patch(
    '/api/v1/cart/items/:id',
    {
      schema: {
        tags,
        summary: 'Change a quantity (0 removes)',
        params: idParams,
        body: updateItemSchema,
        response: { 200: cartItemOut.nullable().describe('The line; null when quantity 0 removed it') },
      },
    },
    async (req) => s.carts.updateItem(ownerCart(req), req.params.id, req.body),
  );
  app.delete('/api/v1/cart/items/:id', { schema: { tags, summary: 'Remove a line', params: idParams, response: { 204: noContent } } }, async (req, reply) => {
    await s.carts.removeItem(ownerCart(req), req.params.id);
    return reply.status(204).send(null);
  });
  app.post('/api/v1/cart/coupon', { schema: { tags, summary: 'Apply a coupon code', body: couponInputSchema, response: { 200: cartOut } } }, async (req) =>
    s.carts.applyCoupon(ownerCart(req), req.body),
  );
  app.post(
    '/api/v1/checkout',
    {
      schema: {
        tags,
        summary: 'Place the order from the cart (409 store.out_of_stock when units ran out)',
        body: checkoutSchema,
        response: { 201: checkoutOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.checkout.completeCheckout(req.actor, ownerCart(req), req.body)),
  );

  app.get(
    '/api/v1/orders',
    { schema: { tags, summary: "The caller's orders (staff: every order)", querystring: orderListSchema, response: { 200: orderPageOut } } },
    async (req) => s.orders.getUserOrders(req.actor, req.query),
  );
  app.get(
    '/api/v1/orders/:key',
    { schema: { tags, summary: 'One order by id or number', params: z.object({ key: z.string() }), response: { 200: orderDetailOut } } },
    async (req) => s.orders.getOrder(req.actor, req.params.key),
  );
  app.post(
    '/api/v1/orders/:id/cancel',
    { schema: { tags, summary: 'Cancel an own order before it is paid or prepared', params: idParams, response: { 200: orderOut } } },
    async (req) => s.orders.cancelOwnOrder(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/orders/:id/status',
    { schema: { tags, summary: 'Staff: processing, shipped, delivered or cancelled', params: idParams, body: orderStatusSchema, response: { 200: orderOut } } },
    async (req) => s.orders.updateOrderStatus(req.actor, req.params.id, req.body),
  );

  app.get(
    '/api/v1/inventory/:id',
    { schema: { tags, summary: 'Staff: stock level and batches', params: idParams, response: { 200: stockOut } } },
    async (req) => s.inventory.checkStock(req.actor, req.params.id),
  );
  app.get(
    '/api/v1/inventory/:id/movements',
    { schema: { tags, summary: 'Staff: stock history', params: idParams, querystring: pageQuerySchema, response: { 200: movementPageOut } } },
    async (req) => s.inventory.listMovements(req.actor, req.params.id, req.query),
  );
  app.get(
    '/api/v1/inventory-alerts/low-stock',
    {
      schema: {
        tags,
        summary: 'Staff: products at or below the reorder point',
        querystring: z.object({ category: z.string().optional() }),
        response: { 200: lowStockOut },
      },
    },
    async (req) => s.inventory.getLowStockProducts(req.actor, req.query.category),
  );
  app.get(
    '/api/v1/inventory-alerts/expiring',
    {
      schema: {
        tags,
        summary: 'Staff: batches expiring soon',
        querystring: z.object({ days: z.coerce.number().int().min(1).max(730).optional() }),
        response: { 200: expiringOut },
      },
    },
    async (req) => s.inventory.getExpiringProducts(req.actor, req.query.days),
  );
  app.post(
    '/api/v1/inventory/receive',
    { schema: { tags, summary: 'Staff: receive stock as a batch', body: receiveSchema, response: { 201: batchOut } } },
    async (req, reply) => reply.status(201).send(await s.inventory.receiveStock(req.actor, req.body)),
  );
  app.post(
    '/api/v1/inventory/adjust',
    { schema: { tags, summary: 'Staff: adjust stock with a reason', body: adjustSchema, response: { 201: movementOut } } },
    async (req, reply) => reply.status(201).send(await s.inventory.adjustStock(req.actor, req.body)),
  );

  app.get('/api/v1/coupons', { schema: { tags, summary: 'Staff: coupons', response: { 200: z.array(couponOut) } } }, async (req) =>
    s.coupons.listCoupons(req.actor),
  );
  app.post(
    '/api/v1/coupons',
    { schema: { tags, summary: 'Managers: create a coupon', body: couponSchema, response: { 201: couponOut } } },
    async (req, reply) => reply.status(201).send(await s.coupons.createCoupon(req.actor, req.body)),
  );
}
