/**
 * `npm run build`'s last step: the dashboard page's files written beside the compiled server
 * (dist/web/page), so that production serves them with no bundler installed.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundlePage, SCRIPT, STYLES } from './assets.js';

const from = fileURLToPath(new URL('./page/', import.meta.url));
const to = fileURLToPath(new URL('../dist/web/page/', import.meta.url));

await mkdir(to, { recursive: true });
await writeFile(`${to}${SCRIPT}`, await bundlePage());
await copyFile(`${from}index.html`, `${to}index.html`);
await copyFile(`${from}${STYLES}`, `${to}${STYLES}`);
process.stdout.write(`Dashboard page written to ${to}\n`);
