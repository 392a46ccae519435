/**
 * The reminder sweep at scale: 1,000 reminders owed at once, fanned out by the real sweep
 * (POST /api/reminders/run on the bot `startApp` builds, with its own PacedSender) to a local
 * connector that enforces the Teams rate limits with 429 (test/support/rate-limited-connector).
 * It counts what arrived, per reminder, the 429s, and how close the pacing came to the
 * allowed rate. Two more fan-outs: one officer owning many of the reminders (a conversation's
 * windows bind, not the tenant's), and the first again with a wider pacing margin. Then it
 * measures the sweep's query with 1,000, 20,000 and 100,000 records stored, the same number
 * due, at the embedded Cosmos DB server with its query engine patched to scan linearly
 * (patches/; bench/embedded-scan.ts checks that the patch is in place).
 */
import { cpus, loadavg } from 'node:os';
import { type Container, CosmosClient, type JSONObject, type OperationInput } from '@azure/cosmos';
import { type App, startApp } from '../bot/app.js';
import { loadConfig } from '../bot/config.js';
import { silentLogger } from '../bot/log.js';
import {
  DEFAULT_MARGIN_MS,
  PacedSender,
  TEAMS_CONVERSATION_WINDOWS,
  TEAMS_TENANT_WINDOWS,
} from '../bot/reminders/paced-sender.js';
import type { SweepReport } from '../bot/reminders/sweep.js';
import { CONTAINERS } from '../bot/store/containers.js';
import { LOCAL_CONNECTION_POLICY, type LocalCosmos } from '../bot/store/local-cosmos.js';
import { RecordStore } from '../bot/store/records.js';
import { addDays, isoDateInLondon } from '../core/common/dates.js';
import { buildQuestionnaire, newDraft } from '../core/flow/index.js';
import { builtInPack } from '../core/policy/index.js';
import {
  type CommissioningRecord,
  createRecord,
  formatReference,
  setStageDue,
} from '../core/record/index.js';
import { type Delivery, RateLimitedConnector } from '../test/support/rate-limited-connector.js';
import { embeddedScanIsLinear } from './embedded-scan.js';

export interface RemindersBenchOptions {
  quick: boolean;
}

const settingsFor = (quick: boolean) => ({
  /** Records with one reminder owed each (the first review stage), and so the reminders the sweep sends. */
  due: quick ? 200 : 1_000,
  /** The officers who own them, one conversation each, all in one tenant. */
  officers: quick ? 10 : 50,
  /** Records stored at each query measurement, the same number due at each. */
  sizes: quick ? [200, 2_000, 10_000] : [1_000, 20_000, 100_000],
  /** The pacing's margin at window edges in the comparison fan-out (the default is 100 ms). */
  comparisonMarginMs: 25,
  /** A fan-out where one officer owns many of the reminders, queued first. */
  busy: { reminders: quick ? 100 : 300, ofOneOfficer: quick ? 30 : 60 },
  /** Query timings per size; the median is reported. */
  queryRuns: 5,
  /** Operations handed to the SDK's bulk executor at once. */
  bulkChunk: 5_000,
  /** Bounds: loading, and one sweep (1,000 at 30 per second take about 34 s). */
  loadLimitMs: 4 * 60_000,
  sweepLimitMs: 5 * 60_000,
});
type Settings = ReturnType<typeof settingsFor>;

const TENANT = 'bench-force-tenant';
/** Fan-outs in a run, each with its own officers. */
const FAN_OUTS = 3;
/** Before each fan-out: longer than the tenant's and a conversation's short windows. */
const SETTLE_MS = 2_500;
const SECRET = 'bench-reminders-secret-0123456789';
/** The sweep's day: every due record's first review stage fell due in the month before. */
const SWEEP_AT = new Date('2026-06-01T07:00:00Z');
/** A day before any record's due date. */
const NO_DUE_DAY = '2025-01-01';

const flow = buildQuestionnaire(builtInPack);
const pack = flow.pack;
/** The stage each bench record owes a reminder for: the pack's first review stage. */
const REVIEW_STAGE = pack.stages.find((stage) => stage.review)?.number ?? 1;

interface Officer {
  id: string;
  name: string;
  conversationId: string;
}

