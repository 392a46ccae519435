/**
 * Shared by the stages and reminders tests: a bot started as `npm run bot` starts it, a clock
 * the test moves, records made through the bot (or seeded straight into the store when a test
 * needs many), and pressing one stage's button on a card that has one per stage.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Activity, TurnContext } from 'botbuilder';
import { type App, type AppOptions, startApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { silentLogger } from '../../bot/log.js';
import type { SweepReport } from '../../bot/reminders/sweep.js';
import { isoDateInLondon } from '../../core/common/dates.js';
import { buildQuestionnaire } from '../../core/flow/index.js';
import { builtInPack } from '../../core/policy/index.js';
import {
  type CommissioningRecord,
  createRecord,
  type Person as RecordPerson,
  setContractTerms,
  setStageDue,
} from '../../core/record/index.js';
import type { Person } from '../support/activities.js';
import type { BotClient } from '../support/bot-client.js';
import { actionsOf, type CardJson, cardText, cardTitle, inputsOf } from '../support/cards.js';
import { officerAnswers, STEP_TITLES, WIZARD_STEPS } from '../support/officer.js';

export const pack = builtInPack;
export const flow = buildQuestionnaire(pack);
export const SECRET = 'reminders-secret-for-tests';

/** A clock the test moves; every reading is a millisecond on, so that "latest" has an order. */
export class TestClock {
  private at: number;
  private readings = 0;

  constructor(start: string) {
    this.at = Date.parse(start);
  }

  readonly now = (): Date => new Date(this.at + this.readings++);

  /** The UK calendar date the bot sees. */
  today(): string {
    return isoDateInLondon(new Date(this.at));
  }

  set(instant: string): void {
    this.at = Date.parse(instant);
    this.readings = 0;
  }

  advanceDays(days: number): void {
    this.at += days * 86_400_000;
  }
}

/** Starts the bot as `npm run bot` does (no sweep timer: the tests sweep), over these settings. */
export function startBot(
  clock: TestClock,
  settings: Record<string, string> = {},
  options: Partial<AppOptions> = {},
): Promise<App> {
  return startApp(
    loadConfig({ NODE_ENV: 'test', PORT: '0', REMINDER_SWEEP_MINUTES: '0', ...settings }),
    { logger: silentLogger, clock: clock.now, ...options },
  );
}

/** The reference a record's card shows in its first line (a wizard step or the stages card). */
export function referenceOf(card: CardJson): string {
  const first = cardText(card).split('\n')[0] ?? '';
  const reference = /(SV-\d{4}-\d{4,})/.exec(first)?.[1];
  assert.ok(reference, `no record reference on the card: "${first}"`);
  return reference;
}

/**
 * Starts a record and answers its first card, so that it has a title. `new another`, as the
 * button beside an unfinished draft sends: a test's owner may have one already.
 */
export async function newRecord(bot: BotClient, owner: Person): Promise<string> {
  const { card } = await bot.say(owner, 'new another');
  const reference = referenceOf(card);
  const next = await bot.execute(owner, card, 'Continue', officerAnswers.basics);
  assert.equal(cardTitle(next), STEP_TITLES.why);
  return reference;
}

/** Answers every card of the wizard, to the summary: a complete record. */
export async function completeRecord(bot: BotClient, owner: Person): Promise<string> {
  let { card } = await bot.say(owner, 'new another');
  const reference = referenceOf(card);
  for (const step of WIZARD_STEPS) {
    assert.equal(cardTitle(card), STEP_TITLES[step]);
    const next = step === 'review' ? 'Confirm and finish' : 'Continue';
    card = await bot.execute(owner, card, next, officerAnswers[step]);
  }
  assert.match(cardText(card), /^Pre-commissioning is complete /m);
  return reference;
}

/** Where a stage's button is: its title and, for a per-stage button, the stage. */
export interface StageButton {
  title: string;
  stage?: number;
}

/**
 * What a client sends when a person types into the card and presses a button that the card
 * shows once per stage (each stage's "Mark done" sits in its own "Update stage" card).
 */
export function pressOn(
  card: CardJson,
  button: StageButton,
  typed: Readonly<Record<string, string>> = {},
): { verb: string; data: Record<string, unknown> } {
  const found = actionsOf(card).find(
    (a) =>
      a.title === button.title && (button.stage === undefined || a.data.stage === button.stage),
  );
  assert.ok(
    found,
    `the card has no "${button.title}" button${button.stage ? ` for stage ${button.stage}` : ''}`,
  );
  const inputs = inputsOf(card);
  const values: Record<string, string> = {};
  for (const [id, view] of inputs) if (view.value !== undefined) values[id] = view.value;
  for (const [id, value] of Object.entries(typed)) {
    assert.ok(inputs.has(id), `cannot type into ${id}: the card shows no such input`);
    values[id] = value;
  }
  return { verb: found.verb, data: { ...found.data, ...values } };
}

/** Presses a per-stage button as Action.Execute; returns the card that replaces the pressed one. */
export function executeOn(
  bot: BotClient,
  from: Person,
  card: CardJson,
  button: StageButton,
  typed: Readonly<Record<string, string>> = {},
): Promise<CardJson> {
  const { verb, data } = pressOn(card, button, typed);
  return bot.executeData(from, verb, data);
}

/**
 * A finished record of the owner's with the award set: 24 months from 15 April 2026, from the
 * supplier. Finished, since a supplier is rated only once the record is complete and awarded.
 */
