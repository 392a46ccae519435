/** A financial year runs 1 April to 31 March; it is named by its two calendar years, "2024-25". */
export interface FinancialYear {
  start: number;
  label: string;
  from: string;
  to: string;
}

export function financialYear(start: number): FinancialYear {
  return {
    start,
    label: `${start}-${String((start + 1) % 100).padStart(2, '0')}`,
    from: `${start}-04-01`,
    to: `${start + 1}-03-31`,
  };
}

const monthOf = (isoDate: string): number => Number(isoDate.slice(5, 7));
const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));

/** The financial year an ISO date falls in. */
export const financialYearOf = (isoDate: string): FinancialYear =>
  financialYear(monthOf(isoDate) >= 4 ? yearOf(isoDate) : yearOf(isoDate) - 1);

/** The quarter of the financial year: 1 is April to June, 4 is January to March. */
export const quarterOf = (isoDate: string): 1 | 2 | 3 | 4 => {
  const month = monthOf(isoDate);
  return month >= 4 && month <= 6 ? 1 : month <= 9 && month >= 7 ? 2 : month >= 10 ? 3 : 4;
};

/** A quarter's first and last months, written yyyy-mm: Q4 of 2024-25 is 2025-01 to 2025-03. */
export function quarterMonths(
  year: FinancialYear,
  quarter: 1 | 2 | 3 | 4,
): { first: string; last: string } {
  // Months counted from January of the year's start: April is 3, the following March 14.
  const month = (index: number) =>
    `${year.start + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  const first = 3 + (quarter - 1) * 3;
  return { first: month(first), last: month(first + 2) };
}

/**
 * A year counts as complete when the payments cover each of its twelve months; a year the
 * data starts or stops part of the way through is shown, but cannot be the baseline.
 */
export function isCompleteYear(year: FinancialYear, dates: readonly string[]): boolean {
  const months = new Set(
    dates.filter((d) => d >= year.from && d <= year.to).map((d) => d.slice(0, 7)),
  );
  return months.size === 12;
}