export const officerOf = (index: number): Officer => {
  const n = String(index + 1).padStart(3, '0');
  return { id: `officer-${n}`, name: `Officer ${n}`, conversationId: `a:bench-officer-${n}` };
};

/**
 * A record after award, as the sweep finds it: titled, with its first review stage's date set
 * (owed when `due` is on or before the sweep's day). Without `due`, a draft not yet awarded.
 */
export function benchRecord(sequence: number, owner: Officer, due: string | undefined) {
  const at = '2026-01-15T09:00:00.000Z';
  const record = createRecord({
    reference: formatReference(2026, sequence),
    tenantId: TENANT,
    owner: { id: owner.id, name: owner.name },
    pack,
    draft: { ...newDraft(flow), answers: { title: `Bench contract ${sequence}` } },
    now: at,
  });
  if (due === undefined) return record;
  const staged = setStageDue(
    record,
    pack,
    { stage: REVIEW_STAGE, due },
    { by: { id: owner.id, name: owner.name }, at, today: '2026-01-15' },
  );
  if (!staged.ok) throw new Error(`bench record ${sequence}: ${JSON.stringify(staged.problems)}`);
  return staged.value;
}

/**
 * Creates the records with bulk operations, a chunk at a time (the SDK groups each chunk into
 * requests of up to 100 operations and sends them side by side); fails on any refusal.
 */
async function load(
  container: Container,
  records: Iterable<CommissioningRecord>,
  settings: Settings,
): Promise<number> {
  const started = performance.now();
  let created = 0;
  let chunk: OperationInput[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    if (performance.now() - started > settings.loadLimitMs)
      throw new Error(`loading took over ${settings.loadLimitMs / 1000} s`);
    const results = await container.items.executeBulkOperations(chunk);
    const refused = results.find((r) => r.error || (r.response?.statusCode ?? 0) >= 300);
    if (refused)
      throw new Error(
        `a bulk create was refused: ${refused.error?.message ?? refused.response?.statusCode}`,
      );
    created += results.length;
    chunk = [];
  };
  for (const record of records) {
    chunk.push({
      operationType: 'Create',
      partitionKey: record.tenantId,
      // A record is plain JSON (the store writes it as it is); its type says so less loosely.
      resourceBody: record as unknown as JSONObject,
    });
    if (chunk.length === settings.bulkChunk) await flush();
  }
  await flush();
  return created;
}

/**
 * Records numbered on from `first`: `due` of them owed before the sweep's day, the rest not.
 * Each fan-out has its own officers (`pool`), so that no conversation carries sends over from
 * another fan-out. Owners are taken in turn, as records are made over time; with `busy`, that
 * many of the due records come first, all owned by the pool's first officer, and the rest go
 * to the pool's other officers.
 */
function* records(
  settings: Settings,
  first: number,
  count: number,
  due: number,
  { pool = 0, busy = 0 }: { pool?: number; busy?: number } = {},
) {
  const today = isoDateInLondon(SWEEP_AT);
  const base = pool * settings.officers;
  for (let i = 0; i < count; i += 1) {
    const sequence = first + i;
    const owner = officerOf(
      base +
        (busy === 0 ? i % settings.officers : i < busy ? 0 : 1 + (i % (settings.officers - 1))),
    );
    if (i < due) {
      // Due on one of the last 30 days.
      yield benchRecord(sequence, owner, addDays(today, -1 - (i % 30)));
    } else {
      // Half awarded with the review stage due later this year, half drafts with no stage dates.
      yield benchRecord(sequence, owner, i % 2 === 0 ? addDays(today, 1 + (i % 200)) : undefined);
    }
  }
}

interface QueryProbe {
  stored: number;
  returned: number;
  /** HTTP requests per run of the query (@azure/cosmos asks for a query plan first). */
  requests: number;
  /** Documents the embedded server examined: it filters every stored document per page. */
  examinedByEmbedded: number;
  medianMs: number;
  samplesMs: number[];
  /** The same query for a day before any due date: nothing returned, so the scan and the trip alone. */
  noneDueMedianMs: number;
}

