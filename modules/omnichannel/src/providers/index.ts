export * from './local';
export * from './ses';
export * from './smtp';
export * from './twilio';
export * from './types';
export * from './whatsapp';
export * from './whatsapp-webhook';
