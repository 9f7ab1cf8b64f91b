/** How a request's state looks, for owners and staff alike. */
export const STATUS_TONES = { pending: 'warn', done: 'ok', rejected: 'muted' } as const;
