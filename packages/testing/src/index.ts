export { openTestDatabase } from './database';
export { type RecordedRequest, type ScriptedResponse, startLoopbackServer } from './loopback-http-server';
export { offeredTools, type SentRequest, textReply, toolReply } from './openai-stream';
export { createTestPlatform, type TestPlatform } from './platform';
export { MIGRATIONS_DIR, prepareSchema } from './template';
