import type { LogLevel, LogSink } from './log.js';

export interface Telemetry {
  /** Sends log lines on as traces. */
  sink: LogSink;
  /** Sends what is buffered and stops. */
  stop(): Promise<void>;
}

const SEVERITY: Record<LogLevel, 'Information' | 'Warning' | 'Error'> = {
  info: 'Information',
  warn: 'Warning',
  error: 'Error',
};

/**
 * Application Insights, when its connection string is set: requests, dependencies and
 * exceptions are collected automatically, and each log line becomes a trace with the same
 * fields (ids only: the logger never carries personal data). Loaded only when configured.
 */
export async function startTelemetry(connectionString: string): Promise<Telemetry> {
  const appInsights = await import('applicationinsights');
  appInsights.setup(connectionString).setAutoCollectConsole(false).start();
  const client = appInsights.defaultClient;
  return {
    sink: (level, event, fields) => {
      const properties = Object.fromEntries(
        Object.entries(fields).flatMap(([key, value]) =>
          value === undefined ? [] : [[key, String(value)]],
        ),
      );
      client.trackTrace({ message: event, severity: SEVERITY[level], properties });
    },
    stop: async () => {
      await client.flush();
      appInsights.dispose();
    },
  };
}
