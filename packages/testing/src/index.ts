export { openTestDatabase } from './database';
export { adminQuery, serverReachable, withDatabase } from './global-setup';
export { hasLibical, libicalProblems, parseCalendar } from './icalendar';
export { type RecordedRequest, type ScriptedResponse, startLoopbackServer } from './loopback-http-server';
export { readMailHtml } from './mail-html';
export { offeredTools, type SentRequest, textReply, toolReply } from './openai-stream';
export { createTestPlatform, type TestPlatform } from './platform';
export { type ParsedMail, type SmtpSink, startSmtpSink } from './smtp-sink';
export { MIGRATIONS_DIR, prepareSchema } from './template';