/** Times the sweep's own query (RecordStore.dueForReminders), counting its requests. */
async function probeQuery(
  records: RecordStore,
  local: LocalCosmos,
  stored: number,
  runs: number,
): Promise<QueryProbe> {
  const today = isoDateInLondon(SWEEP_AT);
  const samplesMs: number[] = [];
  let returned = 0;
  let requests = 0;
  const noneSamples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const before = local.requests();
    const started = performance.now();
    const found = await records.dueForReminders(today);
    samplesMs.push(performance.now() - started);
    requests = local.requests() - before;
    returned = found.length;
    const noneStarted = performance.now();
    const none = await records.dueForReminders(NO_DUE_DAY);
    noneSamples.push(performance.now() - noneStarted);
    if (none.length > 0) throw new Error(`${none.length} records owed on ${NO_DUE_DAY}`);
  }
  const median = (list: number[]) =>
    round([...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0);
  const pages = Math.max(1, requests - 1);
  return {
    stored,
    returned,
    requests,
    examinedByEmbedded: pages * stored,
    medianMs: median(samplesMs),
    samplesMs: samplesMs.map((ms) => round(ms)),
    noneDueMedianMs: median(noneSamples),
  };
}

/** The identity of a delivered reminder, read from its card: record, stage and due date. */
function identityOf(delivery: Delivery): string | undefined {
  const attachments = delivery.activity.attachments;
  if (!Array.isArray(attachments)) return undefined;
  for (const attachment of attachments as { content?: { actions?: unknown } }[]) {
    const actions = attachment.content?.actions;
    if (!Array.isArray(actions)) continue;
    for (const action of actions as { data?: Record<string, unknown> }[]) {
      const data = action.data;
      if (data?.verb === 'stage.done')
        return `${String(data.reference)}|stage ${String(data.stage)}|due ${String(data.due)}`;
    }
  }
  return undefined;
}

/** The most sends any one key saw within any span of `ms`. */
function busiestWindow(times: Map<string, number[]>, ms: number): number {
  let most = 0;
  for (const list of times.values()) {
    const sorted = [...list].sort((a, b) => a - b);
    let from = 0;
    for (let to = 0; to < sorted.length; to += 1) {
      while ((sorted[to] ?? 0) - (sorted[from] ?? 0) >= ms) from += 1;
      most = Math.max(most, to - from + 1);
    }
  }
  return most;
}

const byKey = (deliveries: Delivery[], key: (d: Delivery) => string): Map<string, number[]> => {
  const map = new Map<string, number[]>();
  for (const delivery of deliveries) {
    const list = map.get(key(delivery)) ?? [];
    list.push(delivery.at);
    map.set(key(delivery), list);
  }
  return map;
};

const round = (value: number, digits = 1): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

/**
 * The sender the bot is started with: the product's PacedSender (Teams limits, default
 * margin) unless the benchmark switches to another for a comparison run.
 */
class SwitchableSender extends PacedSender {
  current = new PacedSender();

  override send(
    target: { conversation: string; tenant: string },
    deliver: () => Promise<void>,
  ): ReturnType<PacedSender['send']> {
    return this.current.send(target, deliver);
  }
}

async function runSweep(app: App, settings: Settings): Promise<SweepReport> {
  const response = await fetch(`${app.url}/api/reminders/run`, {
    method: 'POST',
    headers: { 'x-reminders-secret': SECRET },
    signal: AbortSignal.timeout(settings.sweepLimitMs),
  });
  if (response.status !== 200) throw new Error(`the sweep answered ${response.status}`);
  const body = (await response.json()) as { report: SweepReport };
  return body.report;
}

interface FanOut {
  label: string;
  stored: number;
  /** Reminders owed, so the deliveries expected. */
  expected: number;
  /** When the sweep was asked for (the connector's clock). */
  startedAt: number;
  report: SweepReport;
  /** The sweep run again straight after: nothing is owed, so nothing may be sent. */
  again: SweepReport;
  deliveredAfterSecond: number;
  sweepMs: number;
  cosmosRequests: number;
  deliveries: Delivery[];
  answers: Record<string, number>;
}

