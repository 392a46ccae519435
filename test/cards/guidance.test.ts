import assert from 'node:assert/strict';
import { guidanceSections } from '../../cards/guidance.js';
import type { Section } from '../../cards/info.js';
import { cumbriaPack as pack } from '../../core/policy/index.js';
import { type Assessment, assess } from '../../core/rules/index.js';

function guidance(contract: Record<string, unknown>): Section[] {
  const result = assess(
    pack,
    { category: 'services', keyProvider: false, procurementStart: '2026-03-01', ...contract },
    '2026-06-01',
  );
  assert.ok(result.ok, JSON.stringify(result));
  return guidanceSections(result.value as Assessment, pack);
}

const section = (sections: Section[], heading: string): Section | undefined =>
  sections.find((s) => s.heading === heading);
const texts = (s: Section | undefined): string[] => (s?.lines ?? []).map((l) => l.text);

describe('the guidance an officer reads after the basics', () => {
  it('shows the award weighting, with "must", for a contract in scope awarded competitively', () => {
    const weighting = section(guidance({ value: 250_000 }), 'Award weighting');
    assert.ok(weighting);
    assert.match(
      texts(weighting)[0] ?? '',
      /^Up to 10% of the award criteria must be on social value where there is a justification/,
    );
    assert.ok(texts(weighting).some((t) => /PPN 002|central government/.test(t)));
  });

  it('shows no weighting line for a contract outside the scope, nor for a direct award', () => {
    assert.equal(section(guidance({ value: 100_000 }), 'Award weighting'), undefined);
    assert.equal(
      section(guidance({ value: 250_000, competitive: false }), 'Award weighting'),
      undefined,
    );
  });

  it('for a direct award, says which checks are set aside and why, and keeps modern slavery due diligence', () => {
    const sections = guidance({ value: 250_000, competitive: false });
    const smaller = texts(section(sections, 'Smaller providers'));
    assert.ok(
      smaller.some((t) => t.startsWith('Do not set financial') && t.includes('Still applies')),
    );
    for (const check of ['Promote the opportunity', 'Hold a pre-tender', 'Consider splitting']) {
      const line = smaller.find((t) => t.includes(check));
      assert.ok(line?.startsWith('Not for a direct award: '), check);
      assert.match(line ?? '', /\[derived: /);
    }
    const slavery = texts(section(sections, 'Modern slavery'));
    assert.equal(slavery.length, 5);
    assert.match(slavery[0] ?? '', /Still applies to the one supplier chosen/);
  });

  it("puts a threshold that may be out of date first, and marks the pack's own readings as derived", () => {
    const late = guidance({ value: 250_000, procurementStart: '2028-01-02' });
    assert.equal(late[0]?.heading, 'Check before relying on this');
    assert.ok(texts(late[0]).some((t) => /revised every two years/.test(t)));
    const concession = guidance({ value: 6_000_000, concession: true });
    const act = texts(section(concession, 'The Social Value Act does not apply'));
    assert.ok(act.some((t) => /\[derived: .*SI 2025\/163 reg 7/.test(t)));
    const mixed = guidance({ category: 'mixed', mainElement: 'services', value: 250_000 });
    assert.ok(texts(mixed[1]).some((t) => /main element.*\[derived: /.test(t)));
  });

  it("gives §4.1's message to the market, §2.1's measurable outcomes, §2.2's supply chains and §5.2's proportionality", () => {
    const also = section(guidance({ value: 250_000 }), 'Also consider');
    const cited = (also?.lines ?? []).map((l) => l.citation);
    for (const ref of ['§4.1', '§2.1', '§2.2', '§5.2']) assert.ok(cited.includes(ref), ref);
  });

  it('still shows an assessment stored before warnings and set-aside items existed', () => {
    const result = assess(
      pack,
      { category: 'services', value: 250_000, keyProvider: false, procurementStart: '2026-03-01' },
      '2026-06-01',
    );
    assert.ok(result.ok);
    const { warnings: _w, setAside: _s, ...older } = result.value;
    const sections = guidanceSections(older as Assessment, pack);
    assert.equal(sections[0]?.heading, 'In scope of the policy');
    assert.ok(section(sections, 'Smaller providers'));
  });
});
