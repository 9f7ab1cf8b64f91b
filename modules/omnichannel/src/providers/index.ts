export * from './types';
export * from './local';
export * from './smtp';
export * from './twilio';
export * from './whatsapp';
export * from './whatsapp-webhook';
export * from './ses';
