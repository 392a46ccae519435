/**
 * Remakes the app's icons from their drawing in icons.ts:
 *   npx tsx manifest/make-icons.ts
 * writes manifest/color.png (192x192) and manifest/outline.png (32x32), then checks them with
 * the same icon rules as packaging.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { checkIcons } from './check.js';
import { drawColorIcon, drawOutlineIcon, pngOf } from './icons.js';

const color = pngOf(drawColorIcon());
const outline = pngOf(drawOutlineIcon());
const problems = checkIcons({ color, outline });
if (problems.length > 0) {
  for (const problem of problems) console.error(`${problem.where} ${problem.message}`);
  process.exit(1);
}
await writeFile(fileURLToPath(new URL('color.png', import.meta.url)), color);
await writeFile(fileURLToPath(new URL('outline.png', import.meta.url)), outline);
console.log('Wrote manifest/color.png (192x192) and manifest/outline.png (32x32).');
