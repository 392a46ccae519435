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
