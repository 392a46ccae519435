/**
 * The bot's text commands as officers see them: on the welcome and help cards and in the
 * Teams app manifest. The bot routes the same names (a test holds the two together).
 */
export const COMMANDS = [
  { name: 'new', usage: 'new', description: 'Start a commissioning exercise' },
  { name: 'list', usage: 'list', description: 'Show my commissioning records' },
  { name: 'open', usage: 'open SV-2026-0042', description: 'Open a record by its reference' },
  {
    name: 'thresholds',
    usage: 'thresholds services 250k',
    description: 'Threshold guidance for a category and value, without starting a record',
  },
  {
    name: 'stages',
    usage: 'stages SV-2026-0042',
    description: 'A record’s procurement stages: the award, due dates, marking a stage done',
  },
  { name: 'due', usage: 'due', description: 'My stages due in the next 30 days' },
  {
    name: 'rate',
    usage: 'rate SV-2026-0042',
    description: 'Rate the supplier at contract review: Gold, Silver, Bronze or No Award',
  },
  { name: 'suppliers', usage: 'suppliers', description: 'Suppliers with their current tier' },
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
    description: 'The five social value themes and their measures',
  },
  {
    name: 'policy',
    usage: 'policy',
    description: 'The policy in force, its version and review date',
  },
  { name: 'help', usage: 'help', description: 'What I can do' },
] as const;

export type CommandName = (typeof COMMANDS)[number]['name'];
