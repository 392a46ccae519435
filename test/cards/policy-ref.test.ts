import assert from 'node:assert/strict';
import { policyRef } from '../../cards/policy-ref.js';
import { builtInPack } from '../../core/policy/index.js';

describe('a citation as an officer reads it, by the pack', () => {
  it("names the built-in pack's paragraphs, appendix and statement as its cards always have", () => {
    assert.equal(policyRef(builtInPack, '§1.1.3(iii)'), '§1.1.3(iii) of the policy');
    assert.equal(policyRef(builtInPack, 'App 1 Outcome 2'), 'Appendix 1 Outcome 2');
    assert.equal(policyRef(builtInPack, 'MSS-3'), 'Modern Slavery Statement, MSS-3');
    assert.equal(policyRef(builtInPack, 'MSS'), 'Modern Slavery Statement');
    // A public source already names its law.
    assert.equal(policyRef(builtInPack, 'PA 2023 s.22'), 'PA 2023 s.22');
  });

  it("reads another pack's scheme by its own readings, the first that fits", () => {
    const pack = {
      citationReadings: [
        { startsWith: 'P3.', reads: '{ref} of the policy' },
        { startsWith: 'ESC ', reads: 'Ethical Sourcing Code, clause {rest}' },
        { startsWith: 'E', reads: 'never reached for ESC' },
      ],
    };
    assert.equal(policyRef(pack, 'P3.2(a)'), 'P3.2(a) of the policy');
    assert.equal(policyRef(pack, 'ESC 2'), 'Ethical Sourcing Code, clause 2');
    assert.equal(policyRef(pack, 'PA 2023 s.22'), 'PA 2023 s.22');
    assert.equal(policyRef({ citationReadings: [] }, '§2.2'), '§2.2');
  });
});