/** One sweep through the bot's route, and what reached the connector because of it. */
async function fanOut(
  label: string,
  stored: number,
  expected: number,
  app: App,
  local: LocalCosmos,
  connector: RateLimitedConnector,
  settings: Settings,
): Promise<FanOut> {
  const answersBefore = new Map(connector.answers);
  const deliveredBefore = connector.delivered.length;
  const requestsBefore = local.requests();
  const started = Date.now();
  const report = await runSweep(app, settings);
  const sweepMs = Date.now() - started;
  const cosmosRequests = local.requests() - requestsBefore;
  const deliveries = connector.delivered.slice(deliveredBefore);
  const answers = Object.fromEntries(
    [...connector.answers].map(([status, count]) => [
      String(status),
      count - (answersBefore.get(status) ?? 0),
    ]),
  );
  const again = await runSweep(app, settings);
  const deliveredAfterSecond = connector.delivered.length - deliveredBefore - deliveries.length;
  return {
    label,
    stored,
    expected,
    startedAt: started,
    report,
    again,
    deliveredAfterSecond,
    sweepMs,
    cosmosRequests,
    deliveries,
    answers,
  };
}

export async function runRemindersBench(options: RemindersBenchOptions): Promise<void> {
  const settings = settingsFor(options.quick);
  const connector = await RateLimitedConnector.start();
  const sender = new SwitchableSender();
  let app: App | undefined;
  let probeClient: CosmosClient | undefined;
  try {
    app = await startApp(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        REMINDERS_SECRET: SECRET,
        REMINDER_SWEEP_MINUTES: '0',
      }),
      { logger: silentLogger, clock: () => SWEEP_AT, sender },
    );
    const running = app;
    const local = app.store.local;
    if (!local) throw new Error('the bot did not start its embedded Cosmos server');
    const container = app.store.containers.records;

    // Each officer's one-to-one conversation, as the bot saves it on install; a pool of
    // officers for each fan-out.
    for (let i = 0; i < settings.officers * FAN_OUTS; i += 1) {
      const officer = officerOf(i);
      await app.conversations.remember(
        TENANT,
        officer.id,
        {
          serviceUrl: connector.url,
          channelId: 'msteams',
          conversation: {
            id: officer.conversationId,
            tenantId: TENANT,
            conversationType: 'personal',
            isGroup: false,
            name: '',
          },
          user: { id: `29:${officer.id}`, name: officer.name, aadObjectId: officer.id },
          bot: { id: '28:bench-bot', name: 'Social value bot' },
        },
        SWEEP_AT,
      );
    }

    const recordBytes = Buffer.byteLength(
      JSON.stringify(benchRecord(1, officerOf(0), '2026-05-31')),
    );
    if (!embeddedScanIsLinear())
      throw new Error('the embedded query engine is not patched: run npm ci (patches/)');
    // A client of its own, so that the bot's request counts and timeouts stay the bot's.
    probeClient = new CosmosClient({
      endpoint: local.endpoint,
      key: local.key,
      connectionPolicy: { ...LOCAL_CONNECTION_POLICY, requestTimeout: settings.sweepLimitMs },
    });
    const probeRecords = new RecordStore(
      probeClient.database(app.store.database.id).container(CONTAINERS.records.id),
    );
    const probes: QueryProbe[] = [];
    const loads: { records: number; seconds: number }[] = [];
    const fanOuts: FanOut[] = [];
    let stored = 0;
    const grow = async (size: number, due: number, owners?: { pool: number; busy?: number }) => {
      const started = performance.now();
      const count = size - stored;
      await load(container, records(settings, stored + 1, count, due, owners), settings);
      stored = size;
      loads.push({ records: count, seconds: round((performance.now() - started) / 1000, 2) });
    };
    const probe = async () => {
      probes.push(await probeQuery(probeRecords, local, stored, settings.queryRuns));
    };
    const sweep = async (label: string, expected = settings.due) => {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      fanOuts.push(await fanOut(label, stored, expected, running, local, connector, settings));
    };

    const [small = settings.due, middle = settings.due * 20, large = settings.due * 100] =
      settings.sizes;
    // The due records alone: the query, then the fan-out as the bot runs it.
    await grow(small, settings.due, { pool: 0 });
    await probe();
    await sweep(`default pacing (${DEFAULT_MARGIN_MS} ms margin)`);
    // One officer owns many of those owed, and the sweep meets theirs first.
    const { reminders: busyTotal, ofOneOfficer } = settings.busy;
    await grow(stored + busyTotal, busyTotal, { pool: 1, busy: ofOneOfficer });
    await sweep(
      `one busy officer: ${ofOneOfficer} of ${busyTotal} reminders, met first; default pacing`,
      busyTotal,
    );
    // As many as the first again, with a wider pacing margin (a sender with no history).
    await grow(stored + settings.due, settings.due, { pool: 2 });
    sender.current = new PacedSender({ marginMs: settings.comparisonMarginMs });
    await sweep(`comparison: ${settings.comparisonMarginMs} ms margin`);
    // The same number due among many more stored.
    await grow(middle, settings.due, { pool: 0 });
    await probe();
    await grow(large, 0, { pool: 0 });
    await probe();

    summarise({
      settings,
      quick: options.quick,
      recordBytes,
      loads,
      probes,
      fanOuts,
    });
    const wrong = fanOuts.some(
      (run) =>
        run.report.sent !== run.expected ||
        run.deliveries.length !== run.expected ||
        run.again.sent !== 0,
    );
    if (wrong || probes.some((p) => p.returned !== settings.due)) process.exitCode = 1;
  } finally {
    probeClient?.dispose();
    await app?.close();
    await connector.close();
  }
}

