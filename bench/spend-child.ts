/** One spend import, measured in a process of its own (see bench/spend.ts): prints its figures as JSON. */
import { collector, importOnce } from './spend.js';

const [folder, rows] = process.argv.slice(2);
if (folder === undefined || rows === undefined)
  throw new Error('usage: spend-child.ts FOLDER ROWS');
const figures = await importOnce(folder, Number(rows), collector());
process.stdout.write(`${JSON.stringify(figures)}\n`);
