import { fail, ok, type Result } from '../common/result.js';
import type { Draft } from '../flow/draft.js';
import type { PolicyPack } from '../policy/schema.js';
import type { Assessment } from '../rules/assessment.js';
import { canAccess, type Viewer } from './access.js';
import { answerChanges } from './changes.js';
import type { Person } from './person.js';
import type { CommissioningRecord, HistoryAction } from './record.js';

/** Shown until the officer gives the exercise a title. */
export const UNTITLED = 'Untitled commissioning exercise';

const titleOf = (draft: Draft): string => {
  const title = draft.answers.title;
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : UNTITLED;
};

export function createRecord(input: {
  reference: string;
  tenantId: string;
  owner: Person;
  pack: PolicyPack;
  draft: Draft;
  /** ISO date-time; core reads no clock. */
  now: string;
}): CommissioningRecord {
  return {
    id: input.reference,
    kind: 'record',
    tenantId: input.tenantId,
    title: titleOf(input.draft),
    owner: input.owner,
    collaboratorIds: [],
    collaborators: [],
    status: 'draft',
    createdAt: input.now,
    updatedAt: input.now,
    revision: 0,
    policy: { id: input.pack.id, version: input.pack.version },
    draft: input.draft,
    history: [{ at: input.now, by: input.owner, action: 'created', changes: [] }],
  };
}

/**
 * The record after one wizard turn: the new draft (and assessment, when the basics were
 * answered), one more revision, and a history entry naming every answer that changed.
 */
export function recordTurn(
  record: CommissioningRecord,
  turn: {
    by: Person;
    at: string;
    action: HistoryAction;
    step: string;
    draft: Draft;
    assessment?: Assessment;
    pack?: PolicyPack;
  },
): CommissioningRecord {
  const completed = turn.draft.step === 'done';
  return {
    ...record,
    title: titleOf(turn.draft),
    status: completed ? 'complete' : record.status,
    updatedAt: turn.at,
    revision: record.revision + 1,
    draft: turn.draft,
    ...(turn.assessment ? { assessment: turn.assessment } : {}),
    // A record is assessed under the pack in force when its basics were answered.
    ...(turn.assessment && turn.pack
      ? { policy: { id: turn.pack.id, version: turn.pack.version } }
      : {}),
    history: [
      ...record.history,
      {
        at: turn.at,
        by: turn.by,
        action: completed && record.status !== 'complete' ? 'completed' : turn.action,
        step: turn.step,
        changes: answerChanges(record.draft.answers, turn.draft.answers),
      },
    ],
  };
}

/** The owner adds a collaborator; adding one twice changes nothing. */
export function shareRecord(
  record: CommissioningRecord,
  collaborator: Person,
  by: Person,
  at: string,
): CommissioningRecord {
  if (record.collaboratorIds.includes(collaborator.id) || record.owner.id === collaborator.id) {
    return record;
  }
  return {
    ...record,
    collaboratorIds: [...record.collaboratorIds, collaborator.id],
    collaborators: [...record.collaborators, collaborator],
    updatedAt: at,
    revision: record.revision + 1,
    history: [
      ...record.history,
      { at, by, action: 'shared', changes: [{ field: 'collaborators', to: collaborator.name }] },
    ],
  };
}

/** Why a record cannot be discarded by this person, or undefined when it can. */
export type DiscardRefusal = 'not-owner' | 'complete' | 'discarded';

/**
 * Only the owner discards, and only an unfinished draft: a complete record is the evidence
 * of a decision made, kept as it is.
 */
export function discardRefusal(
  record: CommissioningRecord,
  viewer: Viewer,
): DiscardRefusal | undefined {
  if (record.status === 'discarded') return 'discarded';
  if (!canAccess(record, viewer) || record.owner.id !== viewer.userId) return 'not-owner';
  if (record.status !== 'draft') return 'complete';
  return undefined;
}

/**
 * The owner discards an unfinished draft. The document stays, for the audit trail, with who
 * discarded it and when; it leaves every list and owes no reminder (the indexed dates go).
 */
export function discardRecord(
  record: CommissioningRecord,
  viewer: Viewer,
  by: Person,
  at: string,
): Result<CommissioningRecord> {
  const refusal = discardRefusal(record, viewer);
  if (refusal) return fail([{ path: 'record', message: refusal }]);
  const { nextReminderOn: _reminder, nextDueOn: _due, nextDueStages: _stages, ...rest } = record;
  return ok({
    ...rest,
    status: 'discarded',
    discarded: { by, at },
    updatedAt: at,
    revision: record.revision + 1,
    history: [
      ...record.history,
      {
        at,
        by,
        action: 'discarded',
        changes: [{ field: 'status', from: 'draft', to: 'discarded' }],
      },
    ],
  });
}
