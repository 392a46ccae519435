import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  formatDate,
  formatMonth,
  isAfter,
  isBefore,
  isIsoDate,
  isoDateSchema,
  isWithin,
} from '../../../core/common/index.js';

const isoDate = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2199-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('isIsoDate', () => {
  it('accepts real dates, including 29 February in leap years', () => {
    for (const date of ['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30']) {
      assert.equal(isIsoDate(date), true, date);
    }
  });

  it('refuses dates that do not exist or are not written YYYY-MM-DD', () => {
    const bad = [
      '2026-02-30',
      '2026-02-29',
      '2023-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-01',
      '26-01-01',
      '2026-01-01T00:00:00Z',
      '01/02/2026',
      '',
    ];
    for (const date of bad) assert.equal(isIsoDate(date), false, date);
  });

  it('agrees with the calendar for every date', () => {
    fc.assert(
      fc.property(isoDate, (date) => isIsoDate(date)),
      { numRuns: 300 },
    );
  });

  it('gives a schema message naming the format', () => {
    const parsed = isoDateSchema.safeParse('2026-02-30');
    assert.equal(parsed.success, false);
    assert.match(parsed.error?.issues[0]?.message ?? '', /real date written YYYY-MM-DD/);
  });
});

describe('addMonths', () => {
  it('clamps to the last day of a shorter month', () => {
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
    assert.equal(addMonths('2026-01-31', 3), '2026-04-30');
    assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
    assert.equal(addMonths('2024-02-29', 48), '2028-02-29');
  });

  it('crosses years both ways', () => {
    assert.equal(addMonths('2025-11-15', 3), '2026-02-15');
    assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
    assert.equal(addMonths('2026-03-31', -6), '2025-09-30');
    assert.equal(addMonths('2026-01-01', -1), '2025-12-01');
    assert.equal(addMonths('2026-01-01', 600), '2076-01-01');
  });

  it('always gives a real date, and keeps the day where the month has it', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -600, max: 600 }), (date, months) => {
        const moved = addMonths(date, months);
        assert.ok(isIsoDate(moved), moved);
        const day = Number(date.slice(8));
        const movedDay = Number(moved.slice(8));
        assert.ok(movedDay <= day);
        if (day <= 28) assert.equal(movedDay, day);
      }),
      { numRuns: 300 },
    );
  });
});

describe('addDays', () => {
  it('steps over month and year ends and leap days', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2023-02-28', 1), '2023-03-01');
    assert.equal(addDays('2026-01-01', -1), '2025-12-31');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
    assert.equal(addDays('2024-01-01', 366), '2025-01-01');
  });

  it('keeps years before 100 as written', () => {
    assert.equal(addDays('0050-01-01', 1), '0050-01-02');
    assert.equal(addDays('0001-01-01', 31), '0001-02-01');
  });

  it('is undone by going back the same number of days', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        const moved = addDays(date, days);
        assert.ok(isIsoDate(moved));
        assert.equal(addDays(moved, -days), date);
        if (days > 0) assert.ok(isAfter(moved, date));
        if (days < 0) assert.ok(isBefore(moved, date));
      }),
      { numRuns: 300 },
    );
  });
});

describe('date comparisons', () => {
  it('orders ISO dates and treats range ends as inclusive and optional', () => {
    assert.equal(isBefore('2025-12-31', '2026-01-01'), true);
    assert.equal(isBefore('2026-01-01', '2026-01-01'), false);
    assert.equal(isAfter('2027-01-02', '2027-01-01'), true);
    assert.equal(isWithin('2025-12-31', '2024-01-01', '2025-12-31'), true);
    assert.equal(isWithin('2024-01-01', '2024-01-01', '2025-12-31'), true);
    assert.equal(isWithin('2026-01-01', '2024-01-01', '2025-12-31'), false);
    assert.equal(isWithin('2023-12-31', '2024-01-01'), false);
    assert.equal(isWithin('2099-01-01', '2026-01-01'), true);
    assert.equal(isWithin('1999-01-01', undefined, '2025-02-23'), true);
  });
});

describe('formatDate', () => {
  it('writes ISO dates as officers read them', () => {
    assert.equal(formatDate('2026-03-01'), '1 March 2026');
    assert.equal(formatDate('2025-12-31'), '31 December 2025');
    assert.equal(formatDate('2024-02-29'), '29 February 2024');
  });

  it('keeps years before 100 as written', () => {
    assert.equal(formatDate('0050-01-01'), '1 January 50');
  });

  it('returns text that is not a real date as it is', () => {
    assert.equal(formatDate('2026-02-30'), '2026-02-30');
    assert.equal(formatDate('soon'), 'soon');
  });

  it('names the same day as the ISO date, for every date', () => {
    const months = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ];
    fc.assert(
      fc.property(isoDate, (date) => {
        const [year, month, day] = date.split('-').map(Number);
        assert.equal(formatDate(date), `${day} ${months[(month ?? 0) - 1]} ${year}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatMonth', () => {
  it('writes a month as officers read it', () => {
    assert.equal(formatMonth('2025-04'), 'April 2025');
    assert.equal(formatMonth('2026-01'), 'January 2026');
    assert.equal(formatMonth('2026-12'), 'December 2026');
  });

  it('returns text that is not a month as it is', () => {
    assert.equal(formatMonth('2026-13'), '2026-13');
    assert.equal(formatMonth('2026-00'), '2026-00');
    assert.equal(formatMonth(''), '');
  });

  it('names the same month as formatDate does for its first day', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        assert.equal(formatMonth(date.slice(0, 7)), formatDate(`${date.slice(0, 7)}-01`).slice(2));
      }),
      { numRuns: 300 },
    );
  });
});
