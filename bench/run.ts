/**
 * `npm run bench`: the wizard's turns against a bare botbuilder echo bot, both served over
 * HTTP in this process and measured in this run, and the Cosmos DB round trips each kind of
 * wizard turn makes, counted at the embedded Cosmos server. Speed is reported as ratios to
 * the echo bot, never as pass/fail thresholds. Then the reminder sweep's fan-out to a
 * connector enforcing the Teams limits, and its query at two store sizes (bench/reminders.ts).
 * Then the local store's cost per write and per query at two store sizes, and the bot's stop
 * after a run of turns (bench/store.ts). Then the spend import against a bare csv-parse pass
 * (bench/spend.ts). `--quick` runs a short version of each; `--wizard`, `--reminders`,
 * `--store`, `--dashboard` or `--spend` runs that part alone.
 */
import { cpus } from 'node:os';
import { type App, startApp } from '../bot/app.js';
import { loadConfig } from '../bot/config.js';
import { silentLogger } from '../bot/log.js';
import { messageActivity, type Party } from './activities.js';
import { type CaptureCounts, type CaptureServer, startCaptureServer } from './capture.js';
import { runDashboardBench } from './dashboard.js';
import { startEchoBot } from './echo-bot.js';
import { JsonClient } from './http.js';
import {
  accumulate,
  emptyResult,
  type PhaseResult,
  percentile,
  runPhase,
  type Turn,
} from './load.js';
import { runRemindersBench } from './reminders.js';
import { countRoundTrips, type RoundTripRow } from './round-trips.js';
import { runSpendBench } from './spend.js';
import { runStoreBench } from './store.js';
import { type WizardEnv, WizardSession, WizardWalker } from './wizard-client.js';

const quick = process.argv.includes('--quick');
const onlyReminders = process.argv.includes('--reminders');
const onlyWizard = process.argv.includes('--wizard');
const onlyStore = process.argv.includes('--store');
const onlyDashboard = process.argv.includes('--dashboard');
const onlySpend = process.argv.includes('--spend');
/** With no part named, every part runs. */
const all = !onlyReminders && !onlyWizard && !onlyStore && !onlyDashboard && !onlySpend;
const SETTINGS = {
  concurrency: 4,
  warmupTurns: quick ? 60 : 150,
  warmupMs: 15_000,
  rounds: quick ? 2 : 5,
  maxTurns: quick ? 200 : 1000,
  maxMs: quick ? 4_000 : 20_000,
};

const party = (tenantId: string, name: string): Party => ({
  tenantId,
  userId: `${name}-user`,
  userName: `Bench ${name}`,
  conversationId: `a:${name}-conversation`,
});

function echoWorkers(client: JsonClient, botUrl: string, capture: CaptureServer): Turn[] {
  return Array.from({ length: SETTINGS.concurrency }, (_, worker) => {
    const speaker = party('bench-echo', `echo-${worker}`);
    let sent = 0;
    return async () => {
      sent += 1;
      const text = `echo ${worker} ${sent}`;
      const activity = messageActivity(capture.url, speaker, text);
      const response = await client.post(`${botUrl}/api/messages`, activity);
      if (response.status !== 200) throw new Error(`echo answered ${response.status}`);
      const reply = capture.take(activity.id).find((sentBack) => sentBack.text === text);
      if (!reply) throw new Error('the echo bot did not echo');
      return 'message';
    };
  });
}

function wizardWorkers(env: WizardEnv): { turns: Turn[]; walkers: WizardWalker[] } {
  const walkers = Array.from(
    { length: SETTINGS.concurrency },
    (_, worker) => new WizardWalker(new WizardSession(env, party('bench-tenant', `w${worker}`))),
  );
  const turns = walkers.map((walker) => async () => {
    const turn = await walker.turn();
    return turn.step ? `${turn.kind}:${turn.step}` : turn.kind;
  });
  return { turns, walkers };
}

const roundTo = (value: number, digits = 1): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

