/**
 * The Teams app manifest, built from the packaging settings and typed against the manifest
 * version's own interface from @microsoft/app-manifest; packaging then checks it against that
 * version's bundled JSON schema. To move to a newer manifest version, change MANIFEST_VERSION
 * and the type below together.
 */
import type { TeamsManifestV1D22 } from '@microsoft/app-manifest';
import { schemaUrl } from './check.js';
import { commandLists } from './command-lists.js';
import type { PackageSettings } from './settings.js';

export type TeamsManifest = TeamsManifestV1D22.TeamsManifestV1D22;

/** The newest manifest version the Microsoft Teams documentation names as current. */
export const MANIFEST_VERSION = '1.22' satisfies TeamsManifest['manifestVersion'];

/** The icon files' names inside the package. */
export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

export const SHORT_DESCRIPTION =
  'Applies the Cumbria OPCC Social Value Policy to police commissioning';

export const FULL_DESCRIPTION = [
  'Helps the people who commission goods, services and works for the Office of the Police and Crime Commissioner for Cumbria and Cumbria Constabulary apply the OPCC Social Value Policy and Modern Slavery Statement from the start of every commissioning exercise.',
  'Type new to start one. The bot asks the pre-commissioning questions, then says whether the policy and the Public Services (Social Value) Act 2012 apply, which procurement threshold is in force, what social value weighting to use and which themes and measures fit, quoting the paragraph of the policy behind each line.',
  'Each exercise is kept as a record, with a reference such as SV-2026-0042, that you can open again, share with a colleague and follow through its procurement stages. The bot reminds you when a review stage falls due, and at contract review you rate the supplier Gold, Silver, Bronze or No Award.',
  "A record is seen only by its owner, the colleagues it is shared with and your organisation's procurement leads. Type help to see every command.",
].join('\n\n');

/** The manifest for these settings and this app version (package.json's). */
export function buildManifest(settings: PackageSettings, version: string): TeamsManifest {
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
    description: { short: SHORT_DESCRIPTION, full: FULL_DESCRIPTION },
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
    defaultInstallScope: 'personal',
    validDomains: [],
  };
}
