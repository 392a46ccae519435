import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { type App, startApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { type Playground, startPlayground } from '../../bot/local/playground.js';
import { silentLogger } from '../../bot/log.js';

/**
 * What the browser tests share: headless Chromium as ENVIRONMENT.md describes it, and the
 * Agents Playground's chat as an officer uses it (the selectors that held there).
 */

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Longest wait for any one thing to appear on the page. */
export const STEP_TIMEOUT_MS = 20_000;

/** Chromium with a fresh profile in `profileDir` (nothing leaks in from another session), and its page. */
export async function launchBrowser(
  profileDir: string,
): Promise<{ browser: BrowserContext; page: Page }> {
  const browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    timeout: STEP_TIMEOUT_MS,
    viewport: { width: 1280, height: 1000 },
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    return { browser, page };
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}

/** Everything a browser test runs: the bot, the Playground pointed at it, and Chromium. */
export interface Stack {
  app: App;
  playground: Playground;
  browser: BrowserContext;
  page: Page;
  /** Closes all of it (also what was started before a failure) and removes the work folder. */
  stop(): Promise<void>;
}

/**
 * Starts the bot in-process on the embedded database with these settings and clock, the
 * Playground pointed at it, and Chromium, in a fresh work folder.
 */
export async function startStack(
  name: string,
  settings: Record<string, string>,
  clock: () => Date,
): Promise<Stack> {
  const workDir = await mkdtemp(join(tmpdir(), `sv-e2e-${name}-`));
  let app: App | undefined;
  let playground: Playground | undefined;
  let browser: BrowserContext | undefined;
  const stop = async () => {
    await browser?.close().catch(() => {});
    await playground?.stop();
    await app?.close();
    await rm(workDir, { recursive: true, force: true });
  };
  try {
    app = await startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', ...settings }), {
      logger: silentLogger,
      clock,
    });
    playground = await startPlayground({
      appEndpoint: `${app.url}/api/messages`,
      port: 0,
      logFile: join(workDir, 'playground.log'),
    });
    const launched = await launchBrowser(join(workDir, 'chromium'));
    browser = launched.browser;
    return { app, playground, browser, page: launched.page, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Saves a screenshot of the page to the temporary directory and says where; never throws. */
export async function screenshotOnFailure(page: Page | undefined, name: string): Promise<void> {
  if (!page) return;
  const file = join(tmpdir(), `sv-e2e-${name}-failure-${Date.now()}.png`);
  try {
    await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
    console.error(`    screenshot of the page when the test failed: ${file}`);
  } catch (error) {
    console.error(`    no screenshot: ${error instanceof Error ? error.message : error}`);
  }
}

/** Opens the chat and waits for it (the page asks a CDN for fonts, which may never answer offline). */
export async function openChat(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.getByText('Social value commissioning assistant').first().waitFor();
}

/** Every card in the chat. */
export const cards = (page: Page): Locator => page.locator('.fai-OutputCard .ac-adaptiveCard');

/** The newest card in the chat (a card moved on by its buttons stays where it is). */
export const lastCard = (page: Page): Locator => cards(page).last();

/** Types a message and sends it, then waits for the bot to answer with a new message. */
export async function send(page: Page, text: string): Promise<void> {
  const before = await page.locator('.fai-OutputCard').count();
  await page.locator('[role="textbox"][contenteditable="true"]').fill(text);
  await page.locator('button[aria-label="Send Message"]').click();
  await page.locator('.fai-OutputCard').nth(before).waitFor();
}

export async function heading(card: Locator, name: string): Promise<void> {
  await card.getByRole('heading', { name }).waitFor();
}

/**
 * Presses a card's button and waits for the bot's answer to its Action.Execute; the card is
 * then replaced in place, so the caller waits for what the new one shows.
 */
export async function press(card: Locator, name: string): Promise<void> {
  const answered = card
    .page()
    .waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        new URL(response.url()).pathname === '/_conversation/v1/invoke',
    );
  await card.getByRole('button', { name, exact: true }).click();
  const response = await answered;
  assert.equal(response.status(), 200, 'the bot answered the card');
}

export function radio(card: Locator, question: string, answer: string): Locator {
  return card
    .getByRole('radiogroup', { name: question })
    .getByRole('radio', { name: answer, exact: true });
}

export async function choose(card: Locator, question: string, answer: string): Promise<void> {
  await radio(card, question, answer).check();
}

/** Types a date into an Input.Date (a date picker) and closes the calendar it opens. */
export async function fillDate(card: Locator, label: string, isoDate: string): Promise<void> {
  const field = card.getByRole('combobox', { name: label });
  await field.fill(isoDate);
  await field.press('Enter');
  await card.page().keyboard.press('Escape');
}

/**
 * Runs axe-core on the page as it stands and fails on any serious or critical finding, naming
 * where it was. Evaluated through the browser's debugger protocol: the dashboard's own CSP
 * allows no inline script.
 */
export async function expectNoSeriousAxeFindings(page: Page, where: string): Promise<void> {
  const axe = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axe);
  const found = await page.evaluate(async () => {
    const result = await (
      globalThis as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
  });
  const serious = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `${where}: ${JSON.stringify(serious)}`);
}