interface Figures {
  turns: number;
  errors: number;
  seconds: number;
  turnsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
}

function figures(result: PhaseResult): Figures {
  return {
    turns: result.turns,
    errors: result.errors,
    seconds: roundTo(result.elapsedMs / 1000, 2),
    turnsPerSecond: roundTo(result.elapsedMs > 0 ? (result.turns * 1000) / result.elapsedMs : 0),
    p50Ms: roundTo(percentile(result.latencies, 50), 2),
    p95Ms: roundTo(percentile(result.latencies, 95), 2),
  };
}

/** Latencies grouped by the part of the label before the colon (the turn kind), or whole. */
function latencyBy(
  result: PhaseResult,
  key: (label: string) => string,
): Record<string, { turns: number; p50Ms: number; p95Ms: number }> {
  const groups: Record<string, number[]> = {};
  for (const [label, list] of Object.entries(result.byLabel)) {
    const name = key(label);
    groups[name] = [...(groups[name] ?? []), ...list];
  }
  return Object.fromEntries(
    Object.entries(groups).map(([name, list]) => [
      name,
      {
        turns: list.length,
        p50Ms: roundTo(percentile(list, 50), 2),
        p95Ms: roundTo(percentile(list, 95), 2),
      },
    ]),
  );
}

const diff = (after: CaptureCounts, before: CaptureCounts): Record<string, number> => {
  const types = new Set([...Object.keys(after.byType), ...Object.keys(before.byType)]);
  return Object.fromEntries(
    [...types].map((type) => [type, (after.byType[type] ?? 0) - (before.byType[type] ?? 0)]),
  );
};

const times = (ratio: number): string => `${ratio.toFixed(2)}x`;
const pad = (value: string | number, width: number): string => String(value).padStart(width);
const padEnd = (value: string | number, width: number): string => String(value).padEnd(width);

function fail(message: string): never {
  throw new Error(message);
}

async function wizardBench(): Promise<void> {
  const capture = await startCaptureServer();
  const echo = await startEchoBot();
  let app: App | undefined;
  const client = new JsonClient(SETTINGS.concurrency * 2);
  try {
    app = await startApp(loadConfig({ NODE_ENV: 'test', PORT: '0' }), { logger: silentLogger });
    const local = app.store.local ?? fail('the bot did not start its embedded Cosmos server');
    const env: WizardEnv = { client, botUrl: app.url, capture };
    const echoTurns = echoWorkers(client, echo.url, capture);
    const wizard = wizardWorkers(env);

    // Warm up both (the JIT, the sockets, the SDKs' caches), and stop on any wrong reply.
    const warmLimits = { maxTurns: SETTINGS.warmupTurns, maxMs: SETTINGS.warmupMs };
    for (const [name, turns] of [
      ['echo', echoTurns],
      ['wizard', wizard.turns],
    ] as const) {
      const warm = await runPhase(turns, warmLimits);
      if (warm.errors > 0) fail(`${name} warm-up failed: ${warm.firstError ?? ''}`);
    }

    // Cosmos round trips per kind of turn, one turn at a time so that none overlaps another.
    const roundTrips = await countRoundTrips(
      new WizardSession(env, party('bench-sequential', 'sequential')),
      () => local.requests(),
    );

    // Measure, alternating which goes first each round so that drift hits both alike.
    const echoTotal = emptyResult();
    const wizardTotal = emptyResult();
    const limits = {
      maxTurns: Math.ceil(SETTINGS.maxTurns / SETTINGS.rounds),
      maxMs: SETTINGS.maxMs / SETTINGS.rounds,
    };
    let cosmosRequests = 0;
    let wizardConnector: Record<string, number> = {};
    let echoConnector: Record<string, number> = {};
    const add = (into: Record<string, number>, more: Record<string, number>) =>
      Object.fromEntries(
        [...new Set([...Object.keys(into), ...Object.keys(more)])].map((key) => [
          key,
          (into[key] ?? 0) + (more[key] ?? 0),
        ]),
      );
    for (let round = 0; round < SETTINGS.rounds; round += 1) {
      const order = round % 2 === 0 ? (['echo', 'wizard'] as const) : (['wizard', 'echo'] as const);
      for (const name of order) {
        const before = capture.counts();
        if (name === 'echo') {
          accumulate(echoTotal, await runPhase(echoTurns, limits));
          echoConnector = add(echoConnector, diff(capture.counts(), before));
        } else {
          const requestsBefore = local.requests();
          accumulate(wizardTotal, await runPhase(wizard.turns, limits));
          cosmosRequests += local.requests() - requestsBefore;
          wizardConnector = add(wizardConnector, diff(capture.counts(), before));
        }
      }
    }

    report({
      echo: echoTotal,
      wizard: wizardTotal,
      roundTrips,
      cosmosRequests,
      echoConnector,
      wizardConnector,
      recordsCompleted: wizard.walkers.reduce((sum, walker) => sum + walker.completed, 0),
    });
    if (echoTotal.errors > 0 || wizardTotal.errors > 0) process.exitCode = 1;
  } finally {
    client.close();
    await app?.close();
    await echo.close();
    await capture.close();
  }
}

