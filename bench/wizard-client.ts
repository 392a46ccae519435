import { typical } from '../test/core/flow/helpers.js';
import { executeActivity, messageActivity, type Party } from './activities.js';
import type { CaptureServer } from './capture.js';
import type { JsonClient } from './http.js';

/** A card as a client reads it: where the record stands, and what the card asks. */
export interface CardView {
  kind: 'step' | 'summary' | 'other';
  reference?: string;
  step?: string;
  revision?: number;
  /** The ids of the card's inputs. */
  inputs: string[];
  /** A field shows an error. */
  hasErrors: boolean;
  /** The card as JSON text, for error messages. */
  text: string;
}

export interface WizardEnv {
  client: JsonClient;
  botUrl: string;
  capture: CaptureServer;
}

/** The verbs of the wizard's buttons. */
export const VERBS = { next: 'wizard.next', back: 'wizard.back', save: 'wizard.save' } as const;
const NEXT = VERBS.next;
const COMPLETE = 'Pre-commissioning is complete';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** Reads the reference and revision from the card's Continue button, as a client would. */
export function readCard(card: unknown): CardView {
  const text = JSON.stringify(card ?? null);
  const inputs: string[] = [];
  let next: Json | undefined;
  let hasErrors = false;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!isObject(node)) return;
    const type = typeof node.type === 'string' ? node.type : '';
    if (type.startsWith('Input.') && typeof node.id === 'string') inputs.push(node.id);
    if (node.color === 'Attention') hasErrors = true;
    if (type === 'Action.Execute' && isObject(node.data) && node.data.verb === NEXT) {
      next = node.data;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'fallback') visit(value);
    }
  };
  visit(card);
  if (next) {
    const view: CardView = { kind: 'step', inputs, hasErrors, text };
    if (typeof next.reference === 'string') view.reference = next.reference;
    if (typeof next.step === 'string') view.step = next.step;
    if (typeof next.revision === 'number') view.revision = next.revision;
    return view;
  }
  return { kind: text.includes(COMPLETE) ? 'summary' : 'other', inputs, hasErrors, text };
}

/**
 * A typical £250k competitive services contract seeking two outcomes, as Teams submits each
 * card: the answers the tests use. The targets card is filled in from the inputs it shows
 * (one target and three tests per chosen outcome).
 */
const ANSWERS: Record<string, Record<string, string>> = typical;

/** The step the benchmark's refused turn is sent on, and the answers that are refused. */
export const REFUSED_STEP = 'why';
export const REFUSED_ANSWERS: Record<string, string> = { ...ANSWERS.why, aims: '' };

export function answersFor(view: CardView): Record<string, string> {
  if (view.step === 'targets') {
    return Object.fromEntries(
      view.inputs
        .filter((id) => id.startsWith('outcomeTargets.'))
        .map((id) => [id, id.endsWith('.target') ? '3' : 'true']),
    );
  }
  const answers = view.step ? ANSWERS[view.step] : undefined;
  if (!answers) throw new Error(`the benchmark has no answers for step ${view.step ?? '(none)'}`);
  return answers;
}

export class TurnError extends Error {
  constructor(message: string, card?: CardView) {
    super(card ? `${message}: ${card.text.slice(0, 300)}` : message);
    this.name = 'TurnError';
  }
}

/** One officer's conversation with the bot, reading each card it gets back. */
export class WizardSession {
  /** The card the officer is looking at. */
  card: CardView | undefined;
  /** The data and values of the last press, to send it again (a double click). */
  private lastPress: { verb: string; data: Record<string, unknown> } | undefined;

  constructor(
    private readonly env: WizardEnv,
    readonly party: Party,
  ) {}

  /** Types a message; the reply card arrives at the connector before the HTTP response. */
  async say(text: string): Promise<CardView> {
    const activity = messageActivity(this.env.capture.url, this.party, text);
    const response = await this.env.client.post(`${this.env.botUrl}/api/messages`, activity);
    if (response.status !== 200) throw new TurnError(`"${text}" answered ${response.status}`);
    const reply = this.env.capture
      .take(activity.id)
      .flatMap((sent) => sent.attachments ?? [])
      .find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive');
    if (!reply) throw new TurnError(`"${text}" got no card back`);
    const view = readCard(reply.content);
    if (view.kind === 'step') this.card = view;
    return view;
  }

  /** Presses a button of the current card with these input values; the next card is the response body. */
  async press(verb: string, values: Record<string, string>): Promise<CardView> {
    const card = this.card;
    if (card?.kind !== 'step') throw new TurnError('no step card to press');
    const data = { reference: card.reference, step: card.step, revision: card.revision, ...values };
    return this.send(verb, data);
  }

  /** Sends the last press again, from the card it was pressed on. */
  async pressAgain(): Promise<CardView> {
    if (!this.lastPress) throw new TurnError('nothing was pressed yet');
    return this.send(this.lastPress.verb, this.lastPress.data);
  }

  private async send(verb: string, data: Record<string, unknown>): Promise<CardView> {
    this.lastPress = { verb, data };
    const activity = executeActivity(this.env.capture.url, this.party, verb, data);
    const response = await this.env.client.post(`${this.env.botUrl}/api/messages`, activity);
    if (response.status !== 200) throw new TurnError(`${verb} answered ${response.status}`);
    const body = response.body;
    const view = readCard(isObject(body) ? body.value : undefined);
    if (view.kind === 'step') this.card = view;
    return view;
  }
}

export type WizardTurnKind = 'new' | 'save' | 'refused';

export interface WizardTurn {
  kind: WizardTurnKind;
  /** The step the turn was on (`new`: none). */
  step?: string;
}

/**
 * Walks records through every step to the summary, one turn per call: `new`, then each
 * step's answers, with one refused submit (a required answer left empty) on each record.
 * Every reply is checked, so that a wrong card fails the turn rather than passing as fast.
 */
export class WizardWalker {
  private refused = false;
  private walking = false;
  /** Records walked to the summary. */
  completed = 0;

  constructor(private readonly session: WizardSession) {}

  async turn(): Promise<WizardTurn> {
    const { session } = this;
    try {
      if (!this.walking) {
        const view = await session.say('new');
        if (view.kind !== 'step' || view.step !== 'basics' || view.reference === undefined) {
          throw new TurnError('"new" did not show the first step', view);
        }
        this.walking = true;
        this.refused = false;
        return { kind: 'new' };
      }
      const before = session.card;
      if (!before) throw new TurnError('no card');
      if (before.step === REFUSED_STEP && !this.refused) {
        const view = await session.press(NEXT, REFUSED_ANSWERS);
        if (
          view.kind !== 'step' ||
          view.step !== before.step ||
          view.revision !== before.revision ||
          !view.hasErrors
        ) {
          throw new TurnError('a missing answer was not refused', view);
        }
        this.refused = true;
        return { kind: 'refused', step: before.step };
      }
      const view = await session.press(NEXT, answersFor(before));
      if (view.kind === 'summary') {
        this.walking = false;
        this.completed += 1;
        return { kind: 'save', step: before.step };
      }
      if (
        view.kind !== 'step' ||
        view.hasErrors ||
        view.step === before.step ||
        view.revision === before.revision
      ) {
        throw new TurnError(`step ${before.step ?? '?'} was not accepted`, view);
      }
      return { kind: 'save', step: before.step };
    } catch (error) {
      // Start over on a new record, so that one bad turn does not stall the worker.
      this.walking = false;
      throw error;
    }
  }
}
