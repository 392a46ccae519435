/**
 * The dashboard page's own words (its buttons, labels and messages), kept here with every
 * other word an officer reads; the page's script imports them. Pure data: the browser bundle
 * takes this file alone.
 */
export const PAGE_WORDS = {
  title: 'Social value dashboard',
  signingIn: 'Signing you in…',
  localSignInTitle: 'Local sign-in',
  localSignInIntro:
    'This copy of the bot runs on this computer, outside Teams. Choose who to see the dashboard as.',
  localSignInNone:
    'No one is in the local data yet. Start a record in the Agents Playground, then reload this page.',
  localLead: 'a procurement lead: sees every record of the organisation',
  localOfficer: 'sees their own records and those shared with them',
  notInTeams:
    'Open the dashboard from its tab in Microsoft Teams: the page signs you in through Teams.',
  signedInAs: 'Signed in as',
  views: 'Views',
  filters: 'Filters',
  from: 'Started from',
  to: 'Started until',
  status: 'Status',
  theme: 'Theme',
  owner: 'Owner',
  record: 'Contract',
  any: 'Any',
  apply: 'Apply filters',
  clear: 'Clear filters',
  downloadCsv: 'Download this view (CSV)',
  downloadXlsx: 'Download this view (Excel)',
  downloadAll: 'Download all my records (Excel)',
  downloading: 'Preparing the file…',
  print: 'Print',
  loading: 'Loading…',
  chartAlt: (title: string) => `Bar chart: ${title}. The same figures are in the table beside it.`,
  figures: 'Figures',
  page: (page: number, pages: number, total: number) =>
    `Page ${page} of ${pages} (${total} ${total === 1 ? 'row' : 'rows'})`,
  previous: 'Previous page',
  next: 'Next page',
  empty: 'Nothing to show for these filters.',
  failed: 'The dashboard could not load. Try again in a moment.',
  generated: (date: string) => `Figures as of ${date}.`,
  showing: (filters: string[]) =>
    filters.length === 0 ? 'Showing every record.' : `Showing records with ${filters.join('; ')}.`,
  scopeLead: 'You are a procurement lead: these figures cover every record of your organisation.',
  scopeOfficer: 'These figures cover your records and those shared with you.',
} as const;
