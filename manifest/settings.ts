/**
 * Every setting packaging reads, from the environment, checked once: the names are the
 * environment variables. Nothing a force must choose for itself (ids, publisher, addresses)
 * has a default, so a package can never ship with someone else's.
 */
import { z } from 'zod';
import { ICON_BACKGROUND } from './icons.js';

/** A blank value (`TEAMS_APP_SHORT_NAME=` in an env file) means unset. */
const blankIsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const NIL_GUID = /^0{8}-0{4}-0{4}-0{4}-0{12}$/;

const guid = (what: string) =>
  z.preprocess(
    blankIsUnset,
    z
      .string({ error: `is required: ${what}` })
      .trim()
      .regex(GUID, `must be a GUID like 6f1d2c3b-8a4e-4d5f-9b7a-2c1e0f3d4a5b: ${what}`)
      .refine((id) => !NIL_GUID.test(id), `is the all-zero GUID, a placeholder: ${what}`),
  );

const text = (max: number, fallback: string | { required: string }) => {
  const checked = z.string().trim().max(max, `must be at most ${max} characters (a Teams limit)`);
  return z.preprocess(
    blankIsUnset,
    typeof fallback === 'string'
      ? z.string().default(fallback).pipe(checked)
      : z.string({ error: `is required: ${fallback.required}` }).pipe(checked),
  );
};

/** Hosts that are never a force's own: documentation placeholders and this machine. */
const PLACEHOLDER_HOST = /(^|\.)(example\.(com|org|net)|localhost|invalid|test|local)$/i;

const httpsUrl = (what: string) =>
  z.preprocess(
    blankIsUnset,
    z
      .string({ error: `is required: ${what}, an https address` })
      .trim()
      .max(2048, 'must be at most 2048 characters (a Teams limit)')
      .superRefine((value, ctx) => {
        let url: URL;
        try {
          url = new URL(value);
        } catch {
          ctx.addIssue({ code: 'custom', message: `must be a web address (https://...): ${what}` });
          return;
        }
        if (url.protocol !== 'https:') {
          ctx.addIssue({
            code: 'custom',
            message: `must be an https address (https://...): ${what}`,
          });
        } else if (PLACEHOLDER_HOST.test(url.hostname)) {
          ctx.addIssue({
            code: 'custom',
            message: `is a placeholder address: give the real page for ${what}`,
          });
        }
      }),
  );

/** A host name alone (no https://, no path), as Teams' validDomains and tab addresses take it. */
const HOST_NAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;

const hostName = (what: string) =>
  z.preprocess(
    blankIsUnset,
    z
      .string({ error: `is required: ${what}` })
      .trim()
      .toLowerCase()
      .regex(HOST_NAME, `must be a host name alone, like sv-bot.azurewebsites.net: ${what}`)
      .refine((host) => !PLACEHOLDER_HOST.test(host), `is a placeholder address: give ${what}`),
  );

const path = (fallback: string) =>
  z.preprocess(blankIsUnset, z.string().trim().min(1).default(fallback));

/** The app's own icons, relative to the project folder. */
export const DEFAULT_ICONS = { color: 'manifest/color.png', outline: 'manifest/outline.png' };

export const DEFAULT_SHORT_NAME = 'Social Value';
export const DEFAULT_FULL_NAME = 'Social value commissioning assistant';

/** The packaging settings: environment variable names and what each must be. */
export const packageSettingsSchema = z.object({
  MicrosoftAppId: guid(
    "the bot's Microsoft App ID (the app (client) ID of its Entra app registration, as in the Azure Bot resource)",
  ),
  TEAMS_APP_ID: guid(
    'the Teams app id, made once and kept for every version so that Teams sees an update, not a new app',
  ),
  BOT_HOST: hostName(
    "the bot's host name, like sv-bot.azurewebsites.net: the Dashboard tab is served there",
  ),
  SSO_APP_ID: guid(
    'the app (client) ID of the app registration the Dashboard tab signs in through, whose Application ID URI is api://BOT_HOST/SSO_APP_ID',
  ),
  TEAMS_APP_SHORT_NAME: text(30, DEFAULT_SHORT_NAME),
  TEAMS_APP_FULL_NAME: text(100, DEFAULT_FULL_NAME),
  TEAMS_APP_DEVELOPER_NAME: text(32, {
    required: 'the publisher Teams shows for the app, such as your force (at most 32 characters)',
  }),
  TEAMS_APP_WEBSITE_URL: httpsUrl("the publisher's website or the app's support page"),
  TEAMS_APP_PRIVACY_URL: httpsUrl("the app's privacy notice"),
  TEAMS_APP_TERMS_URL: httpsUrl("the app's terms of use"),
  TEAMS_APP_ACCENT_COLOR: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1F4E79')
      .default(ICON_BACKGROUND),
  ),
  TEAMS_APP_COLOR_ICON: path(DEFAULT_ICONS.color),
  TEAMS_APP_OUTLINE_ICON: path(DEFAULT_ICONS.outline),
  /** The force's pack, as the bot runs under it: the store's descriptions name its policy. */
  POLICY_PACK_FILE: z.preprocess(blankIsUnset, z.string().trim().min(1).optional()),
});

export type PackageSettings = z.infer<typeof packageSettingsSchema>;

/** The setting names, for the usage text and the README. */
export const SETTING_NAMES = Object.keys(packageSettingsSchema.shape) as (keyof PackageSettings)[];

export type SettingsResult =
  | { ok: true; settings: PackageSettings }
  | { ok: false; problems: { where: string; message: string }[] };

/** Reads the packaging settings from an environment, naming every bad setting at once. */
export function readPackageSettings(env: Record<string, string | undefined>): SettingsResult {
  const parsed = packageSettingsSchema.safeParse(env);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      where: issue.path.map(String).join('.') || '(environment)',
      message: issue.message,
    })),
  };
}
