import { z } from 'zod';

export interface WhatsAppInboundMessage {
  providerMessageId: string;
  /** The sender's WhatsApp id: digits, no '+'. */
  from: string;
  text: string;
  timestamp: Date;
  /** The sender's WhatsApp profile name. */
  name?: string;
  /** The id (interactive) or payload (template quick reply) of the button the sender pressed. */
  buttonId?: string;
}

export interface WhatsAppStatusUpdate {
  providerMessageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  timestamp: Date;
  errorCode?: string;
}

const messageBase = { id: z.string(), from: z.string(), timestamp: z.string() };
const reply = z.object({ id: z.string(), title: z.string() });

const inboundMessage = z.discriminatedUnion('type', [
  z.object({ ...messageBase, type: z.literal('text'), text: z.object({ body: z.string() }) }),
  z.object({
    ...messageBase,
    type: z.literal('interactive'),
    interactive: z.object({ button_reply: reply.optional(), list_reply: reply.optional() }),
  }),
  // A quick-reply button of a template message.
  z.object({ ...messageBase, type: z.literal('button'), button: z.object({ text: z.string(), payload: z.string().optional() }) }),
]);

const statusUpdate = z.object({
  id: z.string(),
  status: z.enum(['sent', 'delivered', 'read', 'failed']),
  timestamp: z.string(),
  errors: z.array(z.object({ code: z.number() })).optional(),
});

const webhookPayload = z.object({
  entry: z.array(
    z.object({
      changes: z.array(
        z.object({
          value: z.object({
            contacts: z.array(z.object({ wa_id: z.string(), profile: z.object({ name: z.string() }).optional() })).optional(),
            messages: z.array(z.unknown()).optional(),
            statuses: z.array(z.unknown()).optional(),
          }),
        }),
      ),
    }),
  ),
});

/**
 * Reads the text messages, button replies and delivery statuses of a Cloud API webhook
 * (entry[].changes[].value). Other message types (media, location, reactions…) and other
 * statuses are skipped rather than rejected, so one unsupported item never fails the delivery.
 */
export function parseWhatsAppWebhook(payload: unknown): {
  messages: WhatsAppInboundMessage[];
  statuses: WhatsAppStatusUpdate[];
} {
  const messages: WhatsAppInboundMessage[] = [];
  const statuses: WhatsAppStatusUpdate[] = [];
  const parsed = webhookPayload.safeParse(payload);
  if (!parsed.success) return { messages, statuses };
  for (const { value } of parsed.data.entry.flatMap((entry) => entry.changes)) {
    for (const raw of value.messages ?? []) {
      const message = inboundMessage.safeParse(raw);
      if (!message.success) continue;
      const content = messageContent(message.data);
      if (!content) continue;
      const name = value.contacts?.find((contact) => contact.wa_id === message.data.from)?.profile?.name;
      messages.push({
        providerMessageId: message.data.id,
        from: message.data.from,
        timestamp: fromUnixSeconds(message.data.timestamp),
        ...content,
        ...(name === undefined ? {} : { name }),
      });
    }
    for (const raw of value.statuses ?? []) {
      const status = statusUpdate.safeParse(raw);
      if (!status.success) continue;
      const errorCode = status.data.errors?.[0]?.code;
      statuses.push({
        providerMessageId: status.data.id,
        status: status.data.status,
        timestamp: fromUnixSeconds(status.data.timestamp),
        ...(errorCode === undefined ? {} : { errorCode: String(errorCode) }),
      });
    }
  }
  return { messages, statuses };
}

function messageContent(message: z.infer<typeof inboundMessage>): { text: string; buttonId?: string } | undefined {
  switch (message.type) {
    case 'text':
      return { text: message.text.body };
    case 'button':
      return message.button.payload === undefined ? { text: message.button.text } : { text: message.button.text, buttonId: message.button.payload };
    case 'interactive': {
      const pressed = message.interactive.button_reply ?? message.interactive.list_reply;
      return pressed && { text: pressed.title, buttonId: pressed.id };
    }
  }
}

function fromUnixSeconds(seconds: string): Date {
  return new Date(Number(seconds) * 1000);
}
