import assert from 'node:assert/strict';
import { z } from 'zod';
import { fail, ok, problemsFromIssues } from '../../../core/common/index.js';

describe('results and problems', () => {
  it('wraps a value or a list of problems', () => {
    assert.deepEqual(ok(3), { ok: true, value: 3 });
    assert.deepEqual(fail([{ path: 'value', message: 'must not be negative' }]), {
      ok: false,
      problems: [{ path: 'value', message: 'must not be negative' }],
    });
  });

  it('names each problem by its dotted path, and each unknown field separately', () => {
    const schema = z.strictObject({ a: z.object({ b: z.array(z.number()) }) });
    const parsed = schema.safeParse({ a: { b: [1, 'x'] }, colour: 'red', size: 2 });
    assert.equal(parsed.success, false);
    const problems = problemsFromIssues(parsed.error?.issues ?? []);
    assert.deepEqual(problems.map((p) => p.path).sort(), ['a.b.1', 'colour', 'size']);
    const colour = problems.find((p) => p.path === 'colour');
    assert.match(colour?.message ?? '', /not a known field/);
  });

  it('puts a prefix before the path, and names the whole input when there is no path', () => {
    const parsed = z.number().int().safeParse(4.5);
    assert.deepEqual(
      problemsFromIssues(parsed.error?.issues ?? [], 'headcount').map((p) => p.path),
      ['headcount'],
    );
    const whole = z.object({}).safeParse(null);
    assert.deepEqual(
      problemsFromIssues(whole.error?.issues ?? []).map((p) => p.path),
      ['(input)'],
    );
  });
});
