/**
 * The Teams app manifest, built from the packaging settings and typed against the manifest
 * version's own interface from @microsoft/app-manifest; packaging then checks it against that
 * version's bundled JSON schema. To move to a newer manifest version, change MANIFEST_VERSION
 * and the type below together.
 */
import type { TeamsManifestV1D22 } from '@microsoft/app-manifest';
import type { PolicyPack } from '../core/policy/index.js';
import { schemaUrl } from './check.js';
import { commandLists } from './command-lists.js';
import type { PackageSettings } from './settings.js';

export type TeamsManifest = TeamsManifestV1D22.TeamsManifestV1D22;

/** The newest manifest version the Microsoft Teams documentation names as current. */
export const MANIFEST_VERSION = '1.22' satisfies TeamsManifest['manifestVersion'];

/** The icon files' names inside the package. */
export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

/**
 * The store's descriptions, from the policy pack the bot runs under: its name and its
 * supplier tiers, so that no force's words are written here.
 */
export function descriptions(pack: PolicyPack): { short: string; full: string } {
  const tiers = pack.supplierStatus.tiers.map((tier) => tier.label);
  const tierList = `${tiers.slice(0, -1).join(', ')} or ${tiers.at(-1) ?? ''}`;
  return {
    short: 'Applies your social value policy to police commissioning, with records',
    full: [
      `Helps the people who commission goods, services and works apply the ${pack.name} from the start of every commissioning exercise.`,
      'Type new to start one. The bot asks the pre-commissioning questions, then says whether the policy and the Public Services (Social Value) Act 2012 apply, which procurement threshold is in force, what social value weighting to use and which themes and measures fit, quoting the paragraph of the policy behind each line.',
      `Each exercise is kept as a record, with a reference such as SV-2026-0042, that you can open again, share with a colleague and follow through its procurement stages. The bot reminds you when a review stage falls due, and at contract review you rate the supplier ${tierList}.`,
      "A record is seen only by its owner, the colleagues it is shared with and your organisation's procurement leads. Type help to see every command.",
    ].join('\n\n'),
  };
}

/** The Dashboard tab's page, on the bot's own host. */
export const dashboardUrl = (settings: Pick<PackageSettings, 'BOT_HOST'>): string =>
  `https://${settings.BOT_HOST}/dashboard`;

/**
 * The Application ID URI Teams asks a sign-in token for: the bot's SSO_APP_ID_URI setting
 * must be the same.
 */
export const ssoResource = (settings: Pick<PackageSettings, 'BOT_HOST' | 'SSO_APP_ID'>): string =>
  `api://${settings.BOT_HOST}/${settings.SSO_APP_ID}`;

/** The manifest for these settings and this app version (package.json's). */
export function buildManifest(
  settings: PackageSettings,
  version: string,
  pack: PolicyPack,
): TeamsManifest {
  return {
    $schema: schemaUrl(MANIFEST_VERSION),
    manifestVersion: MANIFEST_VERSION,
    version,
    id: settings.TEAMS_APP_ID,
    localizationInfo: { defaultLanguageTag: 'en-gb' },
    developer: {
      name: settings.TEAMS_APP_DEVELOPER_NAME,
      websiteUrl: settings.TEAMS_APP_WEBSITE_URL,
      privacyUrl: settings.TEAMS_APP_PRIVACY_URL,
      termsOfUseUrl: settings.TEAMS_APP_TERMS_URL,
    },
    name: { short: settings.TEAMS_APP_SHORT_NAME, full: settings.TEAMS_APP_FULL_NAME },
    description: descriptions(pack),
    icons: { color: ICON_FILES.color, outline: ICON_FILES.outline },
    accentColor: settings.TEAMS_APP_ACCENT_COLOR,
    bots: [
      {
        botId: settings.MicrosoftAppId,
        scopes: ['personal', 'team', 'groupChat'],
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists: commandLists(),
      },
    ],
    staticTabs: [
      {
        entityId: 'dashboard',
        name: 'Dashboard',
        contentUrl: dashboardUrl(settings),
        scopes: ['personal'],
      },
    ],
    webApplicationInfo: { id: settings.SSO_APP_ID, resource: ssoResource(settings) },
    defaultInstallScope: 'personal',
    validDomains: [settings.BOT_HOST],
  };
}
