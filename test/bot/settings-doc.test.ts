import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { configSchema } from '../../bot/config.js';
import { SETTINGS_MARKERS, settingsTable } from '../../bot/settings-table.js';

describe('the README settings table', () => {
  it('is the one the configuration schema makes (run npm run settings after changing bot/config.ts)', async () => {
    const readme = await readFile('README.md', 'utf8');
    const start = readme.indexOf(SETTINGS_MARKERS.start);
    const end = readme.indexOf(SETTINGS_MARKERS.end);
    assert.ok(start !== -1 && end > start, 'README.md has the settings markers');
    const inReadme = readme.slice(start + SETTINGS_MARKERS.start.length, end).trim();
    assert.equal(inReadme, settingsTable());
  });

  it('names every setting, each with a description', () => {
    const table = settingsTable();
    for (const [name, schema] of Object.entries(configSchema.shape)) {
      assert.ok(table.includes(`| \`${name}\` |`), `${name} is in the table`);
      assert.ok((schema.description ?? '').length > 10, `${name} says what it does`);
    }
  });
});
