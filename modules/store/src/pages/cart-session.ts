import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CartOwner } from '../cart.service';
import type { StoreServices } from '../services';

/** A guest's cart is found by a random key in this cookie; a signed-in owner's by their id. */
export const CART_COOKIE = 'pf_cart';
const KEY = /^[0-9a-f-]{36}$/;

const cookieOptions = (req: FastifyRequest) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: req.protocol === 'https',
  maxAge: 60 * 60 * 24 * 30,
});

/**
 * Whose cart this request uses. A signed-in owner who still carries a guest cart cookie gets the
 * guest's lines merged into their own cart, and the cookie is cleared. Guests (and staff browsing
 * the shop) get a cookie on their first `create`; without one and without `create` there is no cart yet.
 */
export async function cartOwner(req: FastifyRequest, reply: FastifyReply, s: StoreServices, options: { create?: boolean } = {}): Promise<CartOwner | null> {
  const key = req.cookies?.[CART_COOKIE];
  const guestKey = key && KEY.test(key) ? key : null;
  if (req.actor.kind === 'owner') {
    if (key !== undefined) {
      if (guestKey) await s.carts.mergeGuestCart(guestKey, req.actor.userId);
      reply.clearCookie(CART_COOKIE, { path: '/' });
    }
    return { ownerId: req.actor.userId };
  }
  if (guestKey) return { sessionKey: guestKey };
  if (!options.create) return null;
  const fresh = randomUUID();
  reply.setCookie(CART_COOKIE, fresh, cookieOptions(req));
  return { sessionKey: fresh };
}

/** How many units are in the caller's cart (0 without one), for the cart link on every store page. */
export async function cartCount(s: StoreServices, owner: CartOwner | null): Promise<number> {
  return owner ? (await s.carts.getCart(owner)).count : 0;
}
