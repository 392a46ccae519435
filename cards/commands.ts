/**
 * `showsRecords`: the answer shows records (titles, stages, supplier tiers), so in a channel
 * or group chat it goes to the person's one-to-one chat instead.
 *
 * The bot's text commands as officers see them: on the welcome and help cards and in the
 * Teams app manifest. The bot routes the same names (a test holds the two together).
 */
export const COMMANDS = [
  { name: 'new', showsRecords: true, usage: 'new', description: 'Start a commissioning exercise' },
  { name: 'list', showsRecords: true, usage: 'list', description: 'Show my commissioning records' },
  {
    name: 'open',
    showsRecords: true,
    usage: 'open SV-2026-0042',
    description: 'Open a record by its reference',
  },
  {
    name: 'discard',
    showsRecords: true,
    usage: 'discard SV-2026-0042',
    description: 'Discard an unfinished draft of mine, after confirming',
  },
  {
    name: 'thresholds',
    usage: 'thresholds services 250k',
    description: 'Threshold guidance for a category and value, without starting a record',
  },
  {
    name: 'stages',
    showsRecords: true,
    usage: 'stages SV-2026-0042',
    description: 'A record’s procurement stages: the award, due dates, marking a stage done',
  },
  {
    name: 'due',
    showsRecords: true,
    usage: 'due',
    description: 'My stages and performance assessments due in the next 30 days',
  },
  {
    name: 'rate',
    showsRecords: true,
    usage: 'rate SV-2026-0042',
    description: 'Rate the supplier at contract review, against the supplier status tiers',
  },
  {
    name: 'kpis',
    showsRecords: true,
    usage: 'kpis SV-2026-0042',
    description: 'A contract’s KPIs (Procurement Act) and its contract details notice',
  },
  {
    name: 'progress',
    showsRecords: true,
    usage: 'progress SV-2026-0042',
    description: 'Social value delivered against each target, recording delivery and corrections',
  },
  {
    name: 'performance',
    showsRecords: true,
    usage: 'performance SV-2026-0042',
    description: 'Assess the supplier’s performance against the KPIs, and the notices to publish',
  },
  {
    name: 'suppliers',
    showsRecords: true,
    usage: 'suppliers',
    description: 'Suppliers with their current tier',
  },
  {
    name: 'report',
    showsRecords: true,
    usage: 'report',
    description: 'Counts of records and overdue stages, and a button to the Dashboard tab',
  },
  {
    name: 'spend',
    showsRecords: true,
    usage: 'spend',
    description:
      'For procurement leads: spend by business size and locality against the baseline, and suppliers to fill in',
  },
  {
    name: 'reminders',
    usage: 'reminders off',
    description: 'Pause reminders (reminders on resumes them)',
  },
  {
    name: 'share',
    usage: 'share SV-2026-0042 @colleague',
    description: 'Let a colleague see and work on one of your records',
  },
  {
    name: 'themes',
    usage: 'themes',
    description: 'The social value themes and their measures',
  },
  {
    name: 'policy',
    usage: 'policy',
    description: 'The policy in force, its version and review date',
  },
  { name: 'help', usage: 'help', description: 'What I can do' },
] as const;

export type CommandName = (typeof COMMANDS)[number]['name'];