interface Run {
  settings: Settings;
  quick: boolean;
  recordBytes: number;
  loads: { records: number; seconds: number }[];
  probes: QueryProbe[];
  fanOuts: FanOut[];
}

/**
 * The shortest time from the first to the last of `n` sends to one key under these windows:
 * each send as early as the windows allow (the best any pacing can do for one key).
 */
function shortestSpanMs(n: number, windows: readonly { limit: number; ms: number }[]): number {
  const times: number[] = [];
  for (let k = 0; k < n; k += 1) {
    let at = times[k - 1] ?? 0;
    for (const window of windows) {
      const blocking = times[k - window.limit];
      if (blocking !== undefined) at = Math.max(at, blocking + window.ms);
    }
    times.push(at);
  }
  return times.at(-1) ?? 0;
}

const TENANT_LIMIT = TEAMS_TENANT_WINDOWS[0]?.limit ?? 30;
const TENANT_WINDOW_MS = TEAMS_TENANT_WINDOWS[0]?.ms ?? 1_000;

/** Delivered, duplicates, rate and the busiest windows of one fan-out. */
function figuresOf(run: FanOut) {
  const { deliveries } = run;
  const identities = new Map<string, number>();
  let unreadable = 0;
  for (const delivery of deliveries) {
    const identity = identityOf(delivery);
    if (identity === undefined) unreadable += 1;
    else identities.set(identity, (identities.get(identity) ?? 0) + 1);
  }
  const times = deliveries.map((d) => d.at).sort((a, b) => a - b);
  const spanMs = (times.at(-1) ?? 0) - (times[0] ?? 0);
  const byConversation = byKey(deliveries, (d) => d.conversationId);
  const perConversation = [...byConversation.values()].map((list) => list.length);
  const [busiestId, busiestTimes = []] =
    [...byConversation].sort(([, a], [, b]) => b.length - a.length)[0] ?? [];
  const busiestSorted = [...busiestTimes].sort((a, b) => a - b);
  const others = deliveries.filter((d) => d.conversationId !== busiestId).map((d) => d.at);
  // The best any pacing can do: the tenant's window over all, and one conversation's windows
  // (and the tenant's) over the busiest conversation; the longer of the two binds.
  const tenantBoundMs = shortestSpanMs(deliveries.length, TEAMS_TENANT_WINDOWS);
  const conversationBoundMs = shortestSpanMs(busiestTimes.length, [
    ...TEAMS_CONVERSATION_WINDOWS,
    ...TEAMS_TENANT_WINDOWS,
  ]);
  const minimalSpanMs = Math.max(tenantBoundMs, conversationBoundMs);
  return {
    label: run.label,
    stored: run.stored,
    sweep: { ...run.report, seconds: round(run.sweepMs / 1000, 2) },
    delivered: deliveries.length,
    distinctReminders: identities.size,
    duplicates: [...identities.values()].reduce((sum, n) => sum + (n - 1), 0),
    withoutIdentity: unreadable,
    secondSweep: {
      found: run.again.recordsFound,
      sent: run.again.sent,
      delivered: run.deliveredAfterSecond,
    },
    answers429: run.answers['429'] ?? 0,
    connectorAnswers: run.answers,
    spanSeconds: round(spanMs / 1000, 2),
    perSecond: round(spanMs > 0 ? ((deliveries.length - 1) * 1000) / spanMs : 0, 2),
    minimalSpanSeconds: round(minimalSpanMs / 1000, 2),
    binding:
      conversationBoundMs > tenantBoundMs
        ? 'the busiest conversation’s windows'
        : `the tenant’s ${TENANT_LIMIT} per ${TENANT_WINDOW_MS / 1000} s`,
    fractionOfAllowed: round(spanMs > 0 ? minimalSpanMs / spanMs : 0, 3),
    busiestConversation: {
      reminders: busiestTimes.length,
      spanSeconds: round(((busiestSorted.at(-1) ?? 0) - (busiestSorted[0] ?? 0)) / 1000, 2),
      shortestSpanSeconds: round(conversationBoundMs / 1000, 2),
    },
    others: {
      reminders: others.length,
      firstAfterSeconds: round(
        others.length > 0 ? (Math.min(...others) - run.startedAt) / 1000 : 0,
        2,
      ),
      lastAfterSeconds: round(
        others.length > 0 ? (Math.max(...others) - run.startedAt) / 1000 : 0,
        2,
      ),
      shortestSpanSeconds: round(shortestSpanMs(others.length, TEAMS_TENANT_WINDOWS) / 1000, 2),
    },
    busiest: {
      tenant1s: busiestWindow(
        byKey(deliveries, (d) => d.tenantId),
        1_000,
      ),
      conversation1s: busiestWindow(byConversation, 1_000),
      conversation2s: busiestWindow(byConversation, 2_000),
      conversation30s: busiestWindow(byConversation, 30_000),
    },
    perConversation: { min: Math.min(...perConversation), max: Math.max(...perConversation) },
    cosmosRequests: run.cosmosRequests,
    cosmosRequestsPerReminder: round(run.cosmosRequests / Math.max(1, run.report.sent), 2),
  };
}

