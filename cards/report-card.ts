import {
  DUE_WITHIN_DAYS,
  type ReportFigures,
  type SocialValueFigures,
} from '../core/dashboard/index.js';
import { linkButton } from './actions.js';
import { STATUS_WORDS } from './dashboard/words.js';
import { infoCard } from './info.js';
import type { AdaptiveCard } from './render.js';

/** Where the dashboard opens: the Teams tab, or (locally, in the Playground) a browser page. */
export type DashboardPlace = { teamsLink: string } | { browserUrl: string } | undefined;

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

const committedWords = (sv: SocialValueFigures): string =>
  sv.committed === 0
    ? 'No awarded contract has outcomes with targets yet'
    : `${plural(sv.committed, 'outcome')} with ${sv.committed === 1 ? 'a target' : 'targets'}, in ${plural(sv.contracts, 'awarded contract')}`;

const deliveredWords = (sv: SocialValueFigures): string =>
  sv.committed === 0
    ? 'Nothing to measure yet'
    : `${sv.met} met, ${sv.onTrack} on track, ${sv.short} behind or missed, ${sv.unknown} with nothing recorded yet`;

/** `report`: a short summary of the records the person sees, and the way to the dashboard. */
export function reportCard(
  figures: ReportFigures,
  isProcurementLead: boolean,
  place: DashboardPlace,
): AdaptiveCard {
  const where =
    place === undefined
      ? 'The Dashboard tab of this app has the charts, tables and exports.'
      : 'teamsLink' in place
        ? 'The Dashboard tab has the charts, tables and exports to Excel.'
        : `Outside Teams, the dashboard opens in your browser at ${place.browserUrl}`;
  return infoCard({
    title: 'Report',
    intro: isProcurementLead
      ? 'Every record of your organisation (you are a procurement lead).'
      : 'Your records and those shared with you.',
    facts: [
      { title: STATUS_WORDS.draft, value: plural(figures.byStatus.draft, 'record') },
      { title: STATUS_WORDS.complete, value: plural(figures.byStatus.complete, 'record') },
      { title: STATUS_WORDS.awarded, value: plural(figures.byStatus.awarded, 'record') },
      { title: STATUS_WORDS.closed, value: plural(figures.byStatus.closed, 'record') },
      {
        title: 'Overdue',
        value: plural(figures.overdue, 'stage or assessment', 'stages or assessments'),
      },
      {
        title: `Due in the next ${DUE_WITHIN_DAYS} days`,
        value: plural(figures.dueSoon, 'stage or assessment', 'stages or assessments'),
      },
      { title: 'Social value committed', value: committedWords(figures.socialValue) },
      { title: 'Delivered to date', value: deliveredWords(figures.socialValue) },
    ],
    sections: [{ heading: 'More', lines: [{ text: where }] }],
    actions:
      place === undefined
        ? []
        : [
            linkButton(
              'Open the dashboard',
              'teamsLink' in place ? place.teamsLink : place.browserUrl,
            ),
          ],
  });
}

/**
 * A link to one view of the dashboard: in Teams the tab's deep link with the view as its
 * sub-page (the page reads it from the Teams context), in a browser the page's `view` parameter.
 */
export function dashboardViewLink(place: DashboardPlace, view: string): string | undefined {
  if (place === undefined) return undefined;
  if ('teamsLink' in place)
    return `${place.teamsLink}?context=${encodeURIComponent(JSON.stringify({ subEntityId: view }))}`;
  return `${place.browserUrl}?view=${encodeURIComponent(view)}`;
}
