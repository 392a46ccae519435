import { isIPv4 } from 'node:net';
import { z } from 'zod';
import { isIsoDate } from '../core/common/dates.js';

const list = z
  .string()
  .optional()
  .transform((text) =>
    (text ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  );

/** A blank value (`PORT=` in an env file) means unset: the default, not port 0. */
const port = (fallback: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a whole port number')
      .min(0, 'must be a port number from 0 to 65535')
      .max(65_535, 'must be a port number from 0 to 65535')
      .default(fallback),
  );

/** `true` or `false` (blank: false); anything else is a mistake worth naming. */
const flag = z
  .preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    z.enum(['true', 'false', ''], { error: 'must be true or false' }).optional(),
  )
  .transform((value) => value === 'true');

/** Only this machine can reach an address on the loopback network. */
export function isLoopback(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (name === 'localhost' || name === '::1') return true;
  return isIPv4(name) && name.startsWith('127.');
}

/** An address with no slash at its end, so that paths can be added after one. */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end -= 1;
  return url.slice(0, end);
}

const optionalText = z
  .string()
  .optional()
  .transform((text) => (text === undefined || text.trim() === '' ? undefined : text.trim()));

/**
 * Every setting the bot reads, from the environment, checked once at start-up. The names
 * are the environment variables; the README's settings table is made from this schema.
 */
