/**
 * `npm run walk`: the typical exercise (a £250,000 services contract, competitive, not
 * light-touch, not a key provider, two outcomes) walked over HTTP against the bot as
 * `startApp` builds it, from `new` to the summary. Prints each card's words, controls and
 * size, the totals against the goals, and a JSON line.
 */
import { startApp } from '../bot/app.js';
import { loadConfig } from '../bot/config.js';
import { silentLogger } from '../bot/log.js';
import { BotClient } from '../test/support/bot-client.js';
import { CaptureConnector } from '../test/support/connector.js';
import { freshTenant } from '../test/support/officer.js';
import { WALK_GOALS, walkFigures, walkTypical } from '../test/support/walk.js';

const connector = await CaptureConnector.start();
const app = await startApp(
  loadConfig({ NODE_ENV: 'test', PORT: '0', REMINDER_SWEEP_MINUTES: '0' }),
  { logger: silentLogger, clock: () => new Date('2026-03-02T09:30:00Z') },
);
try {
  const bot = new BotClient(app.url, connector);
  const walk = await walkTypical(bot, freshTenant('walk').owner);
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log('| card | words | controls | questions | buttons | size |');
  console.log('|---|---|---|---|---|---|');
  for (const card of walk.cards) {
    console.log(
      `| ${card.title} | ${card.words} | ${card.controls} | ${card.questions} | ${card.buttons} | ${kb(card.bytes)} |`,
    );
    for (const error of card.errors) console.log(`|   error met: ${error} |`);
  }
  const figures = walkFigures(walk);
  const mark = (value: number, goal: number) => `${value} (goal: at most ${goal})`;
  console.log('');
  console.log(`cards to the summary: ${mark(figures.cards, WALK_GOALS.cards)}`);
  console.log(`controls: ${mark(figures.controls, WALK_GOALS.controls)}`);
  console.log(
    `words before the summary: ${mark(figures.wordsBeforeSummary, WALK_GOALS.wordsBeforeSummary)}`,
  );
  console.log(`words on the summary: ${figures.summaryWords}`);
  console.log(
    `largest card: ${kb(figures.largestCardBytes)} (goal: under ${kb(WALK_GOALS.cardBytes)})`,
  );
  console.log(`errors met: ${figures.errorsMet}; reached the summary: ${figures.reachedSummary}`);
  console.log(JSON.stringify({ walk: figures }));
  if (!figures.reachedSummary) process.exitCode = 1;
} finally {
  await app.close();
  await connector.close();
}
