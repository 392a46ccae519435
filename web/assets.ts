/**
 * The dashboard page's files: the HTML, the stylesheet and one script that bundles the page
 * code with @microsoft/teams-js, every one served by the bot itself (no CDN). `npm run build`
 * writes the bundle beside the compiled server; run from source, it is bundled at start-up
 * with esbuild (a development dependency, never needed in production).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface PageAssets {
  html: string;
  files: ReadonlyMap<string, { type: string; body: string }>;
}

/** The folder of the page's files: web/page in the source tree, dist/web/page once built. */
const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));

export const SCRIPT = 'dashboard.js';
export const STYLES = 'dashboard.css';

/** Bundles the page's script: browser code, minified, with teams-js inside. */
export async function bundlePage(): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [`${PAGE_DIR}main.ts`],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error('esbuild made no bundle of the dashboard page');
  return file.text;
}

let loaded: Promise<PageAssets> | undefined;

/** The page's files, read (and bundled, from source) once a process, however many bots start. */
export function loadPageAssets(): Promise<PageAssets> {
  loaded ??= readPageAssets();
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}

async function readPageAssets(): Promise<PageAssets> {
  const built = `${PAGE_DIR}${SCRIPT}`;
  const [html, styles, script] = await Promise.all([
    readFile(`${PAGE_DIR}index.html`, 'utf8'),
    readFile(`${PAGE_DIR}${STYLES}`, 'utf8'),
    existsSync(built) ? readFile(built, 'utf8') : bundlePage(),
  ]);
  return {
    html,
    files: new Map([
      [SCRIPT, { type: 'text/javascript; charset=utf-8', body: script }],
      [STYLES, { type: 'text/css; charset=utf-8', body: styles }],
    ]),
  };
}
