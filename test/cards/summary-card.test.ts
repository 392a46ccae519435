import assert from 'node:assert/strict';
import { summaryCard } from '../../cards/summary-card.js';
import { recordCard } from '../../cards/wizard-card.js';
import { flow, newRecord, typical, walkRecord } from '../core/record/fixtures.js';
import { AWARD, awarded, MONTHS } from '../core/record/stage-fixtures.js';
import { measureCard } from '../support/walk.js';
import { actionsOf, assertValidCard, inputsOf, type Json, nodesOf, textOf } from './check-card.js';

/** A typical contract whose procurement starts on 1 March 2026, walked to the end. */
const cards = { ...typical, basics: { ...typical.basics, procurementStart: '2026-03-01' } };
const complete = walkRecord(newRecord('SV-2026-0042'), cards);

/** The facts of the card's fact sets, as "title: value", in order. */
const factsOf = (card: Json): string[] =>
  nodesOf(card)
    .filter((node) => node.type === 'FactSet')
    .flatMap((node) => (node.facts as Json[]).map((fact) => `${fact.title}: ${fact.value}`));

describe('the summary card of a complete record', () => {
  const card = recordCard(flow, complete);
  const text = textOf(card);
  const hidden = nodesOf(card).find((node) => node.id === 'fullRecord');

  it('is a valid Adaptive Card 1.5 under 80 KB, with no inputs', () => {
    assertValidCard(card, 'summary');
    assert.equal(inputsOf(card).length, 0);
    assert.deepEqual(
      actionsOf(card).map((action) => action.title),
      ['Show every answer and the policy lines', 'Stages and reminders', 'My records'],
      'no rating is offered before the award',
    );
    const afterAward = recordCard(flow, awarded(AWARD, MONTHS, complete));
    assert.deepEqual(
      actionsOf(afterAward).map((action) => action.title),
      [
        'Show every answer and the policy lines',
        'Stages and reminders',
        'Rate the supplier',
        'My records',
      ],
    );
  });

  it('leads with the verdict and the plan, on one screen of about 300 words', () => {
    assert.ok(text.startsWith('SV-2026-0042: Custody healthcare'));
    assert.ok(
      text.includes(
        'Pre-commissioning is complete (Olive Owner, 1 March 2026; policy version pack-2.0.0).',
      ),
    );
    assert.deepEqual(factsOf(card), [
      'Your contract: £250,000 of services, starting 1 March 2026, 36 months',
      'Policy scope: In scope: seek social value outcomes',
      'Regulated: Yes: at or above £207,720 (goods and services)',
      'Social Value Act: Applies',
      'Award weighting: Up to 10%, with a justification',
      'Outcomes and targets: New jobs created in the local economy: target 3; Work towards paying staff the Living Wage: a commitment',
      'Weighting chosen: 10% of the award criteria on social value',
      'Stages: 13 stages. Record the award under Stages and reminders to date the reviews.',
      'Modern slavery risk: Medium (our reading)',
      'Modern slavery items planned: All: MSS-1, MSS-2, MSS-3, MSS-4, MSS-5',
    ]);
    const { words } = measureCard(card);
    assert.ok(words <= 300, `${words} words as the card opens`);
    assert.equal(hidden?.isVisible, false, 'the full record sits behind its toggle');
  });

  it('shows money with £ and thousands separators, and dates as 1 March 2026', () => {
    const full = textOf(hidden);
    assert.ok(full.includes('**Value** £250,000'));
    assert.ok(full.includes('**Minimum turnover** £200,000'));
    assert.ok(full.includes('**Starts** 1 March 2026'));
    for (const amount of text.match(/£[\d.,]+/g) ?? []) {
      assert.match(amount, /^£\d{1,3}(,\d{3})*(\.\d\d)?[.,]?$/, `money written ${amount}`);
    }
    assert.doesNotMatch(text, /\b\d{4}-\d{2}-\d{2}\b/, 'no date is written YYYY-MM-DD');
    assert.doesNotMatch(text, /\b(250000|200000|207720|100000)\b/, 'no amount without separators');
  });

  it('keeps every answer, the risk, the policy lines with their citations and the stages behind the toggle', () => {
    const full = textOf(hidden);
    for (const line of [
      'About the contract',
      '**Title** Custody healthcare',
      '**Kind** Services',
      '**Competitive** Yes',
      'New jobs created in the local economy: target 3',
      'Modern slavery risk: medium',
      'The procurement stages and their social value actions',
    ]) {
      assert.ok(full.includes(line), `no "${line}"`);
    }
    assert.match(full, /£250,000 is greater than £100,000.*_\(§1\.1\.3\(iii\) of the policy\)_/);
    assert.match(full, /13\. Exit from the contract.*_\(Fig 1 stage 13\)_/);
    assert.ok(!full.includes('[derived'), 'no internal note');
  });

  it('gives the day of the last change in UK time', () => {
    // 23:30 UTC on 1 June is 00:30 on 2 June in London (summer time).
    const late = { ...complete, updatedAt: '2026-06-01T23:30:00.000Z' };
    assert.ok(textOf(summaryCard(flow, late)).includes('Olive Owner, 2 June 2026'));
    const winter = { ...complete, updatedAt: '2026-12-01T23:30:00.000Z' };
    assert.ok(textOf(summaryCard(flow, winter)).includes('Olive Owner, 1 December 2026'));
  });

  it('is what the wizard shows for a record that is done, with a notice when one is given', () => {
    assert.deepEqual(card, summaryCard(flow, complete));
    const noticed = recordCard(flow, complete, {
      notice: { kind: 'saved', reference: complete.id },
    });
    assertValidCard(noticed, 'summary with a notice');
    assert.ok(textOf(noticed).includes('Saved.'));
  });

  it('of a record not finished: says so, and is still valid', () => {
    const unfinished = walkRecord(newRecord(), cards, 'outcomes');
    const partial = summaryCard(flow, unfinished);
    assertValidCard(partial, 'unfinished summary');
    assert.ok(textOf(partial).includes('Pre-commissioning is not finished yet.'));
  });
});
