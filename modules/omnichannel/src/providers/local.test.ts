import { describe, expect, it } from 'vitest';
import { localProvider } from './local';
import type { OutgoingMessage } from './types';

describe('localProvider', () => {
  it('records what would have been sent under a local id and reports it sent', async () => {
    const recorded: (OutgoingMessage & { providerMessageId: string })[] = [];
    const provider = localProvider('whatsapp', async (message) => {
      recorded.push(message);
    });
    const message: OutgoingMessage = { channel: 'whatsapp', to: '+5215512345678', text: 'Firulais ya está listo' };

    const result = await provider.send(message);

    expect(provider).toMatchObject({ channel: 'whatsapp', name: 'local' });
    expect(result.status).toBe('sent');
    expect(result.providerMessageId).toMatch(/^local-[0-9a-f-]{36}$/);
    expect(recorded).toEqual([{ ...message, providerMessageId: result.providerMessageId }]);
  });

  it('fails the send when recording fails, so nothing is reported sent that was not kept', async () => {
    const provider = localProvider('email', async () => {
      throw new Error('database unavailable');
    });

    await expect(provider.send({ channel: 'email', to: 'maria@example.mx', text: 'Hola' })).rejects.toThrow('database unavailable');
  });
});
