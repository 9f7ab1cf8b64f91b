import type { ModuleContext } from '@petfriendly/core';

/** The clinic's public address, for links sent outside the site (WhatsApp, staff notes). */
export const siteUrl = (ctx: ModuleContext) => ctx.server.BASE_URL ?? `http://${ctx.server.HOST}:${ctx.server.PORT}`;