export const configSchema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'test', 'production'])
      .default('development')
      .describe(
        '`production` requires Bot Framework credentials and COSMOS_ENDPOINT, and never starts the embedded database or the Playground',
      ),
    HOST: z
      .string()
      .trim()
      .min(1, 'must be an address to listen on, such as 127.0.0.1 or 0.0.0.0')
      .default('127.0.0.1')
      .describe('The address to listen on: 0.0.0.0 on App Service'),
    PORT: port(3978).describe('The port to listen on (App Service gives it)'),
    MicrosoftAppId: optionalText.describe(
      "The bot's Microsoft app id (for a user-assigned managed identity, its client id); when set, every request must carry a valid Bot Framework token",
    ),
    MicrosoftAppPassword: optionalText.describe(
      "The app's client secret, for MultiTenant or SingleTenant apps (not with UserAssignedMSI)",
    ),
    ALLOW_UNAUTHENTICATED_REMOTE: flag.describe(
      'With no MicrosoftAppId, lets the bot listen on an address other machines can reach, where any caller can claim any identity: for a closed test network only',
    ),
    MicrosoftAppType: z
      .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
      .default('MultiTenant')
      .describe('How the bot authenticates to the Bot Framework'),
    MicrosoftAppTenantId: optionalText.describe(
      'The Entra tenant of the app, for SingleTenant and UserAssignedMSI',
    ),
    ALLOWED_TENANT_IDS: list.describe(
      'Comma-separated tenant ids served; others get a polite refusal and nothing is stored (empty: all)',
    ),
    PROCUREMENT_LEAD_IDS: list.describe(
      'Comma-separated Entra object ids of procurement leads, who see and change every record of their tenant',
    ),
    COSMOS_ENDPOINT: z
      .url({
        error: 'must be the Cosmos DB account URL, like https://NAME.documents.azure.com:443/',
      })
      .optional()
      .describe(
        'The Cosmos DB account URL; unset outside production, the bot runs an embedded Cosmos-protocol server',
      ),
    COSMOS_KEY: optionalText.describe(
      'A Cosmos DB key; unset, the bot signs in with its managed identity (@azure/identity)',
    ),
    COSMOS_DATABASE: z
      .string()
      .trim()
      .min(1)
      .default('social-value')
      .describe('The Cosmos DB database'),
    AZURE_CLIENT_ID: optionalText.describe(
      'The client id of the user-assigned managed identity used for Cosmos DB (read by @azure/identity)',
    ),
    APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText.describe(
      'Sends telemetry and logs to Application Insights when set',
    ),
    LOCAL_DATA_FILE: z
      .string()
      .trim()
      .min(1)
      .default('.data/local-cosmos.json')
      .describe('Where the embedded database keeps its data between runs (local only)'),
    PLAYGROUND_PORT: port(56150).describe(
      'The Agents Playground port for `npm start` (local only)',
    ),
    REMINDER_SWEEP_MINUTES: z
      .preprocess(
        (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
        z.coerce
          .number({ error: 'must be a number of minutes' })
          .min(0, 'must be 0 (off) or more minutes')
          .max(1_440, 'must be at most 1440 minutes (a day)')
          .default(15),
      )
      .describe(
        'Minutes between reminder sweeps in each instance; 0 leaves sweeping to an external scheduler',
      ),
    POLICY_REVIEW_DUE: z
      .preprocess(
        (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
        z.string().trim().refine(isIsoDate, 'must be a real date written YYYY-MM-DD').optional(),
      )
      .describe(
        "The date the force's annual review of the policy is due (YYYY-MM-DD); it overrides the reviewDue of the pack's latest version (earlier versions keep theirs); with neither, the bot says the review date is not recorded",
      ),
    POLICY_PACK_FILE: optionalText.describe(
      "A force's own policy pack, a JSON file (`npm run pack -- export` makes a starting point), checked at start-up; unset (and no POLICY_PACK_DIR), the built-in pack",
    ),
    POLICY_PACK_DIR: optionalText.describe(
      "A folder of policy packs, each `.json` file one version of a force's pack (its `inForceFrom` says the day it takes effect), checked at start-up with POLICY_PACK_FILE; a new record takes the version in force that day and keeps it",
    ),
    TENANT_PACKS: list
      .transform((pairs, ctx) => {
        const map: Record<string, string> = {};
        for (const pair of pairs) {
          const [tenant, pack, ...rest] = pair.split('=').map((part) => part.trim());
          if (!tenant || !pack || rest.length > 0) {
            ctx.addIssue({
              code: 'custom',
              message: `has "${pair}", which is not a tenant-id=pack-id pair: write each as the tenant id, "=" and the pack's id, separated by commas`,
            });
            continue;
          }
          if (map[tenant] !== undefined && map[tenant] !== pack) {
            ctx.addIssue({
              code: 'custom',
              message: `maps tenant ${tenant} twice (to ${map[tenant]} and ${pack}): a tenant works under one pack`,
            });
          }
          map[tenant] = pack;
        }
        return map;
      })
      .describe(
        'Comma-separated tenant-id=pack-id pairs: the policy pack each tenant works under, where one deployment serves several organisations; empty with a single pack loaded',
      ),
    REMINDERS_SECRET: optionalText
      .refine((secret) => secret === undefined || secret.length >= 16, {
        message: 'must be at least 16 characters',
      })
      .describe(
        'Shared secret for POST /api/reminders/run (header x-reminders-secret); unset, that route is off',
      ),
    SSO_APP_ID_URI: optionalText
      .refine((uri) => uri === undefined || uri.startsWith('api://'), {
        message:
          'must be the Application ID URI of the SSO app registration, like api://HOST/APP-ID',
      })
      .describe(
        "The Application ID URI of the app registration the dashboard tab signs in through (api://HOST/APP-ID): the audience of every Teams sign-in token; unset, the dashboard's data is refused (or, locally, served through the local sign-in)",
      ),
    SSO_AUTHORITY: z
      .url({ error: 'must be an address like https://login.microsoftonline.com' })
      .default('https://login.microsoftonline.com')
      .transform(withoutTrailingSlashes)
      .describe(
        "Where a tenant's signing keys ({authority}/{tenant}/discovery/v2.0/keys) and v2 token issuer ({authority}/{tenant}/v2.0) are: Entra's, unless a test gives its own",
      ),
    SSO_V1_ISSUER: z
      .url({ error: 'must be an address like https://sts.windows.net' })
      .default('https://sts.windows.net')
      .transform(withoutTrailingSlashes)
      .describe("The base of Entra's v1 token issuer ({base}/{tenant}/), also accepted"),
    LOCAL_SIGN_IN: z
      .preprocess(
        (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
        z.enum(['true', 'false', ''], { error: 'must be true or false' }).optional(),
      )
      .transform((value) => (value === 'true' ? true : value === 'false' ? false : undefined))
      .describe(
        "The dashboard's local sign-in (choose a person, no Teams): unset, on outside production when SSO_APP_ID_URI is unset and the bot listens on a loopback address; never allowed in production",
      ),
    TEAMS_APP_ID: optionalText.describe(
      "The Teams app's id (the manifest's id), for the `report` card's button that opens the Dashboard tab; unset, the card says where the dashboard is served",
    ),
  })
  .superRefine(
    (config, ctx) => {
      // Without credentials nothing authenticates a request: the sender names their own
      // tenant and user, so only this machine may be let in, unless said otherwise.
      if (
        config.MicrosoftAppId === undefined &&
        !isLoopback(config.HOST) &&
        !config.ALLOW_UNAUTHENTICATED_REMOTE
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['HOST'],
          message: `is ${config.HOST}, which other machines can reach, but with no MicrosoftAppId any caller could claim to be anyone: set MicrosoftAppId, listen on 127.0.0.1, or set ALLOW_UNAUTHENTICATED_REMOTE=true on a closed test network`,
        });
      }
      if (config.LOCAL_SIGN_IN === true && !isLoopback(config.HOST)) {
        ctx.addIssue({
          code: 'custom',
          path: ['LOCAL_SIGN_IN'],
          message: `is on, but the bot listens on ${config.HOST}, which other machines can reach: the local sign-in lets anyone choose who they are, so it runs on a loopback address only`,
        });
      }
      if (config.NODE_ENV === 'production' && config.LOCAL_SIGN_IN === true) {
        ctx.addIssue({
          code: 'custom',
          path: ['LOCAL_SIGN_IN'],
          message:
            'must not be on in production: there, people sign in to the dashboard through Teams (set SSO_APP_ID_URI)',
        });
      }
      if (config.NODE_ENV !== 'production') return;
      if (config.MicrosoftAppId === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['MicrosoftAppId'],
          message: 'is required in production: the bot must authenticate Bot Framework requests',
        });
      }
      if (
        config.MicrosoftAppType !== 'UserAssignedMSI' &&
        config.MicrosoftAppPassword === undefined
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['MicrosoftAppPassword'],
          message: 'is required in production unless MicrosoftAppType is UserAssignedMSI',
        });
      }
      if (config.MicrosoftAppType !== 'MultiTenant' && config.MicrosoftAppTenantId === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['MicrosoftAppTenantId'],
          message: `is required when MicrosoftAppType is ${config.MicrosoftAppType}`,
        });
      }
      if (config.COSMOS_ENDPOINT === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['COSMOS_ENDPOINT'],
          message: 'is required in production: the embedded local database never runs there',
        });
      }
      // Run even when another setting is bad, so that one start-up names every problem.
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: { setting: string; message: string }[]) {
    super(
      `The bot cannot start: fix these settings.\n${problems.map((p) => `  ${p.setting} ${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Reads the configuration from an environment, or throws a ConfigError naming each bad setting. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => ({
      setting: issue.path.map(String).join('.') || '(environment)',
      message: issue.message,
    })),
  );
}

/** Credentials are set: requests must carry a valid Bot Framework token. */
export const authenticates = (config: Config): boolean => config.MicrosoftAppId !== undefined;

/** The dashboard's local sign-in is on: outside production, on this machine, with no Teams sign-in set. */
export const localSignIn = (config: Config): boolean =>
  config.NODE_ENV !== 'production' &&
  isLoopback(config.HOST) &&
  (config.LOCAL_SIGN_IN ?? config.SSO_APP_ID_URI === undefined);
