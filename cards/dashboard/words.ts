import type { PipelineStatus } from '../../core/dashboard/index.js';
import { themesOf } from '../../core/dashboard/index.js';
import type { DashboardRow } from '../../core/dashboard/row.js';
import type { PolicyPack } from '../../core/policy/index.js';

/** A status as the dashboard names it, in the words of the `list` card. */
export const STATUS_WORDS: Record<PipelineStatus, string> = {
  draft: 'Draft',
  complete: 'Complete, not awarded yet',
  awarded: 'Awarded',
  closed: 'Closed (ended or terminated)',
};

/** The names of a record's themes, in the pack's order, for a table cell. */
export function themeNames(row: Pick<DashboardRow, 'measures'>, pack: PolicyPack): string {
  const ids = themesOf(row, pack);
  return pack.themes
    .filter((theme) => ids.includes(theme.id))
    .map((theme) => theme.name)
    .join('; ');
}

/** "Stage 3: Contract award", as the stages card names a stage. */
export const stageWords = (stage: { number: number; name: string }): string =>
  `Stage ${stage.number}: ${stage.name}`;

/** The words for a record past its last stage. */
export const ALL_STAGES_DONE = 'Every stage done';
