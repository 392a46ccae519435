import assert from 'node:assert/strict';
import { policySections, verdictElements } from '../../cards/guidance.js';
import type { Section } from '../../cards/info.js';
import { builtInPack as pack } from '../../core/policy/index.js';
import { type Assessment, assess } from '../../core/rules/index.js';

function guidance(contract: Record<string, unknown>): Section[] {
  const result = assess(
    pack,
    { category: 'services', keyProvider: false, procurementStart: '2026-03-01', ...contract },
    '2026-06-01',
  );
  assert.ok(result.ok, JSON.stringify(result));
  return policySections(result.value as Assessment, pack);
}

const section = (sections: Section[], heading: string): Section | undefined =>
  sections.find((s) => s.heading === heading);
const texts = (s: Section | undefined): string[] => (s?.lines ?? []).map((l) => l.text);

/** The lines behind the verdict's "Show the policy lines" (the officer's guidance after the basics). */
describe('the guidance an officer reads after the basics', () => {
  it('shows the award weighting, with "must", for a contract in scope awarded competitively', () => {
    const weighting = section(guidance({ value: 250_000 }), 'Award weighting');
    assert.ok(weighting);
    assert.match(
      texts(weighting)[0] ?? '',
      /up to 10% of the award criteria must be on social value where there is a justification/,
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
      // The pack's reading, said in plain words with its grounds: never an internal note.
      assert.match(line ?? '', /\(Our reading of /);
      assert.doesNotMatch(line ?? '', /\[derived/);
    }
    const slavery = texts(section(sections, 'Modern slavery'));
    // The five items, and the £36m threshold for a supplier's own statement.
    assert.equal(slavery.length, 6);
    assert.match(slavery[5] ?? '', /£36m or more must publish its own slavery/);
    assert.match(slavery[0] ?? '', /Still applies to the one supplier chosen/);
  });

  it("puts a threshold that may be out of date first, in sight, and marks the pack's own readings as our reading", () => {
    const result = assess(
      pack,
      { category: 'services', keyProvider: false, value: 250_000, procurementStart: '2028-01-02' },
      '2026-06-01',
    );
    assert.ok(result.ok);
    const [verdict] = verdictElements(result.value, pack, { title: 'The verdict', next: [] });
    const items = (verdict?.items ?? []) as Record<string, unknown>[];
    // Right under the verdict's title, not behind the toggle.
    const warning = JSON.stringify(items[1]);
    assert.match(warning, /Check before relying on this/);
    assert.match(warning, /revised every two years/);
    const concession = guidance({ value: 6_000_000, concession: true });
    const act = texts(section(concession, 'Social Value Act'));
    assert.ok(act.some((t) => /\(Our reading of .*SI 2025\/163 reg 7/.test(t)));
    const mixed = guidance({ category: 'mixed', mainElement: 'services', value: 250_000 });
    assert.ok(
      texts(section(mixed, 'Scope')).some((t) => /main element.*\(Our reading of /.test(t)),
    );
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
    const sections = policySections(older as Assessment, pack);
    assert.equal(sections[0]?.heading, 'Scope');
    assert.ok(section(sections, 'Smaller providers'));
  });
});