interface Report {
  echo: PhaseResult;
  wizard: PhaseResult;
  roundTrips: RoundTripRow[];
  cosmosRequests: number;
  echoConnector: Record<string, number>;
  wizardConnector: Record<string, number>;
  recordsCompleted: number;
}

function report(run: Report): void {
  const echo = figures(run.echo);
  const wizard = figures(run.wizard);
  const ratio = (a: number, b: number): number => (b > 0 ? roundTo(a / b, 2) : 0);
  const ratios = {
    turnsPerSecond: ratio(wizard.turnsPerSecond, echo.turnsPerSecond),
    p50: ratio(wizard.p50Ms, echo.p50Ms),
    p95: ratio(wizard.p95Ms, echo.p95Ms),
  };
  const byKind = latencyBy(run.wizard, (label) => label.split(':')[0] ?? label);
  const byStep = latencyBy(run.wizard, (label) => label);
  const cpu = cpus();
  const machine = {
    cores: cpu.length,
    cpu: cpu[0]?.model ?? 'unknown',
    node: process.version,
    platform: process.platform,
  };
  const perTurn = (counts: Record<string, number>, turns: number) =>
    Object.fromEntries(
      Object.entries(counts)
        .filter(([, count]) => count > 0)
        .map(([type, count]) => [type, ratio(count, turns)]),
    );
  const offTarget = run.roundTrips.filter(
    (row) => row.target !== undefined && row.counted.some((count) => count !== row.target),
  );

  const out: string[] = [];
  out.push('');
  out.push('Wizard turns against a bare botbuilder echo bot (same process, same run)');
  out.push(
    `${new Date().toISOString()} · ${machine.cores} cores (${machine.cpu}) · node ${machine.node} · ` +
      `${SETTINGS.concurrency} in flight · ${SETTINGS.rounds} alternating rounds · ` +
      `at most ${SETTINGS.maxTurns} turns and ${SETTINGS.maxMs / 1000} s each${quick ? ' (quick)' : ''}`,
  );
  out.push('');
  out.push(
    `${padEnd('', 16)}${pad('turns', 7)}${pad('errors', 8)}${pad('seconds', 9)}${pad('turns/s', 10)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}`,
  );
  for (const [name, row] of [
    ['echo bot', echo],
    ['wizard', wizard],
  ] as const) {
    out.push(
      `${padEnd(name, 16)}${pad(row.turns, 7)}${pad(row.errors, 8)}${pad(row.seconds, 9)}${pad(row.turnsPerSecond, 10)}${pad(row.p50Ms, 9)}${pad(row.p95Ms, 9)}`,
    );
  }
  out.push(
    `${padEnd('wizard / echo', 16)}${pad('', 24)}${pad(times(ratios.turnsPerSecond), 10)}${pad(times(ratios.p50), 9)}${pad(times(ratios.p95), 9)}`,
  );
  out.push('');
  out.push(
    `Wizard mix: ${Object.entries(byKind)
      .map(([kind, row]) => `${kind} ${row.turns}`)
      .join(', ')}; ${run.recordsCompleted} records walked to the summary`,
  );
  out.push('Wizard latency by turn (under load), p50 / p95 ms:');
  for (const [label, row] of Object.entries(byStep).sort(([a], [b]) => a.localeCompare(b))) {
    out.push(
      `  ${padEnd(label, 26)}${pad(row.turns, 5)} turns ${pad(row.p50Ms, 8)} ${pad(row.p95Ms, 8)}`,
    );
  }
  if (run.echo.firstError) out.push(`First echo error: ${run.echo.firstError}`);
  if (run.wizard.firstError) out.push(`First wizard error: ${run.wizard.firstError}`);
  out.push('');
  out.push('Cosmos DB round trips per turn, counted at the embedded server (one turn at a time):');
  out.push(`  ${padEnd('turn', 44)}${pad('target', 7)}  counted`);
  for (const row of run.roundTrips) {
    const counted = [...new Set(row.counted)].join(', ');
    const off = row.target !== undefined && row.counted.some((count) => count !== row.target);
    out.push(
      `  ${padEnd(row.label, 44)}${pad(row.target ?? '-', 7)}  ${counted}${row.counted.length > 1 ? ` (${row.counted.length} turns)` : ''}${off ? '  <-- differs' : ''}`,
    );
  }
  out.push(
    '  Targets: the design (README, "Records") reads a record once per turn and writes it once when an',
    '  answer is accepted; a new record takes a counter patch and a create (and the counter create the',
    "  first time in a year and tenant). Counts come from the server's request counter, before and after.",
  );
  for (const row of run.roundTrips) {
    if (row.note) out.push(`  ${row.label}: ${row.note}`);
  }
  out.push(
    offTarget.length === 0
      ? '  Every turn kind with a target met it.'
      : `  Differs from its target: ${offTarget.map((row) => row.label).join('; ')}`,
  );
  out.push(
    `Under load: ${run.cosmosRequests} Cosmos requests for ${run.wizard.turns} wizard turns ` +
      `(${ratio(run.cosmosRequests, run.wizard.turns)} per turn over the mix).`,
  );
  out.push(
    `Connector calls per turn: echo ${JSON.stringify(perTurn(run.echoConnector, run.echo.turns))}, ` +
      `wizard ${JSON.stringify(perTurn(run.wizardConnector, run.wizard.turns))}`,
  );
  out.push('');
  process.stdout.write(`${out.join('\n')}\n`);

  const json = {
    bench: 'wizard-vs-echo',
    date: new Date().toISOString(),
    machine,
    settings: { ...SETTINGS, quick },
    echo,
    wizard,
    ratios,
    wizardByKind: byKind,
    wizardByTurn: byStep,
    recordsCompleted: run.recordsCompleted,
    cosmosRoundTrips: run.roundTrips.map((row) => ({
      turn: row.label,
      target: row.target ?? null,
      counted: row.counted,
      meetsTarget: row.target === undefined ? null : row.counted.every((c) => c === row.target),
      ...(row.note ? { note: row.note } : {}),
    })),
    cosmosRequestsPerWizardTurnUnderLoad: ratio(run.cosmosRequests, run.wizard.turns),
    connectorCallsPerTurn: {
      echo: perTurn(run.echoConnector, run.echo.turns),
      wizard: perTurn(run.wizardConnector, run.wizard.turns),
    },
  };
  process.stdout.write(`${JSON.stringify(json)}\n`);
}

async function main(): Promise<void> {
  if (all || onlyWizard) await wizardBench();
  if (all || onlyReminders) await runRemindersBench({ quick });
  if (all || onlyStore) await runStoreBench({ quick });
  if (all || onlyDashboard) await runDashboardBench({ quick });
  if (all || onlySpend) await runSpendBench({ quick });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
