import assert from 'node:assert/strict';
import { recordCard } from '../../bot/wizard/render.js';
import { summaryCard } from '../../cards/summary-card.js';
import { flow, newRecord, typical, walkRecord } from '../core/record/fixtures.js';
import { actionsOf, assertValidCard, inputsOf, textOf } from './check-card.js';

/** A typical contract whose procurement starts on 1 March 2026, walked to the end. */
const cards = { ...typical, basics: { ...typical.basics, procurementStart: '2026-03-01' } };
const complete = walkRecord(newRecord('SV-2026-0042'), cards);

describe('the summary card of a complete record', () => {
  const card = recordCard(flow, complete);
  const text = textOf(card);

  it('is a valid Adaptive Card 1.5 under 80 KB, with no inputs', () => {
    assertValidCard(card, 'summary');
    assert.equal(inputsOf(card).length, 0);
    assert.deepEqual(
      actionsOf(card).map((action) => action.title),
      ['Stages and reminders', 'Rate the supplier', 'My records'],
    );
  });

  it('names the record, its owner, its status and the policy version it was assessed under', () => {
    assert.ok(text.startsWith('SV-2026-0042: Custody healthcare'));
    for (const fact of [
      'Reference: SV-2026-0042',
      'Owner: Olive Owner',
      'Status: Complete',
      'Estimated value: £250,000',
      'Policy version: pack-2.0.0 (cumbria-opcc-social-value)',
      'Last changed: 1 March 2026',
    ]) {
      assert.ok(text.includes(fact), `no fact "${fact}"`);
    }
  });

  it('shows money with £ and thousands separators, and dates as 1 March 2026', () => {
    assert.ok(text.includes('**Estimated whole-life value, including VAT** £250,000'));
    assert.ok(text.includes('**Minimum yearly turnover asked of bidders, if any** £200,000'));
    assert.ok(text.includes('**Date the procurement starts** 1 March 2026'));
    assert.ok(text.includes('**Share of the award criteria on social value (%)** 10% _(§2.2)_'));
    for (const amount of text.match(/£[\d.,]+/g) ?? []) {
      assert.match(amount, /^£\d{1,3}(,\d{3})*(\.\d\d)?[.,]?$/, `money written ${amount}`);
    }
    assert.doesNotMatch(text, /\b\d{4}-\d{2}-\d{2}\b/, 'no date is written YYYY-MM-DD');
    assert.doesNotMatch(text, /\b(250000|200000|207720|100000)\b/, 'no amount without separators');
  });

  it('gives every answer, the targets with the three tests, the risk and the stages, each with its citation', () => {
    for (const line of [
      'About the contract',
      '**Contract title** Custody healthcare',
      '**Is the contract for goods, services or works, or a mix?** Services _(§1.1.3(ii))_',
      '**Will the contract be awarded through a competitive process?** Yes',
      'New jobs created in the local economy: target 3',
      'the three tests of §2.1 confirmed',
      'Modern slavery risk: medium',
      'The procurement stages and their social value actions',
      '**I confirm the answers are complete and correct** Yes',
    ]) {
      assert.ok(text.includes(line), `no "${line}"`);
    }
    assert.match(text, /13\. Exit from the contract.*_\(Fig 1 stage 13\)_/);
  });

  it('gives the day of the last change in UK time', () => {
    // 23:30 UTC on 1 June is 00:30 on 2 June in London (summer time).
    const late = { ...complete, updatedAt: '2026-06-01T23:30:00.000Z' };
    assert.ok(textOf(summaryCard(flow, late)).includes('Last changed: 2 June 2026'));
    const winter = { ...complete, updatedAt: '2026-12-01T23:30:00.000Z' };
    assert.ok(textOf(summaryCard(flow, winter)).includes('Last changed: 1 December 2026'));
  });

  it('is what the wizard shows for a record that is done, with a notice when one is given', () => {
    assert.deepEqual(card, summaryCard(flow, complete));
    const noticed = recordCard(flow, complete, { notice: { text: 'Saved.', style: 'good' } });
    assertValidCard(noticed, 'summary with a notice');
    assert.ok(textOf(noticed).includes('Saved.'));
  });

  it('of a record not finished: says so, and is still valid', () => {
    const unfinished = walkRecord(newRecord(), cards, 'outcomes');
    const partial = summaryCard(flow, unfinished);
    assertValidCard(partial, 'unfinished summary');
    assert.ok(textOf(partial).includes('Pre-commissioning is not finished yet.'));
    assert.ok(textOf(partial).includes('Status: In progress'));
  });
});
