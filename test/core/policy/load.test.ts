import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInPack, loadPack, type PolicyPack } from '../../../core/policy/index.js';
import { answerOf, pathsOf, problemAt, problemsOf } from '../rules/helpers.js';

/** A deep copy of the default pack as plain JSON data, for a test to break. */
const packData = (): Record<string, unknown> & PolicyPack => structuredClone(builtInPack);

/** A JSON-ish copy whose fields a test may delete or set to values of the wrong type. */
const looseData = (): Record<string, unknown> => JSON.parse(JSON.stringify(builtInPack));

describe('loadPack', () => {
  it('round-trips the default pack from JSON text', () => {
    const loaded = answerOf(loadPack(JSON.stringify(builtInPack, null, 2)));
    assert.deepEqual(loaded, builtInPack);
  });

  it('loads a pack a caller read from a file it wrote itself', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sv-pack-'));
    try {
      const file = join(dir, 'pack.json');
      const edited = packData();
      edited.version = '2026.2';
      await writeFile(file, JSON.stringify(edited), 'utf8');
      const loaded = answerOf(loadPack(await readFile(file, 'utf8')));
      assert.equal(loaded.version, '2026.2');
      assert.deepEqual(loaded.regulated, builtInPack.regulated);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('trims citations and text as it loads', () => {
    const edited = packData();
    const theme = edited.themes[0];
    assert.ok(theme);
    theme.citation = '  §5.0 theme 1 ';
    assert.equal(answerOf(loadPack(edited)).themes[0]?.citation, '§5.0 theme 1');
  });

  it('refuses text that is not JSON, saying so', () => {
    const problems = problemsOf(loadPack('{"id": "cumbria", '));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.path, '(file)');
    assert.match(problems[0]?.message ?? '', /is not valid JSON/);
  });

  it('refuses JSON that is not an object', () => {
    for (const input of ['[]', '"pack"', 'null', '42']) {
      const problems = problemsOf(loadPack(input));
      assert.deepEqual(pathsOf(problems), ['(input)'], input);
    }
  });

  it('lists every fault of a bad pack at once, each by its field path', () => {
    const bad = looseData();
    const edited = bad as unknown as PolicyPack;
    delete bad.name; // a missing field
    const row0 = edited.regulated.rows[0];
    const row1 = edited.regulated.rows[1];
    const theme = edited.themes[2];
    const small = edited.sizeBands.bands[1];
    assert.ok(row0 && row1 && theme && small);
    row0.works = -5_372_609; // a negative threshold
    theme.citation = '§9.9'; // an unknown citation
    row1.from = '2025-01-01'; // overlaps the row before
    small.min = 12; // a gap after micro's 0-9
    const problems = problemsOf(loadPack(JSON.stringify(bad)));
    assert.deepEqual(pathsOf(problems), [
      'name',
      'regulated.rows.0.works',
      'regulated.rows.1.from',
      'sizeBands.bands.1.min',
      'themes.2.citation',
    ]);
    assert.match(problemAt(problems, 'regulated.rows.0.works').message, /negative/);
    assert.match(problemAt(problems, 'themes.2.citation').message, /"§9\.9".*neither a paragraph/);
    assert.match(problemAt(problems, 'regulated.rows.1.from').message, /must not overlap/);
    assert.match(problemAt(problems, 'sizeBands.bands.1.min').message, /must be 10.*without gaps/);
  });

  it('still makes the cross-field checks when a whole section is of the wrong type', () => {
    const bad = looseData();
    bad.stages = 'thirteen';
    bad.document = { dated: false, adopted: '2024-01-01', note: 'An adoption date invented' };
    const problems = problemsOf(loadPack(bad));
    assert.deepEqual(pathsOf(problems), ['document.adopted', 'stages']);
    assert.match(problemAt(problems, 'document.adopted').message, /recorded as undated/);
  });

  describe('refuses each kind of inconsistency by its path', () => {
    const cases: [string, (pack: PolicyPack) => void, string, RegExp][] = [
      [
        'an unknown source for a threshold row',
        (p) => p.regulated.rows[1]?.sources.push('PPN 99/99'),
        'regulated.rows.1.sources.2',
        /"PPN 99\/99"/,
      ],
      [
        'an unknown citation in a derived measure',
        (p) => {
          const m = p.framework.measures.find((x) => x.derived);
          if (m?.derived) m.derived.from = ['App 9'];
        },
        'framework.measures.13.derived.from.0',
        /"App 9"/,
      ],
      [
        'a paragraph listed twice',
        (p) => p.paragraphs.push({ ref: '§2.2', title: 'again' }),
        'paragraphs',
        /"§2\.2" more than once/,
      ],
      [
        'a row ending before it begins',
        (p) => {
          const row = p.regulated.rows[0];
          if (row) row.to = '2023-12-31';
        },
        'regulated.rows.0.to',
        /before from/,
      ],
      [
        'a row out of date order',
        (p) => {
          const [first, second, ...rest] = p.regulated.rows;
          if (first && second) p.regulated.rows = [second, first, ...rest];
        },
        'regulated.rows.1.from',
        /date order/,
      ],
      [
        'a top band with a limit',
        (p) => {
          const large = p.sizeBands.bands[3];
          if (large) large.max = 999;
        },
        'sizeBands.bands.3.max',
        /last band must have no upper limit/,
      ],
      [
        'overlapping size bands',
        (p) => {
          const micro = p.sizeBands.bands[0];
          if (micro) micro.max = 10;
        },
        'sizeBands.bands.1.min',
        /must be 11/,
      ],
      [
        'a weighting range upside down',
        (p) => {
          p.weighting.min = 12;
        },
        'weighting.max',
        /not be below weighting\.min/,
      ],
      [
        'a theme with no measure',
        (p) => {
          p.framework.measures = p.framework.measures.filter((m) => m.theme !== 3);
        },
        'themes.2',
        /theme 3 has no measure/,
      ],
      [
        'a measure naming a missing theme',
        (p) => {
          const m = p.framework.measures[0];
          if (m) m.theme = 9;
        },
        'framework.measures.0.theme',
        /theme 9/,
      ],
      [
        'a measure naming a missing outcome',
        (p) => {
          const m = p.framework.measures[0];
          if (m) m.outcome = 7;
        },
        'framework.measures.0.outcome',
        /outcome 7/,
      ],
      [
        'stages out of order',
        (p) => {
          const s = p.stages[4];
          if (s) s.number = 6;
        },
        'stages.4.number',
        /must be 5/,
      ],
      [
        'two tiers with one rank',
        (p) => {
          const t = p.supplierStatus.tiers[1];
          if (t) t.rank = 3;
        },
        'supplierStatus.tiers',
        /different rank/,
      ],
      [
        'a sector indicator that is not an indicator',
        (p) => {
          p.modernSlavery.rating.sectorIndicator = 'sector';
        },
        'modernSlavery.rating.sectorIndicator',
        /one of modernSlavery\.indicators/,
      ],
      [
        'risk bands that do not rise',
        (p) => {
          const high = p.modernSlavery.rating.bands[2];
          if (high) high.minIndicators = 1;
        },
        'modernSlavery.rating.bands',
        /rise strictly/,
      ],
      [
        'an adoption date invented for an undated document',
        (p) => {
          p.document.adopted = '2026-01-01';
        },
        'document.adopted',
        /recorded as undated/,
      ],
      [
        'a dated document without its date',
        (p) => {
          p.document.dated = true;
        },
        'document.adopted',
        /required when the document is dated/,
      ],
      [
        'a review date that is not a real date',
        (p) => {
          p.reviewDue = '2027-02-30';
        },
        'reviewDue',
        /real date/,
      ],
      [
        'a source linked to a collection page',
        (p) => {
          const ppn = p.sources.find((source) => source.ref === 'PPN 009');
          if (ppn) ppn.url = 'https://www.gov.uk/government/collections/procurement-policy-notes';
        },
        `sources.${builtInPack.sources.findIndex((source) => source.ref === 'PPN 009')}.url`,
        /not a collection or a home page/,
      ],
      [
        "a source linked to a site's home page",
        (p) => {
          const act = p.sources.find((source) => source.ref === 'PA 2023 s.22');
          if (act) act.url = 'https://www.legislation.gov.uk/';
        },
        `sources.${builtInPack.sources.findIndex((source) => source.ref === 'PA 2023 s.22')}.url`,
        /not a collection or a home page/,
      ],
      [
        'a source without a link',
        (p) => {
          const act = p.sources.find((source) => source.ref === 'MSA 2015 s.54');
          if (act) Reflect.deleteProperty(act, 'url');
        },
        `sources.${builtInPack.sources.findIndex((source) => source.ref === 'MSA 2015 s.54')}.url`,
        /./,
      ],
      [
        'a next revision expected before the row ends',
        (p) => {
          const row = p.regulated.rows[1];
          if (row) row.nextRevisionExpected = '2025-12-31';
        },
        'regulated.rows.1.nextRevisionExpected',
        /after the row ends/,
      ],
      [
        'a threshold date that does not exist',
        (p) => {
          const row = p.regulated.rows[1];
          if (row) row.from = '2026-02-30';
        },
        'regulated.rows.1.from',
        /real date/,
      ],
      [
        'a zero threshold',
        (p) => {
          const row = p.regulated.rows[1];
          if (row) row.lightTouch = 0;
        },
        'regulated.rows.1.lightTouch',
        /above £0/,
      ],
    ];
    for (const [fault, breakIt, path, message] of cases) {
      it(fault, () => {
        const pack = packData();
        breakIt(pack);
        const problems = problemsOf(loadPack(JSON.stringify(pack)));
        assert.deepEqual(pathsOf(problems), [path]);
        assert.match(problemAt(problems, path).message, message);
      });
    }
  });
});
