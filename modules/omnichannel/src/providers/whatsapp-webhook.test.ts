import { describe, expect, it } from 'vitest';
import { parseWhatsAppWebhook } from './whatsapp-webhook';

const notification = (value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '102290129340398',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '525550001111', phone_number_id: '106540352242922' },
            ...value,
          },
        },
      ],
    },
  ],
});

const contacts = [{ profile: { name: 'María López' }, wa_id: '5215512345678' }];
const sentFrom = { from: '5215512345678', timestamp: '1749416383' };
const context = { from: '525550001111', id: 'wamid.REMINDER' };

describe('parseWhatsAppWebhook', () => {
  it('reads a text message with the sender profile name', () => {
    const payload = notification({
      contacts,
      messages: [{ ...sentFrom, id: 'wamid.TEXT', type: 'text', text: { body: '¿Tienen cita el sábado?' } }],
    });

    expect(parseWhatsAppWebhook(payload)).toEqual({
      messages: [
        {
          providerMessageId: 'wamid.TEXT',
          from: '5215512345678',
          text: '¿Tienen cita el sábado?',
          timestamp: new Date(1749416383 * 1000),
          name: 'María López',
        },
      ],
      statuses: [],
    });
  });

  it('reads interactive and template quick-reply buttons, and skips other message types', () => {
    const payload = notification({
      contacts,
      messages: [
        {
          ...sentFrom,
          context,
          id: 'wamid.BUTTON',
          type: 'interactive',
          interactive: { type: 'button_reply', button_reply: { id: 'confirm', title: 'Confirmar' } },
        },
        { ...sentFrom, context, id: 'wamid.QUICK', type: 'button', button: { payload: 'CANCEL', text: 'Cancelar' } },
        { ...sentFrom, id: 'wamid.IMAGE', type: 'image', image: { id: '1479537139650973', mime_type: 'image/jpeg', sha256: 'abc' } },
        { ...sentFrom, id: 'wamid.REACTION', type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } },
      ],
    });

    const { messages } = parseWhatsAppWebhook(payload);

    expect(messages.map(({ providerMessageId, text, buttonId }) => ({ providerMessageId, text, buttonId }))).toEqual([
      { providerMessageId: 'wamid.BUTTON', text: 'Confirmar', buttonId: 'confirm' },
      { providerMessageId: 'wamid.QUICK', text: 'Cancelar', buttonId: 'CANCEL' },
    ]);
  });

  it('reads delivery statuses, with the error code of a failed one', () => {
    const payload = notification({
      statuses: [
        {
          id: 'wamid.OUT1',
          status: 'delivered',
          timestamp: '1749416400',
          recipient_id: '5215512345678',
          conversation: { id: 'c1', origin: { type: 'utility' } },
          pricing: { billable: true, pricing_model: 'PMP', category: 'utility' },
        },
        { id: 'wamid.OUT2', status: 'read', timestamp: '1749416500', recipient_id: '5215512345678' },
        {
          id: 'wamid.OUT3',
          status: 'failed',
          timestamp: '1749416600',
          recipient_id: '5215512345678',
          errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'More than 24 hours.' } }],
        },
        { id: 'wamid.OUT4', status: 'deleted', timestamp: '1749416700', recipient_id: '5215512345678' },
      ],
    });

    expect(parseWhatsAppWebhook(payload).statuses).toEqual([
      { providerMessageId: 'wamid.OUT1', status: 'delivered', timestamp: new Date(1749416400 * 1000) },
      { providerMessageId: 'wamid.OUT2', status: 'read', timestamp: new Date(1749416500 * 1000) },
      { providerMessageId: 'wamid.OUT3', status: 'failed', timestamp: new Date(1749416600 * 1000), errorCode: '131047' },
    ]);
  });

  it('returns nothing for other webhook fields and for payloads of another shape', () => {
    const templateUpdate = {
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'message_template_status_update', value: { event: 'APPROVED', message_template_name: 'recordatorio_cita' } }] }],
    };
    expect(parseWhatsAppWebhook(templateUpdate)).toEqual({ messages: [], statuses: [] });
    expect(parseWhatsAppWebhook({ hello: 'world' })).toEqual({ messages: [], statuses: [] });
    expect(parseWhatsAppWebhook(null)).toEqual({ messages: [], statuses: [] });
  });
});
