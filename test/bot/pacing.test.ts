import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DEFAULT_MARGIN_MS,
  TEAMS_CONVERSATION_WINDOWS,
  TEAMS_TENANT_WINDOWS,
} from '../../bot/reminders/paced-sender.js';
import { RateLimiter } from '../../bot/reminders/rate-limiter.js';
import {
  assertWithinWindows,
  busiest,
  ConnectorError,
  SenderHarness,
  type Target,
} from './pacing-support.js';

const HOUR = 3_600_000;
const MARGIN = DEFAULT_MARGIN_MS;

/** Reserves a send as the paced sender does: the later of its conversation's and tenant's slots. */
function reserveBoth(
  conversations: RateLimiter,
  tenants: RateLimiter,
  target: Target,
  now: number,
): number {
  const at = Math.max(
    conversations.earliest(target.conversation, now),
    tenants.earliest(target.tenant, now),
  );
  conversations.reserve(target.conversation, at);
  tenants.reserve(target.tenant, at);
  return at;
}

describe('pacing reminders within the Teams rate limits', () => {
  it('uses the Teams windows: 7/1 s, 8/2 s, 60/30 s, 1800/hour a conversation, 30/s a tenant', () => {
    assert.deepEqual(TEAMS_CONVERSATION_WINDOWS, [
      { limit: 7, ms: 1_000 },
      { limit: 8, ms: 2_000 },
      { limit: 60, ms: 30_000 },
      { limit: 1_800, ms: HOUR },
    ]);
    assert.deepEqual(TEAMS_TENANT_WINDOWS, [{ limit: 30, ms: 1_000 }]);
  });

  describe('RateLimiter', () => {
    it('lets a burst go as fast as the windows allow, and no faster', () => {
      const limiter = new RateLimiter(TEAMS_CONVERSATION_WINDOWS);
      const times: number[] = [];
      for (let i = 0; i < 20; i += 1) {
        const at = limiter.earliest('c', 0);
        limiter.reserve('c', at);
        times.push(at);
      }
      assert.deepEqual(times.slice(0, 9), [0, 0, 0, 0, 0, 0, 0, 1_000, 2_000]);
      assertWithinWindows(times, TEAMS_CONVERSATION_WINDOWS, 'burst');
    });

    it('over a long run in one conversation, keeps every window, the hour one too', () => {
      const limiter = new RateLimiter(TEAMS_CONVERSATION_WINDOWS);
      const times: number[] = [];
      let now = 0;
      for (let i = 0; i < 4_000; i += 1) {
        const at = limiter.earliest('c', now);
        assert.ok(at >= now, 'never earlier than asked');
        limiter.reserve('c', at);
        times.push(at);
        now += i % 3 === 0 ? 0 : 100;
      }
      assertWithinWindows(times, TEAMS_CONVERSATION_WINDOWS, 'long run');
      assert.equal(busiest(times, HOUR), 1_800, 'the hour is used to its limit');
      assert.equal(times[1_800], (times[0] ?? 0) + HOUR, 'the 1801st waits the hour out');
      assert.ok((times.at(-1) ?? 0) < 3 * HOUR, '4,000 sends take under three hours');
    });

    it('keeps every window of several conversations and their tenant, for any arrivals', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 6 }),
          // Bursts: sends that arrive together (a sweep's workers), then a pause.
          fc.array(
            fc.record({
              gap: fc.nat({ max: 3_000 }),
              sends: fc.array(
                fc.tuple(
                  fc.nat(5),
                  fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, fc.nat({ max: 30 })),
                ),
                { maxLength: 150, size: 'max' },
              ),
            }),
            { minLength: 1, maxLength: 8 },
          ),
          fc.constantFrom(0, MARGIN),
          (count, bursts, margin) => {
            const conversations = new RateLimiter(TEAMS_CONVERSATION_WINDOWS, margin);
            const tenants = new RateLimiter(TEAMS_TENANT_WINDOWS, margin);
            const byConversation = new Map<string, number[]>();
            const tenant: number[] = [];
            let now = 0;
            const arrivals = bursts.flatMap(({ gap, sends }) =>
              sends.map(([which, within], i) => [which, i === 0 ? gap : within] as const),
            );
            for (const [which, gap] of arrivals) {
              now += gap;
              const target = { conversation: `c${which % count}`, tenant: 't' };
              const at = reserveBoth(conversations, tenants, target, now);
              assert.ok(at >= now);
              const times = byConversation.get(target.conversation) ?? [];
              assert.ok(at >= (times.at(-1) ?? 0), 'a conversation never goes back in time');
              byConversation.set(target.conversation, [...times, at]);
              tenant.push(at);
            }
            for (const [conversation, times] of byConversation) {
              assertWithinWindows(times, TEAMS_CONVERSATION_WINDOWS, conversation, margin);
            }
            assertWithinWindows(tenant, TEAMS_TENANT_WINDOWS, 'tenant', margin);
          },
        ),
        { numRuns: 150 },
      );
    });

    it('keeps its margin clear of the window edge when a send was pushed back by another window', () => {
      const limiter = new RateLimiter([{ limit: 2, ms: 1_000 }], MARGIN);
      limiter.reserve('t', 0);
      // Pushed to a second later by a conversation's own window, say.
      limiter.reserve('t', 1_000);
      assert.equal(limiter.earliest('t', 1_000), 1_000 + MARGIN);
    });

    it('a hold pushes the next send back; an earlier hold changes nothing', () => {
      const limiter = new RateLimiter(TEAMS_CONVERSATION_WINDOWS);
      limiter.reserve('c', 100);
      limiter.holdUntil('c', 5_000);
      assert.equal(limiter.earliest('c', 200), 5_000);
      limiter.holdUntil('c', 3_000);
      assert.equal(limiter.earliest('c', 200), 5_000);
      assert.equal(limiter.earliest('other', 200), 200, 'other keys are not held');
    });
  });

  describe('PacedSender', () => {
    let harness: SenderHarness | undefined;
    const start = (options: ConstructorParameters<typeof SenderHarness>[0] = {}) => {
      harness = new SenderHarness(options);
      return harness;
    };
    afterEach(() => {
      harness?.restore();
      harness = undefined;
    });

    const ONE: Target = { conversation: 'c1', tenant: 't1' };
    const SAME_TENANT: Target = { conversation: 'c2', tenant: 't1' };
    const ELSEWHERE: Target = { conversation: 'c3', tenant: 't2' };

    it('spaces a burst to one conversation to keep to its windows', async () => {
      const h = start();
      const results = await h.settle(Array.from({ length: 70 }, (_, i) => h.send(`m${i}`, ONE)));
      assert.ok(results.every((r) => r.outcome === 'sent' && r.attempts === 1));
      const times = h.timesOf();
      assert.equal(times.length, 70);
      assert.deepEqual(times.slice(0, 9), [0, 0, 0, 0, 0, 0, 0, 1_000 + MARGIN, 2_000 + MARGIN]);
      assertWithinWindows(times, TEAMS_CONVERSATION_WINDOWS, 'c1', MARGIN);
      assert.ok((times[60] ?? 0) >= 30_000 + MARGIN, 'the 61st waits for the 30-second window');
      assert.deepEqual(
        h.delivered.map((d) => d.label),
        Array.from({ length: 70 }, (_, i) => `m${i}`),
        'in the order they were sent',
      );
    });

    for (const order of ['one conversation after another', 'round robin'] as const) {
      it(`keeps each conversation and the tenant within their windows (${order})`, async () => {
        const h = start();
        const targets = Array.from({ length: 6 }, (_, i) => ({
          conversation: `c${i}`,
          tenant: 't1',
        }));
        const messages =
          order === 'round robin'
            ? Array.from({ length: 25 }, (_, i) => targets.map((target) => ({ target, i }))).flat()
            : targets.flatMap((target) => Array.from({ length: 25 }, (_, i) => ({ target, i })));
        const results = await h.settle(
          messages.map(({ target, i }) => h.send(`${target.conversation}-${i}`, target)),
        );
        assert.ok(results.every((r) => r.outcome === 'sent'));
        assert.equal(new Set(h.delivered.map((d) => d.label)).size, 150, 'each sent once');
        assert.equal(h.attempts.length, 150);
        for (const target of targets) {
          assertWithinWindows(
            h.timesOf((d) => d.conversation === target.conversation),
            TEAMS_CONVERSATION_WINDOWS,
            target.conversation,
            MARGIN,
          );
        }
        assertWithinWindows(h.timesOf(), TEAMS_TENANT_WINDOWS, 'tenant t1', MARGIN);
        if (order === 'round robin') {
          assert.equal(h.timesOf().filter((t) => t < 1_000).length, 30, '30 in the first second');
        } else {
          // Each conversation's own windows allow its 25 in about 7 s; the six run side by side (held up, it took 36 s).
          assert.ok(
            Math.max(...h.timesOf()) < 8_000,
            `a conversation waiting for its windows held up the others: the last went at ${Math.max(...h.timesOf())} ms`,
          );
        }
      });
    }

    it('sends at once what is already spaced out', async () => {
      const h = start();
      const sends = [];
      for (let i = 0; i < 5; i += 1) {
        sends.push(h.send(`m${i}`, ONE));
        await h.clock.tickAsync(400);
      }
      await h.settle(sends);
      assert.deepEqual(h.timesOf(), [0, 400, 800, 1_200, 1_600]);
      assert.deepEqual(h.sleeps, []);
    });

    it('backs off exponentially on 429, each wait between half and all of its step', async () => {
      const h = start({ random: () => 0.5 });
      const [result] = await h.settle([h.send('m', ONE, [429, 429, 429, 429, 429])]);
      assert.deepEqual(result, { outcome: 'sent', attempts: 6 });
      assert.deepEqual(h.sleeps, [750, 1_500, 3_000, 6_000, 12_000]);
      assert.deepEqual(
        h.attempts.map((a) => a.at),
        [0, 750, 2_250, 5_250, 11_250, 23_250],
      );
    });

    it('for any jitter, the waits grow and stay within [half, full] of a step capped at the maximum', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
            minLength: 7,
            maxLength: 7,
          }),
          fc.constantFrom(429, 412, 502, 504),
          async (randoms, status) => {
            let next = 0;
            const h = new SenderHarness({
              random: () => randoms[next++ % randoms.length] ?? 0,
              maxAttempts: 8,
              baseDelayMs: 1_000,
              maxDelayMs: 16_000,
            });
            try {
              const [result] = await h.settle([h.send('m', ONE, Array(7).fill(status))]);
              assert.deepEqual(result, { outcome: 'sent', attempts: 8 });
              assert.equal(h.sleeps.length, 7);
              h.sleeps.forEach((ms, i) => {
                const step = Math.min(16_000, 1_000 * 2 ** i);
                assert.ok(
                  ms >= step / 2 && ms <= step,
                  `wait ${i + 1}: ${ms} ms for a step of ${step}`,
                );
                // Below the cap each step doubles, so a wait is at least the whole step before.
                if (i > 0 && step < 16_000) {
                  assert.ok(ms >= (h.sleeps[i - 1] ?? 0), 'the waits never shrink');
                }
              });
            } finally {
              h.restore();
            }
          },
        ),
        { numRuns: 40 },
      );
    });

    it('honours Retry-After when it asks for longer than the backoff, never for less', async () => {
      const h = start();
      const [long, short] = await h.settle([
        h.send('long', ONE, [new ConnectorError(429, '7')]),
        h.send('short', ELSEWHERE, [new ConnectorError(429, '0')]),
      ]);
      assert.deepEqual(long, { outcome: 'sent', attempts: 2 });
      assert.deepEqual(short, { outcome: 'sent', attempts: 2 });
      assert.deepEqual(
        h.sleeps.sort((a, b) => a - b),
        [750, 7_000],
      );
      assert.deepEqual(
        h.delivered.map((d) => [d.label, d.at]),
        [
          ['short', 750],
          ['long', 7_000],
        ],
      );
    });

    it('a 429 holds back the whole conversation and tenant, not other tenants', async () => {
      const h = start();
      const first = h.send('throttled', ONE, [new ConnectorError(429, '7')]);
      await h.clock.tickAsync(10);
      const results = await h.settle([
        first,
        h.send('same conversation', ONE),
        h.send('same tenant', SAME_TENANT),
        h.send('other tenant', ELSEWHERE),
      ]);
      assert.ok(results.every((r) => r.outcome === 'sent'));
      const at = Object.fromEntries(h.delivered.map((d) => [d.label, d.at]));
      assert.deepEqual(at, {
        'other tenant': 10,
        throttled: 7_000,
        'same conversation': 7_000,
        'same tenant': 7_000,
      });
    });

    for (const status of [412, 502, 504]) {
      it(`retries a ${status} after a backoff, without holding others back`, async () => {
        const h = start();
        const first = h.send('m', ONE, [status]);
        await h.clock.tickAsync(10);
        const [result] = await h.settle([first, h.send('next', ONE)]);
        assert.deepEqual(result, { outcome: 'sent', attempts: 2 });
        assert.deepEqual(h.sleeps, [750]);
        assert.deepEqual(
          h.attempts.map((a) => [a.label, a.at]),
          [
            ['m', 0],
            ['next', 10],
            ['m', 750],
          ],
        );
      });
    }

    it('a 403 (the app removed or blocked) is "forbidden" at once, never retried', async () => {
      const h = start();
      const [result] = await h.settle([h.send('m', ONE, [403, 403])]);
      assert.deepEqual(result, { outcome: 'forbidden', attempts: 1, status: 403 });
      assert.equal(h.attempts.length, 1);
      assert.deepEqual(h.sleeps, []);
      assert.deepEqual(h.delivered, []);
    });

    it('gives up as "failed" after maxAttempts, with the last status', async () => {
      const h = start({ maxAttempts: 4 });
      const [result] = await h.settle([h.send('m', ONE, [502, 429, 412, 504, 504])]);
      assert.deepEqual(result, { outcome: 'failed', attempts: 4, status: 504 });
      assert.equal(h.attempts.length, 4);
      assert.equal(h.sleeps.length, 3);
      assert.deepEqual(h.delivered, []);
    });

    it('fails at once on a status not worth retrying, counting the one attempt made', async () => {
      const h = start();
      const [bad, unknown] = await h.settle([
        h.send('bad', ONE, [400]),
        h.send('network', ELSEWHERE, [new ConnectorError(undefined)]),
      ]);
      assert.deepEqual(bad, { outcome: 'failed', attempts: 1, status: 400 });
      assert.deepEqual(unknown, { outcome: 'failed', attempts: 1 });
      assert.equal(h.attempts.length, 2);
      assert.deepEqual(h.sleeps, []);
    });
  });
});
