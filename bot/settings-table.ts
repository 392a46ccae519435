import { configSchema } from './config.js';

/** The README's markers around the settings table, which is made from the config schema. */
export const SETTINGS_MARKERS = {
  start: '<!-- settings:start (npm run settings writes this table from bot/config.ts) -->',
  end: '<!-- settings:end -->',
} as const;

const shown = (value: unknown): string => {
  if (value === undefined) return '(unset)';
  if (Array.isArray(value)) return value.length === 0 ? '(empty)' : value.join(',');
  // A mapping (TENANT_PACKS) is written as its pairs.
  if (typeof value === 'object' && value !== null) {
    const pairs = Object.entries(value).map(([key, item]) => `${key}=${String(item)}`);
    return pairs.length === 0 ? '(empty)' : pairs.join(',');
  }
  return `\`${String(value)}\``;
};

/** Every setting, its default and what it does, as a Markdown table. */
export function settingsTable(): string {
  const rows = Object.entries(configSchema.shape).map(([name, schema]) => {
    const fallback = schema.safeParse(undefined);
    const description = (schema.description ?? '').replaceAll('|', '\\|');
    return `| \`${name}\` | ${fallback.success ? shown(fallback.data) : '(required)'} | ${description} |`;
  });
  return ['| setting | default | what it does |', '|---|---|---|', ...rows].join('\n');
}
