import assert from 'node:assert/strict';
import sinon from 'sinon';
import { PacedSender, type SenderOptions } from '../../bot/reminders/paced-sender.js';
import type { RateWindow } from '../../bot/reminders/rate-limiter.js';

/** The most of `times` that fall in any span [t, t + ms): what a window of `ms` counts. */
export function busiest(times: readonly number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to += 1) {
    while ((sorted[to] ?? 0) - (sorted[from] ?? 0) >= ms) from += 1;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

/** Asserts no window is exceeded over the times, each window widened by `marginMs`. */
export function assertWithinWindows(
  times: readonly number[],
  windows: readonly RateWindow[],
  label: string,
  marginMs = 0,
): void {
  for (const window of windows) {
    const most = busiest(times, window.ms + marginMs);
    assert.ok(
      most <= window.limit,
      `${label}: ${most} sends in ${window.ms + marginMs} ms, over the limit of ${window.limit} per ${window.ms} ms`,
    );
  }
}

/** An error as the Bot Framework connector throws it: a status code and maybe Retry-After. */
export class ConnectorError extends Error {
  readonly statusCode: number | undefined;
  readonly response: { headers: { get: (name: string) => string | undefined } };

  constructor(statusCode: number | undefined, retryAfterSeconds?: string) {
    super(`connector said ${statusCode ?? 'nothing'}`);
    this.statusCode = statusCode;
    this.response = {
      headers: {
        get: (name) => (name.toLowerCase() === 'retry-after' ? retryAfterSeconds : undefined),
      },
    };
  }
}

export interface Target {
  conversation: string;
  tenant: string;
}

export interface Delivery extends Target {
  label: string;
  at: number;
}

/**
 * A paced sender on a fake clock: `now` and `sleep` run on sinon's timers, and every sleep
 * and every delivery attempt is written down with the time it happened.
 */
export class SenderHarness {
  readonly clock: sinon.SinonFakeTimers;
  readonly sleeps: number[] = [];
  /** Every call of a deliver function, failed or not. */
  readonly attempts: Delivery[] = [];
  /** The deliveries that succeeded. */
  readonly delivered: Delivery[] = [];
  readonly sender: PacedSender;

  constructor(options: SenderOptions = {}, start = 0) {
    this.clock = sinon.useFakeTimers({
      now: start,
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
    });
    this.sender = new PacedSender({
      now: () => this.clock.now,
      sleep: (ms) => {
        this.sleeps.push(ms);
        return new Promise((resolve) => {
          setTimeout(resolve, ms);
        });
      },
      random: () => 0.5,
      ...options,
    });
  }

  /**
   * A deliver function for one message: it fails with each of `failures` in turn (a status,
   * or a ConnectorError for one with headers), then succeeds.
   */
  message(label: string, target: Target, failures: (number | ConnectorError)[] = []) {
    let calls = 0;
    return async (): Promise<void> => {
      const attempt = { label, ...target, at: this.clock.now };
      this.attempts.push(attempt);
      const failure = failures[calls];
      calls += 1;
      if (failure !== undefined) {
        throw typeof failure === 'number' ? new ConnectorError(failure) : failure;
      }
      this.delivered.push(attempt);
    };
  }

  send(label: string, target: Target, failures: (number | ConnectorError)[] = []) {
    return this.sender.send(target, this.message(label, target, failures));
  }

  /** Runs the clock until nothing is waiting, then gives each send's result. */
  async settle<T>(sends: Promise<T>[]): Promise<T[]> {
    await this.clock.runAllAsync();
    return Promise.all(sends);
  }

  timesOf(filter: (d: Delivery) => boolean = () => true): number[] {
    return this.delivered.filter(filter).map((d) => d.at);
  }

  restore(): void {
    this.clock.restore();
  }
}
