import assert from 'node:assert/strict';
import { canAccess, canShare, shareRecord } from '../../../core/record/index.js';
import {
  COLLEAGUE,
  LEAD,
  minutesLater,
  newRecord,
  OTHER_TENANT,
  OWNER,
  STRANGER,
  viewer,
} from './fixtures.js';

describe('who may see, change and share a record', () => {
  const record = shareRecord(newRecord(), COLLEAGUE, OWNER, minutesLater(1));

  const cases = [
    { who: 'the owner', as: viewer(OWNER), access: true, share: true },
    { who: 'a collaborator the owner added', as: viewer(COLLEAGUE), access: true, share: false },
    {
      who: "a procurement lead of the record's tenant",
      as: viewer(LEAD, { lead: true }),
      access: true,
      share: true,
    },
    { who: 'another user of the tenant', as: viewer(STRANGER), access: false, share: false },
    { who: 'the lead, not marked as a lead', as: viewer(LEAD), access: false, share: false },
    {
      who: "the owner's id in another tenant",
      as: viewer(OWNER, { tenantId: OTHER_TENANT }),
      access: false,
      share: false,
    },
    {
      who: "a collaborator's id in another tenant",
      as: viewer(COLLEAGUE, { tenantId: OTHER_TENANT }),
      access: false,
      share: false,
    },
    {
      who: 'a procurement lead of another tenant',
      as: viewer(LEAD, { tenantId: OTHER_TENANT, lead: true }),
      access: false,
      share: false,
    },
  ];

  for (const { who, as, access, share } of cases) {
    it(`${who}: ${access ? 'sees and changes it' : 'is told it does not exist'}, ${share ? 'may' : 'may not'} share it`, () => {
      assert.equal(canAccess(record, as), access);
      assert.equal(canShare(record, as), share);
    });
  }

  it('a collaborator added later gains access; nobody else does', () => {
    const fresh = newRecord();
    assert.equal(canAccess(fresh, viewer(COLLEAGUE)), false);
    assert.equal(
      canAccess(shareRecord(fresh, COLLEAGUE, OWNER, minutesLater(1)), viewer(COLLEAGUE)),
      true,
    );
    assert.equal(
      canAccess(shareRecord(fresh, COLLEAGUE, OWNER, minutesLater(1)), viewer(STRANGER)),
      false,
    );
  });
});
