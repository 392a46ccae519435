import { statusOf } from '../status-of.js';
import { RateLimiter, type RateWindow } from './rate-limiter.js';

/** The Teams limits for one bot (ENVIRONMENT: per conversation, and per app per tenant). */
export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1_800, ms: 3_600_000 },
];
export const TEAMS_TENANT_WINDOWS: readonly RateWindow[] = [{ limit: 30, ms: 1_000 }];

export type SendOutcome = 'sent' | 'forbidden' | 'failed';

export interface SenderOptions {
  conversationWindows?: readonly RateWindow[];
  tenantWindows?: readonly RateWindow[];
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Tries per message, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Kept clear of each window's edge, for the time a send takes to arrive. */
  marginMs?: number;
}

/**
 * Clear of each window's edge: a send is timed when it leaves but counted by Teams when it
 * arrives, and sends in a burst arrive spread out. 25 ms drew some 429s in the benchmark's
 * fan-out of 1,000; 100 ms drew none, at about 91% of the allowed rate (bench/, README).
 */
export const DEFAULT_MARGIN_MS = 100;

/** Statuses worth another try: throttled, a precondition race, a bad or slow gateway. */
const RETRY = new Set([412, 429, 502, 504]);

const retryAfterMs = (error: unknown): number | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const response = (
    error as { response?: { headers?: { get?: (name: string) => string | undefined } } }
  ).response;
  const header = response?.headers?.get?.('retry-after');
  const seconds = header === undefined ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1_000 : undefined;
};

/**
 * Sends proactive messages within the Teams rate limits: each send waits for a slot under
 * its conversation's and its tenant's windows; a 429 backs off exponentially with jitter
 * (or as Retry-After says), 412/502/504 are retried, and a 403 means the user removed or
 * blocked the app, which the caller must honour by not sending there again.
 */
export class PacedSender {
  private readonly conversations: RateLimiter;
  private readonly tenants: RateLimiter;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(options: SenderOptions = {}) {
    const margin = options.marginMs ?? DEFAULT_MARGIN_MS;
    this.conversations = new RateLimiter(
      options.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS,
      margin,
    );
    this.tenants = new RateLimiter(options.tenantWindows ?? TEAMS_TENANT_WINDOWS, margin);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.baseDelayMs = options.baseDelayMs ?? 1_000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
  }

  async send(
    target: { conversation: string; tenant: string },
    deliver: () => Promise<void>,
  ): Promise<{ outcome: SendOutcome; attempts: number; status?: number }> {
    let lastStatus: number | undefined;
    let attempts = 0;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      attempts = attempt;
      await this.slot(target);
      try {
        await deliver();
        return { outcome: 'sent', attempts: attempt };
      } catch (error) {
        lastStatus = statusOf(error);
        if (lastStatus === 403) return { outcome: 'forbidden', attempts: attempt, status: 403 };
        if (lastStatus === undefined || !RETRY.has(lastStatus) || attempt === this.maxAttempts)
          break;
        const backoff = this.backoff(attempt, lastStatus === 429 ? retryAfterMs(error) : undefined);
        if (lastStatus === 429) {
          // Throttled: the conversation and the tenant both wait, not just this message.
          const until = this.now() + backoff;
          this.conversations.holdUntil(target.conversation, until);
          this.tenants.holdUntil(target.tenant, until);
        }
        await this.sleep(backoff);
      }
    }
    // The tries actually made: a status not worth retrying stops after the first.
    return {
      outcome: 'failed',
      attempts,
      ...(lastStatus ? { status: lastStatus } : {}),
    };
  }

  /** Exponential backoff with full jitter between half and all of the step. */
  private backoff(attempt: number, retryAfter: number | undefined): number {
    const step = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    const jittered = step * (0.5 + this.random() / 2);
    return Math.max(retryAfter ?? 0, Math.round(jittered));
  }

  /**
   * Waits for the conversation's own windows first, without holding a tenant slot, so that
   * one busy conversation does not hold up the rest of its tenant; then books both.
   */
  private async slot(target: { conversation: string; tenant: string }): Promise<void> {
    for (;;) {
      const now = this.now();
      const ready = this.conversations.earliest(target.conversation, now);
      if (ready > now) {
        await this.sleep(ready - now);
        continue;
      }
      const at = Math.max(ready, this.tenants.earliest(target.tenant, now));
      this.conversations.reserve(target.conversation, at);
      this.tenants.reserve(target.tenant, at);
      if (at > now) await this.sleep(at - now);
      return;
    }
  }
}
