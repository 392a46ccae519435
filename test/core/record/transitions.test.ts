import assert from 'node:assert/strict';
import { newDraft } from '../../../core/flow/index.js';
import type { PolicyPack } from '../../../core/policy/index.js';
import {
  type CommissioningRecord,
  commissioningRecordSchema,
  createRecord,
  recordTurn,
  shareRecord,
  UNTITLED,
} from '../../../core/record/index.js';
import {
  COLLEAGUE,
  CREATED_AT,
  flow,
  LEAD,
  minutesLater,
  newRecord,
  OWNER,
  pack,
  STRANGER,
  submitStep,
  TENANT,
  typical,
  walkRecord,
} from './fixtures.js';

/** The record as it is stored and read back: plain JSON that the schema accepts. */
function storedForm(record: CommissioningRecord): CommissioningRecord {
  const parsed = commissioningRecordSchema.safeParse(JSON.parse(JSON.stringify(record)));
  assert.ok(parsed.success, `not a valid record: ${JSON.stringify(parsed.error?.issues)}`);
  return parsed.data;
}

const lastEntry = (record: CommissioningRecord) => {
  const entry = record.history.at(-1);
  assert.ok(entry, 'the record has no history');
  return entry;
};

describe('commissioning records', () => {
  describe('createRecord', () => {
    it('starts at revision 0, a draft, owned by its creator, with one "created" entry', () => {
      const record = newRecord('SV-2026-0042');
      assert.equal(record.id, 'SV-2026-0042');
      assert.equal(record.kind, 'record');
      assert.equal(record.tenantId, TENANT);
      assert.equal(record.revision, 0);
      assert.equal(record.status, 'draft');
      assert.equal(record.title, UNTITLED);
      assert.deepEqual(record.owner, OWNER);
      assert.deepEqual(record.collaboratorIds, []);
      assert.deepEqual(record.collaborators, []);
      assert.equal(record.createdAt, CREATED_AT);
      assert.equal(record.updatedAt, CREATED_AT);
      assert.deepEqual(record.draft, newDraft(flow));
      assert.equal(record.assessment, undefined);
      assert.deepEqual(record.history, [
        { at: CREATED_AT, by: OWNER, action: 'created', changes: [] },
      ]);
      assert.deepEqual(storedForm(record), record);
    });

    it('records the id and version of the policy pack it was started under', () => {
      assert.deepEqual(newRecord().policy, { id: pack.id, version: pack.version });
      const later: PolicyPack = { ...pack, version: '2027.1' };
      const record = createRecord({
        reference: 'SV-2027-0001',
        tenantId: TENANT,
        owner: OWNER,
        pack: later,
        draft: newDraft(flow),
        now: CREATED_AT,
      });
      assert.deepEqual(record.policy, { id: pack.id, version: '2027.1' });
    });

    it('takes its title from a draft that already has one, trimmed', () => {
      const record = createRecord({
        reference: 'SV-2026-0001',
        tenantId: TENANT,
        owner: OWNER,
        pack,
        draft: { ...newDraft(flow), answers: { title: '  Custody healthcare ' } },
        now: CREATED_AT,
      });
      assert.equal(record.title, 'Custody healthcare');
    });
  });

  describe('recordTurn', () => {
    it('adds one revision and a history entry saying who changed which answers, when, from what to what', () => {
      const created = newRecord();
      const first = submitStep(created, typical.basics, { by: COLLEAGUE, at: minutesLater(5) });
      assert.equal(first.revision, 1);
      assert.equal(first.updatedAt, minutesLater(5));
      assert.equal(first.createdAt, CREATED_AT, 'the creation time never moves');
      assert.equal(first.history.length, 2);
      const entry = lastEntry(first);
      assert.equal(entry.at, minutesLater(5));
      assert.deepEqual(entry.by, COLLEAGUE);
      assert.equal(entry.action, 'answered');
      assert.equal(entry.step, 'basics');
      assert.deepEqual(
        entry.changes.find((change) => change.field === 'value'),
        { field: 'value', to: 250_000 },
        'a first answer has no "from"',
      );
      assert.deepEqual(
        entry.changes.map((change) => change.field),
        [
          'category',
          'competitive',
          'concession',
          'contractMonths',
          'keyProvider',
          'procurementStart',
          'title',
          'value',
        ],
      );

      // The officer goes back and changes the value and the title: the entry names both, old and new.
      const changed = recordTurn(first, {
        by: OWNER,
        at: minutesLater(9),
        action: 'answered',
        step: 'basics',
        draft: {
          ...first.draft,
          answers: { ...first.draft.answers, value: 300_000, title: 'Custody health' },
        },
      });
      assert.equal(changed.revision, 2);
      assert.deepEqual(lastEntry(changed), {
        at: minutesLater(9),
        by: OWNER,
        action: 'answered',
        step: 'basics',
        changes: [
          { field: 'title', from: 'Custody healthcare', to: 'Custody health' },
          { field: 'value', from: 250_000, to: 300_000 },
        ],
      });
      assert.deepEqual(changed.history.slice(0, 2), first.history, 'earlier entries are kept');
      assert.deepEqual(storedForm(changed), changed);
    });

    it('gives the record the title the officer typed, and back to untitled when it is cleared', () => {
      const titled = submitStep(newRecord(), typical.basics);
      assert.equal(titled.title, 'Custody healthcare');
      const { title: _title, ...rest } = titled.draft.answers;
      const cleared = recordTurn(titled, {
        by: OWNER,
        at: minutesLater(30),
        action: 'saved',
        step: 'basics',
        draft: { ...titled.draft, answers: rest },
      });
      assert.equal(cleared.title, UNTITLED);
      assert.deepEqual(lastEntry(cleared).changes, [
        { field: 'title', from: 'Custody healthcare' },
      ]);
    });

    it('a turn that changes nothing still counts as a revision, with an empty list of changes', () => {
      const record = submitStep(newRecord(), typical.basics);
      const saved = recordTurn(record, {
        by: OWNER,
        at: minutesLater(20),
        action: 'saved',
        step: 'why',
        draft: record.draft,
      });
      assert.equal(saved.revision, record.revision + 1);
      assert.deepEqual(lastEntry(saved).changes, []);
      assert.equal(lastEntry(saved).action, 'saved');
    });

    it('walks every step to a complete record whose last entry is "completed"', () => {
      const complete = walkRecord(newRecord());
      assert.equal(complete.draft.step, 'done');
      assert.equal(complete.status, 'complete');
      // created, then one entry per step: basics to review.
      assert.equal(complete.revision, 6);
      assert.deepEqual(
        complete.history.map((entry) => entry.action),
        ['created', ...Array<string>(5).fill('answered'), 'completed'],
      );
      assert.deepEqual(
        complete.history.map((entry) => entry.step),
        [undefined, 'basics', 'why', 'outcomes', 'targets', 'modernSlavery', 'review'],
      );
      // The review asks nothing: its "Confirm and finish" is the confirmation.
      assert.deepEqual(lastEntry(complete).changes, []);
      assert.ok(
        complete.history.slice(1, -1).every((entry) => entry.changes.length > 0),
        'every answering turn names the answers it gave',
      );
      assert.deepEqual(storedForm(complete), complete);
    });

    it('stays complete, and says "completed" only once, when a complete record is saved again', () => {
      const complete = walkRecord(newRecord());
      const again = recordTurn(complete, {
        by: OWNER,
        at: minutesLater(60),
        action: 'answered',
        step: 'review',
        draft: complete.draft,
      });
      assert.equal(again.status, 'complete');
      assert.equal(lastEntry(again).action, 'answered');
      assert.equal(again.history.filter((entry) => entry.action === 'completed').length, 1);
    });

    it('keeps the assessment with the version of the pack it was made under', () => {
      const created = newRecord();
      assert.equal(created.policy.version, 'pack-2.0.0');
      const assessed = submitStep(created, typical.basics);
      assert.ok(assessed.assessment, 'the basics give an assessment');
      assert.equal(assessed.assessment.inScope, true);
      assert.deepEqual(assessed.policy, { id: pack.id, version: pack.version });

      // The pack is revised; the basics are answered again under it: the new version is recorded.
      const revised: PolicyPack = { ...pack, version: '2026.2' };
      const reassessed = recordTurn(assessed, {
        by: OWNER,
        at: minutesLater(40),
        action: 'answered',
        step: 'basics',
        draft: assessed.draft,
        assessment: assessed.assessment,
        pack: revised,
      });
      assert.deepEqual(reassessed.policy, { id: pack.id, version: '2026.2' });

      // A later step brings no assessment: the record keeps the one it has and its version.
      const later = recordTurn(reassessed, {
        by: OWNER,
        at: minutesLater(41),
        action: 'answered',
        step: 'why',
        draft: reassessed.draft,
        pack,
      });
      assert.deepEqual(later.assessment, assessed.assessment);
      assert.deepEqual(later.policy, { id: pack.id, version: '2026.2' });
    });
  });

  describe('shareRecord', () => {
    it('adds a collaborator once, with a "shared" entry, and leaves the owner out', () => {
      const record = newRecord();
      const shared = shareRecord(record, COLLEAGUE, OWNER, minutesLater(3));
      assert.deepEqual(shared.collaboratorIds, [COLLEAGUE.id]);
      assert.deepEqual(shared.collaborators, [COLLEAGUE]);
      assert.equal(shared.revision, 1);
      assert.equal(shared.updatedAt, minutesLater(3));
      assert.deepEqual(lastEntry(shared), {
        at: minutesLater(3),
        by: OWNER,
        action: 'shared',
        changes: [{ field: 'collaborators', to: COLLEAGUE.name }],
      });

      const twice = shareRecord(shared, COLLEAGUE, OWNER, minutesLater(4));
      assert.equal(twice, shared, 'sharing with a collaborator again changes nothing');
      assert.equal(
        shareRecord(shared, OWNER, OWNER, minutesLater(5)),
        shared,
        'the owner is not a collaborator',
      );

      const both = shareRecord(shared, LEAD, OWNER, minutesLater(6));
      assert.deepEqual(both.collaboratorIds, [COLLEAGUE.id, LEAD.id]);
      assert.deepEqual(both.collaborators, [COLLEAGUE, LEAD]);
      assert.equal(both.revision, 2);
      assert.ok(!both.collaboratorIds.includes(STRANGER.id));
      assert.deepEqual(storedForm(both), both);
    });
  });
});
