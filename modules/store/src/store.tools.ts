import { defineTool, requireAuthenticated, rowId, type ToolDefinition } from '@petfriendly/core';
import { z } from 'zod';
import type { StoreServices } from './services';
import { addItemSchema, orderListSchema, recommendationsSchema, searchSchema } from './store.schemas';

/** AI tools for shopping (owners) and stock (staff); the services check who may do what. */
export function storeTools(s: StoreServices): ToolDefinition[] {
  return [
    defineTool({
      name: 'search_products',
      description: 'Search the clinic store (name, species, category, price in MXN). Prices include IVA: they are what the customer pays.',
      input: searchSchema,
      permission: 'public',
      handler: (input, actor) => s.products.searchProducts(actor, input),
    }),
    defineTool({
      name: 'get_product',
      description: 'Details of one product by id or slug.',
      input: z.object({ product: z.string() }),
      permission: 'public',
      handler: ({ product }, actor) => s.products.getProduct(actor, product),
    }),
    defineTool({
      name: 'get_recommendations',
      description: "Products suited to one of the caller's pets.",
      input: recommendationsSchema,
      permission: 'owner',
      handler: (input, actor) => s.products.getRecommendations(actor, input),
    }),
    defineTool({
      name: 'add_to_cart',
      description: "Add a product to the caller's cart.",
      input: addItemSchema,
      permission: 'owner',
      handler: (input, actor) => s.carts.addItem(actor, { ownerId: requireAuthenticated(actor).userId }, input),
    }),
    defineTool({
      name: 'get_cart',
      description: "The caller's cart and totals (prices include IVA; tax is the IVA the total includes).",
      input: z.object({}),
      permission: 'owner',
      handler: (_i, actor) => s.carts.getCart({ ownerId: requireAuthenticated(actor).userId }),
    }),
    defineTool({
      name: 'get_my_orders',
      description: "The caller's orders and their status.",
      input: orderListSchema,
      permission: 'owner',
      handler: (input, actor) => s.orders.getUserOrders(actor, input),
    }),
    defineTool({
      name: 'get_order_status',
      description: 'One order by its number (e.g. P26000123).',
      input: z.object({ order: z.string() }),
      permission: 'owner',
      handler: ({ order }, actor) => s.orders.getOrder(actor, order),
    }),
    defineTool({
      name: 'check_stock',
      description: 'Staff: stock level and batches of a product.',
      input: z.object({ productId: rowId }),
      permission: 'staff',
      handler: ({ productId }, actor) => s.inventory.checkStock(actor, productId),
    }),
    defineTool({
      name: 'get_low_stock',
      description: 'Staff: products at or below their reorder point.',
      input: z.object({ category: z.string().optional() }),
      permission: 'staff',
      handler: ({ category }, actor) => s.inventory.getLowStockProducts(actor, category),
    }),
    defineTool({
      name: 'get_expiring_products',
      description: 'Staff: batches expiring within N days.',
      input: z.object({ daysAhead: z.coerce.number().int().min(1).max(730).optional() }),
      permission: 'staff',
      handler: ({ daysAhead }, actor) => s.inventory.getExpiringProducts(actor, daysAhead),
    }),
    defineTool({
      name: 'controlled_drug_balance',
      description:
        'Vets and managers: what the controlled-drug book holds per batch (units), for one product or all controlled products, with COFEPRIS group and expiry.',
      input: z.object({ productId: rowId.optional() }),
      permission: 'staff',
      handler: ({ productId }, actor) => s.book.balances(actor, productId),
    }),
  ];
}
