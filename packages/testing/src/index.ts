export { openTestDatabase } from './database';
export { createTestPlatform, type TestPlatform } from './platform';
export { prepareSchema, MIGRATIONS_DIR } from './template';
export { startLoopbackServer, type RecordedRequest, type ScriptedResponse } from './loopback-http-server';
export { textReply, toolReply, offeredTools, type SentRequest } from './openai-stream';
