import { randomUUID } from 'node:crypto';
import type { ChannelKind, MessageProvider, OutgoingMessage } from './types';

export type RecordLocalMessage = (message: OutgoingMessage & { providerMessageId: string }) => Promise<void>;

/** The embedded default: nothing leaves the machine; `record` keeps what would have been sent so staff can see it. */
export function localProvider(channel: ChannelKind, record: RecordLocalMessage): MessageProvider {
  return {
    channel,
    name: 'local',
    async send(message) {
      const providerMessageId = `local-${randomUUID()}`;
      await record({ ...message, providerMessageId });
      return { providerMessageId, status: 'sent' };
    },
  };
}
