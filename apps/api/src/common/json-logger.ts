import type { LoggerService } from '@nestjs/common';
import { writeSync } from 'node:fs';
import { currentRequestId } from './request-context.js';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogSink = (line: string) => void;

let pending: string[] = [];
let flushTimer: NodeJS.Timeout | undefined;
/** How long a line may wait for others before it is written, and how many lines are written at most at once. */
const FLUSH_AFTER_MS = 50;
const FLUSH_AT_LINES = 200;

function flushPending(): void {
  clearTimeout(flushTimer);
  flushTimer = undefined;
  if (!pending.length) return;
  const text = pending.join('');
  pending = [];
  process.stdout.write(text);
}

/**
 * Standard output in batches: lines wait up to 50 ms for others and leave in one write. A write per line (a
 * synchronous system call waking the reader when stdout is a pipe, as under a process manager or the test stack)
 * cost a small request about as much as its three SQL statements, one write per request for the access log.
 * Lines still pending when the process exits are written synchronously then.
 */
export const stdoutSink: LogSink = (line) => {
  pending.push(line + '\n');
  if (pending.length >= FLUSH_AT_LINES) flushPending();
  else flushTimer ??= setTimeout(flushPending, FLUSH_AFTER_MS).unref();
};

process.once('exit', () => {
  if (pending.length) writeSync(1, pending.join(''));
  pending = [];
});

/**
 * Structured JSON logs, one object a line, with the request id of the current request or job.
 * Callers must never pass personal data (ID numbers, passwords, tokens) in messages or fields.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly level: Level | 'silent' = 'info',
    private readonly sink: LogSink = stdoutSink,
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  /** A log line with structured fields. */
  event(level: Level, msg: string, fields: Record<string, unknown>): void {
    if (ORDER[level] < ORDER[this.level]) return;
    this.emit({ level, msg, ...fields });
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    if (ORDER[level] < ORDER[this.level]) return;
    // Nest passes the context as the last string argument, and for errors a stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const entry: Record<string, unknown> = { level, context };
    if (message instanceof Error) {
      entry.msg = message.message;
      entry.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(entry, message);
    } else {
      entry.msg = String(message);
    }
    if (level === 'error' && typeof rest[0] === 'string') entry.stack = rest[0];
    this.emit(entry);
  }

  private emit(entry: Record<string, unknown>): void {
    const requestId = currentRequestId();
    this.sink(
      JSON.stringify({ time: new Date().toISOString(), ...(requestId ? { requestId } : {}), ...entry }),
    );
  }
}