function summarise(run: Run): void {
  const { settings } = run;
  const fanOuts = run.fanOuts.map(figuresOf);
  const probeOf = (stored: number | undefined) => run.probes.find((p) => p.stored === stored);
  const smallest = settings.sizes[0];
  const largest = settings.sizes.at(-1);
  const ratioOf = (a: QueryProbe | undefined, b: QueryProbe | undefined) =>
    a && b && b.medianMs > 0 ? round(a.medianMs / b.medianMs, 1) : undefined;
  const noneRatioOf = (a: QueryProbe | undefined, b: QueryProbe | undefined) =>
    a && b && b.noneDueMedianMs > 0 ? round(a.noneDueMedianMs / b.noneDueMedianMs, 1) : undefined;
  const ratios = {
    query: ratioOf(probeOf(largest), probeOf(smallest)),
    noneDue: noneRatioOf(probeOf(largest), probeOf(smallest)),
  };
  const cpu = cpus();
  const machine = {
    cores: cpu.length,
    cpu: cpu[0]?.model ?? 'unknown',
    node: process.version,
    load: loadavg().map((l) => round(l, 2)),
  };
  const windows = TEAMS_CONVERSATION_WINDOWS.map((w) => `${w.limit}/${w.ms / 1000}s`).join(', ');

  const out: string[] = [];
  out.push('');
  out.push('Reminder fan-out to a connector enforcing the Teams limits (429 past any window)');
  out.push(
    `${new Date().toISOString()} · ${machine.cores} cores (${machine.cpu}) · node ${machine.node} · ` +
      `load ${machine.load.join(' ')}${run.quick ? ' (quick)' : ''}`,
  );
  out.push(
    `${settings.officers} officers, one conversation each, in one tenant; each record owed has one reminder ` +
      `(stage ${REVIEW_STAGE}); the first two fan-outs: ${settings.due} records owned in turn; a record is about ` +
      `${run.recordBytes} bytes of JSON`,
  );
  for (const f of fanOuts) {
    out.push('');
    out.push(`${f.label}; ${f.stored} records stored:`);
    out.push(
      `  sweep: ${f.sweep.recordsFound} found, ${f.sweep.sent} sent, ${f.sweep.failed} failed, ` +
        `${f.sweep.heldBack} held back, ${f.sweep.claimedElsewhere} claimed elsewhere, in ${f.sweep.seconds} s ` +
        '(POST /api/reminders/run to its answer)',
    );
    out.push(
      `  delivered ${f.delivered}; distinct reminders ${f.distinctReminders} (record + stage + due date, ` +
        `read from each card); duplicates ${f.duplicates}${f.withoutIdentity ? `; ${f.withoutIdentity} without an identity` : ''}; ` +
        `a second sweep: ${f.secondSweep.found} found, ${f.secondSweep.sent} sent, ${f.secondSweep.delivered} delivered`,
    );
    out.push(
      `  429 answers: ${f.answers429} (connector answers: ${JSON.stringify(f.connectorAnswers)})`,
    );
    out.push(
      `  first to last delivery ${f.spanSeconds} s (${f.perSecond} per second); the limits allow ` +
        `${f.delivered} in ${f.minimalSpanSeconds} s at best (binding: ${f.binding}): ` +
        `${round(f.fractionOfAllowed * 100, 1)}% of the allowed rate`,
    );
    out.push(
      `  busiest conversation: ${f.busiestConversation.reminders} reminders over ${f.busiestConversation.spanSeconds} s ` +
        `(its windows allow ${f.busiestConversation.shortestSpanSeconds} s); the other ${f.others.reminders} ` +
        `arrived from ${f.others.firstAfterSeconds} s to ${f.others.lastAfterSeconds} s after the sweep began ` +
        `(alone, the tenant limit allows them ${f.others.shortestSpanSeconds} s)`,
    );
    out.push(
      `  busiest windows: tenant ${f.busiest.tenant1s} in 1 s (limit ${TENANT_LIMIT}); one conversation ` +
        `${f.busiest.conversation1s} in 1 s, ${f.busiest.conversation2s} in 2 s, ${f.busiest.conversation30s} in 30 s ` +
        `(limits ${windows}); ${f.perConversation.min}-${f.perConversation.max} reminders per conversation`,
    );
    out.push(
      `  Cosmos DB requests during the sweep: ${f.cosmosRequests} (${f.cosmosRequestsPerReminder} per reminder sent)`,
    );
  }
  out.push('');
  out.push(
    `The sweep's query (RecordStore.dueForReminders), ${settings.due} due at every size, median of ${settings.queryRuns} runs:`,
  );
  out.push(
    `  ${'stored'.padStart(8)}${'returned'.padStart(9)}${'requests'.padStart(10)}${'examined'.padStart(10)}${'median ms'.padStart(11)}${'none due ms'.padStart(13)}`,
  );
  for (const probe of run.probes) {
    out.push(
      `  ${String(probe.stored).padStart(8)}${String(probe.returned).padStart(9)}` +
        `${String(probe.requests).padStart(10)}${String(probe.examinedByEmbedded).padStart(10)}${String(probe.medianMs).padStart(11)}` +
        `${String(probe.noneDueMedianMs).padStart(13)}`,
    );
  }
  out.push(
    `  Documents returned: ${settings.due} at every size. On Azure Cosmos DB the range filter on nextReminderOn is`,
    '  served from the index (the default policy indexes every path), so the documents read follow the',
    '  number due, not the number stored. The embedded server reads ("examined") every stored document.',
    '  "none due": the same query for a day before any due date, so the scan and the round trip alone.',
    `  Embedded wall time, ${largest} / ${smallest} stored: ${ratios.query ?? 'n/a'}x for the whole query, ` +
      `${ratios.noneDue ?? 'n/a'}x for the scan alone (none due), with the query engine patched to scan`,
    '  linearly (as shipped it copied an array once per stored document: quadratic).',
  );
  out.push(
    `Loading (bulk operations, ${settings.bulkChunk} at a time): ${run.loads
      .map((l) => `${l.records} records in ${l.seconds} s`)
      .join(', ')}`,
  );
  out.push('');
  process.stdout.write(`${out.join('\n')}\n`);

  const json = {
    bench: 'reminders-fan-out',
    date: new Date().toISOString(),
    machine,
    settings: { ...settings, quick: run.quick },
    fanOuts,
    query: {
      probes: run.probes,
      embeddedWallTimeRatio: {
        ...ratios,
        smallest,
        largest,
      },
    },
    recordBytes: run.recordBytes,
    loads: run.loads,
  };
  process.stdout.write(`${JSON.stringify(json)}\n`);
}
