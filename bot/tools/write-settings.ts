/** Writes the settings table into README.md between its markers: `npm run settings`. */
import { readFile, writeFile } from 'node:fs/promises';
import { SETTINGS_MARKERS, settingsTable } from '../settings-table.js';

const readme = await readFile('README.md', 'utf8');
const start = readme.indexOf(SETTINGS_MARKERS.start);
const end = readme.indexOf(SETTINGS_MARKERS.end);
if (start === -1 || end === -1 || end < start) {
  process.stderr.write(
    `README.md needs the markers ${SETTINGS_MARKERS.start} and ${SETTINGS_MARKERS.end}\n`,
  );
  process.exit(1);
}
const table = `${SETTINGS_MARKERS.start}\n${settingsTable()}\n`;
await writeFile('README.md', `${readme.slice(0, start)}${table}${readme.slice(end)}`);
