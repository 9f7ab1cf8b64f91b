import { localDate } from '@petfriendly/core';
import type { Flow } from '../context';
import { failed, menuButton } from '../context';
import { mediumDate, price } from '../format';
import type { Texts } from '../guided.texts';
import { commandButton } from '../menu';

interface OrderItem {
  orderNumber: string;
  status: keyof Texts['orderStatus'];
  total: string;
  createdAt: Date | string;
}

const LATEST = 5;

/** Order status: the caller's latest orders from get_my_orders, each linked to its page. */
export const ordersFlow: Flow = {
  audience: 'owner',
  async start(ctx) {
    const orders = await ctx.call<{ items: OrderItem[] }>('get_my_orders', { pageSize: LATEST });
    if (!orders.ok) return failed(ctx, orders);
    const { t, lang } = ctx;
    if (!orders.data.items.length) return ctx.turn(t.noOrders, { buttons: [commandButton(ctx, '#products'), menuButton(ctx)] });
    const lines = orders.data.items.map(
      (o) =>
        `• ${o.orderNumber} · ${mediumDate(localDate(new Date(o.createdAt), ctx.timeZone), lang)} · ${t.orderStatus[o.status] ?? o.status} · ${price(o.total, lang)}`,
    );
    return ctx.turn([t.latestOrders, ...lines].join('\n'), {
      links: orders.data.items.map((o) => ({ label: t.orderLink({ number: o.orderNumber }), href: `/my/orders/${encodeURIComponent(o.orderNumber)}` })),
      buttons: [menuButton(ctx)],
    });
  },
  pick: (ctx) => ordersFlow.start(ctx),
};
