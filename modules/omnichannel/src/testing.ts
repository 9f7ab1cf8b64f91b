import type { Platform } from '@petfriendly/core';
import type { ChannelKind } from './omnichannel.tables';

let sequence = 0;
const PROVIDERS: Record<ChannelKind, string> = { whatsapp: 'whatsapp-cloud', sms: 'twilio', email: 'ses' };

/** A message an owner (or a stranger) wrote in, as the provider's webhook would record it: it opens or continues a conversation. */
export async function InboundMessageFactory(platform: Platform, options: { channel?: ChannelKind; from?: string; text?: string; at?: Date } = {}) {
  sequence += 1;
  const channel = options.channel ?? 'whatsapp';
  const inbox = platform.services.omnichannel.inbox;
  return inbox.recordInbound({
    channel,
    provider: PROVIDERS[channel],
    externalId: `test-${sequence}`,
    from: options.from ?? (channel === 'email' ? `persona${sequence}@example.mx` : `+52155${String(10_000_000 + sequence)}`),
    text: options.text ?? 'Hola, ¿tienen citas hoy?',
    at: options.at ?? platform.ctx.clock.now(),
  });
}
