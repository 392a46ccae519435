import {
  answersFor,
  type CardView,
  REFUSED_ANSWERS,
  REFUSED_STEP,
  TurnError,
  VERBS,
  type WizardSession,
} from './wizard-client.js';

/** The Cosmos DB requests each turn of one kind made, next to the number the design allows. */
export interface RoundTripRow {
  label: string;
  /** The design's number; undefined where none is stated. */
  target?: number;
  /** One count per turn of this kind. */
  counted: number[];
  /** Why the number is what it is, where that is not obvious. */
  note?: string;
}

/**
 * The design's numbers (README, "Records"): a turn reads the record once and, when an answer
 * is accepted, writes it once, conditionally on the ETag it read. Creating a record takes the
 * next reference from a counter (one patch) and creates the record (one create); the first
 * record of a year in a tenant also creates the counter after the patch finds none. A user's
 * first message also saves their conversation reference for reminders (a read and an
 * upsert), once per user and process: it is counted on its own, on a `help`, before the rest.
 */
export const TARGETS = {
  firstMessage: {
    label: "a user's first message (help)",
    target: 2,
    note: 'the conversation reference for reminders is read and saved on the first message from a user in this process; later turns do not touch it',
  },
  newFirst: { label: 'new, first of the year in a tenant', target: 3 },
  new: { label: 'new', target: 2 },
  save: { label: 'save: an answered step (Continue)', target: 2 },
  refused: { label: 'refused: a required answer left empty', target: 1 },
  doubleClick: { label: 'double click: the same card sent again', target: 1 },
  saveLater: { label: 'save and continue later', target: 2 },
  back: { label: 'back', target: 2 },
  open: { label: 'open SV-...', target: 1 },
  list: {
    label: 'list',
    target: undefined,
    note: '@azure/cosmos asks the gateway for a query plan (x-ms-cosmos-is-query-plan-request) before every query, so a one-partition, one-page query is 2 requests',
  },
} as const satisfies Record<string, Omit<RoundTripRow, 'counted'>>;

type Kind = keyof typeof TARGETS;

function expect(condition: boolean, message: string, view: CardView): void {
  if (!condition) throw new TurnError(message, view);
}

/**
 * Walks one record from `new` to the summary, one turn at a time, counting the Cosmos
 * requests each turn makes (the embedded server's counter before and after). On the way it
 * sends one refused card, one double click, one "save and continue later" and one "back",
 * then opens and lists the record.
 */
export async function countRoundTrips(
  session: WizardSession,
  requests: () => number,
): Promise<RoundTripRow[]> {
  const rows = new Map<Kind, RoundTripRow>();
  const counted = async (kind: Kind, work: () => Promise<CardView>): Promise<CardView> => {
    const before = requests();
    const view = await work();
    const known: Omit<RoundTripRow, 'counted'> = TARGETS[kind];
    const row: RoundTripRow = rows.get(kind) ?? {
      label: known.label,
      ...(known.target === undefined ? {} : { target: known.target }),
      ...(known.note === undefined ? {} : { note: known.note }),
      counted: [],
    };
    row.counted.push(requests() - before);
    rows.set(kind, row);
    return view;
  };

  await counted('firstMessage', () => session.say('help'));
  const first = await counted('newFirst', () => session.say('new'));
  expect(first.step === 'basics', '"new" did not show the first step', first);
  const fresh = await counted('new', () => session.say('new'));
  expect(fresh.step === 'basics', '"new" did not show the first step', fresh);
  const reference = fresh.reference ?? '';

  const done = new Set<string>();
  for (let turn = 0; turn < 40; turn += 1) {
    const card = session.card;
    if (!card?.step) throw new TurnError('no step card');
    const step = card.step;
    if (step === REFUSED_STEP && !done.has('refused')) {
      done.add('refused');
      const view = await counted('refused', () => session.press(VERBS.next, REFUSED_ANSWERS));
      expect(view.hasErrors && view.revision === card.revision, 'not refused', view);
      continue;
    }
    if (step === 'consultation' && !done.has('saveLater')) {
      done.add('saveLater');
      const view = await counted('saveLater', () => session.press(VERBS.save, answersFor(card)));
      expect(view.step === step && view.revision !== card.revision, 'not saved for later', view);
      continue;
    }
    if (step === 'targets' && !done.has('back')) {
      done.add('back');
      const view = await counted('back', () => session.press(VERBS.back, answersFor(card)));
      expect(view.step === 'outcomes', 'back did not go back', view);
      continue;
    }
    const view = await counted('save', () => session.press(VERBS.next, answersFor(card)));
    if (view.kind === 'summary') break;
    expect(view.step !== step && view.revision !== card.revision, `${step} not accepted`, view);
    if (!done.has('doubleClick')) {
      done.add('doubleClick');
      const again = await counted('doubleClick', () => session.pressAgain());
      expect(
        again.step === view.step && again.revision === view.revision,
        'a double click did not show where the record stands',
        again,
      );
    }
  }
  const opened = await counted('open', () => session.say(`open ${reference}`));
  expect(opened.kind === 'summary', `open ${reference} did not show the summary`, opened);
  await counted('list', () => session.say('list'));

  return (Object.keys(TARGETS) as Kind[]).flatMap((kind) => {
    const row = rows.get(kind);
    return row ? [row] : [];
  });
}
