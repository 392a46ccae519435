import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * JSON lines on stdout: one object per event, with ids but never secrets or personal data
 * (no names, no message text, no card values). Each line written while a request is being
 * handled carries that request's id, and the activity's, so a turn's lines can be found.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;
export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

/** Where else log lines go (Application Insights, when configured). */
export type LogSink = (level: LogLevel, event: string, fields: LogFields) => void;

const requestScope = new AsyncLocalStorage<LogFields>();

/** Runs work for one request: every log line written meanwhile carries these ids. */
export function inRequest<T>(ids: LogFields, work: () => T): T {
  return requestScope.run(ids, work);
}

export function createLogger(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  base: LogFields = {},
  sink?: LogSink,
): Logger {
  const emit = (level: LogLevel, event: string, fields: LogFields = {}) => {
    const all = { ...requestScope.getStore(), ...base, ...fields };
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...all }));
    sink?.(level, event, all);
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
    child: (fields) => createLogger(write, { ...base, ...fields }, sink),
  };
}

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: Logger = {
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