export async function awardedRecord(
  bot: BotClient,
  owner: Person,
  supplier: string,
): Promise<{ reference: string; card: CardJson }> {
  const reference = await completeRecord(bot, owner);
  const card = await setAward(bot, owner, reference, {
    awardDate: '2026-04-15',
    months: 24,
    supplier,
  });
  return { reference, card };
}

/** The award, through the stages card as an officer sets it; returns the card shown after. */
export async function setAward(
  bot: BotClient,
  owner: Person,
  reference: string,
  award: { awardDate: string; months: number; supplier?: string },
): Promise<CardJson> {
  const { card } = await bot.say(owner, `stages ${reference}`);
  return bot.execute(owner, card, 'Set the award', {
    awardDate: award.awardDate,
    contractLength: String(award.months),
    ...(award.supplier ? { supplier: award.supplier } : {}),
  });
}

/** The line of the stages card (or a summary) about one stage. */
export function stageLine(card: CardJson, stage: number): string {
  const line = cardText(card)
    .split('\n')
    .find((text) => text.startsWith(`**${stage}. `));
  assert.ok(line, `the card has no line for stage ${stage}`);
  return line;
}

/** The record as stored, read by the service (no access check). */
export async function storedRecord(app: App, person: Person, reference: string) {
  const found = await app.records.read(person.tenantId, reference);
  assert.ok(found, `${reference} is not in the store`);
  return found.record;
}

/**
 * An awarded record written straight into the store, for tests that need many: what the
 * wizard's first card and "Set the award" would have saved.
 */
export async function seedAwardedRecord(
  app: App,
  owner: Person,
  award: {
    title: string;
    awardDate: string;
    months: number;
    at: string;
    /** Due dates the officer set afterwards, by stage. */
    stageDue?: Record<number, string>;
  },
): Promise<CommissioningRecord> {
  const person: RecordPerson = { id: owner.userId, name: owner.name };
  const { record, etag } = await app.records.create(
    owner.tenantId,
    Number(award.at.slice(0, 4)),
    (reference) =>
      createRecord({
        reference,
        tenantId: owner.tenantId,
        owner: person,
        pack,
        draft: { answers: { title: award.title }, step: 'why', visited: ['basics', 'why'] },
        now: award.at,
      }),
  );
  const act = { by: person, at: award.at, today: award.at.slice(0, 10) };
  const awarded = setContractTerms(
    record,
    pack,
    { awardDate: award.awardDate, months: award.months },
    act,
  );
  assert.ok(awarded.ok, 'the award was refused');
  let seeded = awarded.value;
  for (const [stage, due] of Object.entries(award.stageDue ?? {})) {
    const set = setStageDue(seeded, pack, { stage: Number(stage), due }, act);
    assert.ok(set.ok, `the due date of stage ${stage} was refused`);
    seeded = set.value;
  }
  await app.records.replace(seeded, etag);
  return seeded;
}

/**
 * Saves a person's conversation reference as the bot saves it on install, pointing at the
 * given serviceUrl: for fan-outs to more people than a connector would take welcome cards
 * from at once, and for connectors that fail on purpose.
 */
export async function saveReference(
  app: App,
  person: Person,
  activity: Partial<Activity>,
  now: Date,
): Promise<void> {
  await app.conversations.remember(
    person.tenantId,
    person.userId,
    TurnContext.getConversationReference(activity),
    now,
  );
}

export interface SweepAnswer {
  status: number;
  body: unknown;
}

/** POST /api/reminders/run, as an external scheduler calls it. */
export async function runSweep(app: App, secret?: string): Promise<SweepAnswer> {
  const response = await fetch(`${app.url}/api/reminders/run`, {
    method: 'POST',
    headers: secret === undefined ? {} : { 'x-reminders-secret': secret },
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** The report the sweep route answers with: the sweep's own. */
export type Report = SweepReport;

/** Sweeps with the secret and returns the report, failing the test on any other answer. */
export async function sweep(app: App): Promise<Report> {
  const answer = await runSweep(app, SECRET);
  assert.equal(answer.status, 200, `the sweep answered ${answer.status}`);
  const body = answer.body as { status?: string; report?: Report };
  assert.equal(body.status, 'ok');
  assert.ok(body.report, 'the sweep gave no report');
  return body.report;
}

/**
 * A gateway in front of a connector that can go down: while down, every connection is cut
 * (as a connector that cannot be reached); while up, requests pass through unchanged.
 */
export class Gateway {
  up = true;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(upstream: string): Promise<Gateway> {
    let gateway: Gateway | undefined;
    const server = createServer((request, response) => {
      if (!gateway?.up) {
        request.socket.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks);
        fetch(new URL(request.url ?? '/', upstream), {
          method: request.method ?? 'POST',
          headers: { 'content-type': 'application/json' },
          ...(body.length > 0 ? { body } : {}),
          signal: AbortSignal.timeout(5_000),
        })
          .then(async (answer) => {
            response.writeHead(answer.status, { 'content-type': 'application/json' });
            response.end(await answer.text());
          })
          .catch(() => request.socket.destroy());
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    gateway = new Gateway(server, `http://127.0.0.1:${port}/`);
    return gateway;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Posts an activity to the bot as Teams does; for connectors other than the capture one. */
export async function postActivity(app: App, activity: Partial<Activity>): Promise<number> {
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
    signal: AbortSignal.timeout(8_000),
  });
  await response.text();
  return response.status;
}
