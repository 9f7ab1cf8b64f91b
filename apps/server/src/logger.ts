import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { type DestinationStream, type Level, type Logger, pino } from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'pretty' | 'json';

/** JSON lines in production, for a log collector; readable lines in a developer's terminal otherwise. */
export function logFormat(setting: LogFormat | undefined, env: Record<string, string | undefined> = process.env): LogFormat {
  return setting ?? (env.NODE_ENV === 'production' ? 'json' : 'pretty');
}

/**
 * The server's logger. Pretty output is one line per entry (`14:02:11 INFO: GET /admin 200 12 ms`), the
 * request's fields left out since the message already says them; JSON keeps every field.
 */
export function createLogger(options: { level: Level | 'silent'; format: LogFormat; destination?: DestinationStream }): Logger {
  if (options.format === 'json') return pino({ level: options.level }, options.destination ?? pino.destination(1));
  return pino(
    { level: options.level },
    pretty({
      destination: options.destination ?? 1,
      colorize: options.destination ? false : undefined,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,reqId,method,url,statusCode,responseTime',
      sync: true,
    }),
  );
}

/** One line per request, written when it is answered (method, URL, status, time), instead of Fastify's two. */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const ms = Math.round(reply.elapsedTime);
    const fields = { method: request.method, url: request.url, statusCode: reply.statusCode, responseTime: ms, ...(error ? { err: error } : {}) };
    reply.log[error || reply.statusCode >= 500 ? 'error' : 'info'](fields, `${request.method} ${request.url} ${reply.statusCode} ${ms} ms`);
  }
}
