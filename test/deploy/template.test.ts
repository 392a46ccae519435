import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { configSchema, loadConfig } from '../../bot/config.js';
import { CONTAINERS, type ContainerName } from '../../bot/store/containers.js';
import {
  coverage,
  type IndexingPolicy,
  isIndexed,
  queriedPaths,
  stringLiterals,
} from './sql-paths.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEMPLATE_FILE = join(ROOT, 'deploy/azuredeploy.json');
const PARAMETERS_FILE = join(ROOT, 'deploy/azuredeploy.parameters.json');

/**
 * Settings of the configuration schema the template deliberately does not set, each with
 * the reason. A schema key neither set by the template nor listed here fails the test.
 */
const LEFT_OUT: Record<string, string> = {
  PORT: 'App Service gives the port in PORT itself',
  MicrosoftAppPassword: 'a UserAssignedMSI bot has no client secret',
  COSMOS_KEY:
    'the account has local (key) auth disabled: the bot signs in with its managed identity',
  LOCAL_DATA_FILE: 'the embedded database is for local runs only, never in production',
  PLAYGROUND_PORT: 'the Agents Playground is for local runs only',
  ALLOW_UNAUTHENTICATED_REMOTE: 'production always authenticates: the app id is set',
  POLICY_PACK_FILE:
    'unset, the bot runs under the built-in Cumbria pack; a force with its own pack adds the file to the zip and sets it as an app setting',
  POLICY_PACK_DIR:
    'unset, one pack; a force holding several versions (or a shared service several forces) adds the folder to the zip and sets it as an app setting',
  TENANT_PACKS:
    'unset while the deployment holds one pack; a shared service maps each tenant to its pack as an app setting',
  SSO_AUTHORITY: "Entra's own address, the default: only a test points it at a local key server",
  SSO_V1_ISSUER: "Entra's own v1 issuer, the default",
  LOCAL_SIGN_IN: 'the local sign-in never runs in production: there, people sign in through Teams',
  POLICY_REVIEW_DUE:
    'the force sets its own review date when it has one (an app setting); until then the bot says it is not recorded',
};

/** App settings the platform reads, not the bot: the only ones allowed outside the schema. */
const PLATFORM_SETTINGS: Record<string, string> = {
  SCM_DO_BUILD_DURING_DEPLOYMENT:
    'false: the zip is built and tested before deployment and holds its production node_modules',
};

/** The source files whose queries run against each container. */
const QUERY_SOURCES: Record<ContainerName, string[]> = {
  records: ['bot/store/records.ts'],
  conversations: ['bot/store/conversations.ts'],
  spend: ['bot/spend/spend-store.ts'],
};

const DATA_CONTRIBUTOR = '00000000-0000-0000-0000-000000000002';

const resourceSchema = z.looseObject({
  type: z.string(),
  apiVersion: z.string().regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/),
  name: z.string(),
  dependsOn: z.array(z.string()).optional(),
});
type Resource = z.infer<typeof resourceSchema>;

const parameterSchema = z.looseObject({
  type: z.enum(['string', 'securestring', 'int', 'bool', 'object', 'secureObject', 'array']),
  defaultValue: z.unknown().optional(),
  allowedValues: z.array(z.unknown()).optional(),
  minValue: z.number().optional(),
  maxValue: z.number().optional(),
});

const templateSchema = z.object({
  $schema: z.literal(
    'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  ),
  contentVersion: z.string().regex(/^\d+\.\d+\.\d+\.\d+$/),
  parameters: z.record(z.string(), parameterSchema),
  variables: z.record(z.string(), z.unknown()),
  resources: z.array(resourceSchema).min(1),
  outputs: z.record(z.string(), z.object({ type: z.string(), value: z.unknown() })),
});
type Template = z.infer<typeof templateSchema>;

const parametersFileSchema = z.strictObject({
  $schema: z.literal(
    'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
  ),
  contentVersion: z.string(),
  parameters: z.record(z.string(), z.strictObject({ value: z.unknown() })),
});

const readJson = async (file: string): Promise<unknown> => JSON.parse(await readFile(file, 'utf8'));

/** The value at a path of keys inside a JSON value, or undefined where the path stops. */
function at(value: unknown, ...keys: (string | number)[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function text(value: unknown, what: string): string {
  assert.equal(typeof value, 'string', `${what} must be a string, got ${JSON.stringify(value)}`);
  return String(value);
}

/** Every string in a JSON value, keys included (ARM expressions can be keys). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...strings(inner)]);
  }
  return [];
}

const isExpression = (value: string): boolean =>
  value.startsWith('[') && !value.startsWith('[[') && value.endsWith(']');

describe('deploy/azuredeploy.json', () => {
  let template: Template;
  let variables: Record<string, unknown>;

  /** The one resource of a type. */
  const only = (type: string): Resource => {
    const found = template.resources.filter((resource) => resource.type === type);
    assert.equal(found.length, 1, `expected one ${type}, found ${found.length}`);
    const [resource] = found;
    assert.ok(resource);
    return resource;
  };

  /** An expression with every `variables('x')` replaced by the variable's own expression. */
  const resolve = (value: unknown): string => {
    let expression = text(value, 'an expression');
    for (let round = 0; round < 10 && expression.includes('variables('); round += 1) {
      expression = expression.replace(/variables\('([^']+)'\)/g, (_whole, name: string) => {
        const inner = text(variables[name], `variable ${name}`);
        return isExpression(inner) ? inner.slice(1, -1) : `'${inner}'`;
      });
    }
    return expression;
  };

  /** The resource type a resourceId() expression names (after resolving variables). */
  const resourceTypeOf = (value: unknown): string | undefined =>
    /^\[resourceId\('([^']+)'/.exec(resolve(value))?.[1];

  const appSettings = (): Map<string, string> => {
    const list = z
      .array(z.object({ name: z.string(), value: z.string() }))
      .parse(at(only('Microsoft.Web/sites'), 'properties', 'siteConfig', 'appSettings'));
    const names = list.map((setting) => setting.name);
    assert.equal(new Set(names).size, names.length, `an app setting is repeated: ${names}`);
    return new Map(list.map((setting) => [setting.name, setting.value]));
  };

  before(async () => {
    template = templateSchema.parse(await readJson(TEMPLATE_FILE));
    variables = template.variables;
  });

  describe('as an ARM template', () => {
    it('has the 2019-04-01 deployment template schema, a content version and the sections', async () => {
      const raw = await readJson(TEMPLATE_FILE);
      assert.ok(typeof raw === 'object' && raw !== null);
      for (const section of ['parameters', 'variables', 'resources', 'outputs']) {
        assert.ok(section in raw, `missing ${section}`);
      }
      assert.equal(
        template.$schema,
        'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      );
    });

    it('writes every expression with balanced brackets, parentheses and quotes', () => {
      for (const value of strings(template)) {
        if (!isExpression(value)) continue;
        const body = value.slice(1, -1);
        let depth = 0;
        let quoted = false;
        for (const char of body) {
          if (char === "'") quoted = !quoted;
          else if (!quoted && char === '(') depth += 1;
          else if (!quoted && char === ')') depth -= 1;
          assert.ok(depth >= 0, `a ")" too many in ${value}`);
        }
        assert.equal(quoted, false, `an unclosed quote in ${value}`);
        assert.equal(depth, 0, `an unclosed "(" in ${value}`);
      }
    });

    it('names only declared parameters and variables, and uses every parameter', () => {
      const all = strings(template);
      const usedParameters = new Set<string>();
      for (const value of all) {
        for (const match of value.matchAll(/parameters\('([^']+)'\)/g)) {
          const name = match[1] ?? '';
          assert.ok(name in template.parameters, `${value} names an undeclared parameter ${name}`);
          usedParameters.add(name);
        }
        for (const match of value.matchAll(/variables\('([^']+)'\)/g)) {
          const name = match[1] ?? '';
          assert.ok(name in variables, `${value} names an undeclared variable ${name}`);
        }
      }
      const unused = Object.keys(template.parameters).filter((name) => !usedParameters.has(name));
      assert.deepEqual(unused, [], 'parameters declared but never used');
    });

    it('depends only on resources the template deploys', () => {
      const types = new Set(template.resources.map((resource) => resource.type));
      for (const resource of template.resources) {
        for (const dependency of resource.dependsOn ?? []) {
          const type = resourceTypeOf(dependency);
          assert.ok(type, `${resource.type} depends on ${dependency}, not a resourceId()`);
          assert.ok(types.has(type), `${resource.type} depends on a ${type} not in the template`);
        }
      }
    });

    it('keeps secrets out: secure parameters default to empty, and no key or password is written', () => {
      for (const [name, parameter] of Object.entries(template.parameters)) {
        if (parameter.type === 'securestring' || parameter.type === 'secureObject') {
          assert.ok(
            parameter.defaultValue === undefined || parameter.defaultValue === '',
            `the secure parameter ${name} has a default value`,
          );
        } else {
          assert.doesNotMatch(name, /secret|password/i, `${name} must be a securestring`);
        }
      }
      for (const value of strings(template)) {
        assert.doesNotMatch(value, /AccountKey=|InstrumentationKey=|listKeys\(|SharedAccessKey/);
      }
    });

    it('names its resources from a prefix and uniqueString by default', () => {
      for (const name of [
        'identityName',
        'cosmosAccountName',
        'appServicePlanName',
        'webAppName',
        'botName',
        'logAnalyticsName',
        'appInsightsName',
      ]) {
        const fallback = text(template.parameters[name]?.defaultValue, `${name}'s default`);
        assert.match(fallback, /parameters\('prefix'\)/, name);
        assert.match(fallback, /uniqueString\(resourceGroup\(\)\.id\)/, name);
      }
    });
  });

  describe('the managed identity', () => {
    it('is a user-assigned identity', () => {
      const identity = only('Microsoft.ManagedIdentity/userAssignedIdentities');
      assert.equal(identity.name, "[parameters('identityName')]");
      assert.equal(resourceTypeOf(variables.identityId), identity.type);
    });
  });

  describe('Cosmos DB', () => {
    it('is a serverless NoSQL account with no keys and TLS 1.2 at least', () => {
      const account = only('Microsoft.DocumentDB/databaseAccounts');
      assert.equal(account.kind, 'GlobalDocumentDB');
      assert.deepEqual(at(account, 'properties', 'capabilities'), [{ name: 'EnableServerless' }]);
      assert.equal(at(account, 'properties', 'disableLocalAuth'), true);
      assert.equal(at(account, 'properties', 'minimalTlsVersion'), 'Tls12');
      const locations = at(account, 'properties', 'locations');
      assert.ok(Array.isArray(locations) && locations.length === 1, 'serverless is one region');
    });

    it("names the database by a parameter defaulting to the code's COSMOS_DATABASE", () => {
      const database = only('Microsoft.DocumentDB/databaseAccounts/sqlDatabases');
      assert.equal(
        at(database, 'properties', 'resource', 'id'),
        "[parameters('cosmosDatabaseName')]",
      );
      assert.equal(
        template.parameters.cosmosDatabaseName?.defaultValue,
        loadConfig({}).COSMOS_DATABASE,
      );
      assert.equal(at(database, 'properties', 'options'), undefined, 'serverless: no throughput');
    });

    it('creates exactly the containers of CONTAINERS, with the same ids and partition keys', () => {
      const containers = template.resources.filter(
        (resource) =>
          resource.type === 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
      );
      assert.deepEqual(
        containers.map((container) => at(container, 'properties', 'resource', 'id')).sort(),
        Object.values(CONTAINERS)
          .map((container) => container.id)
          .sort(),
      );
      for (const { id, partitionKey } of Object.values(CONTAINERS)) {
        const container = containers.find(
          (resource) => at(resource, 'properties', 'resource', 'id') === id,
        );
        assert.ok(container, id);
        assert.ok(
          container.name.includes("parameters('cosmosDatabaseName')") &&
            container.name.endsWith(`'${id}')]`),
          `the container ${id} is named ${container.name}`,
        );
        assert.deepEqual(at(container, 'properties', 'resource', 'partitionKey', 'paths'), [
          partitionKey,
        ]);
        assert.equal(at(container, 'properties', 'resource', 'partitionKey', 'kind'), 'Hash');
        assert.equal(
          at(container, 'properties', 'options'),
          undefined,
          'serverless: no throughput',
        );
      }
    });

    describe('indexing', () => {
      const policyOf = (id: string): IndexingPolicy & { indexingMode: unknown } => {
        const container = template.resources.find(
          (resource) =>
            resource.type === 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers' &&
            at(resource, 'properties', 'resource', 'id') === id,
        );
        return z
          .object({
            indexingMode: z.unknown(),
            includedPaths: z.array(z.object({ path: z.string() })),
            excludedPaths: z.array(z.object({ path: z.string() })),
          })
          .parse(at(container, 'properties', 'resource', 'indexingPolicy'));
      };

      const pathsQueried = async (name: ContainerName): Promise<string[][]> => {
        const paths: string[][] = [];
        for (const file of QUERY_SOURCES[name]) {
          const found = queriedPaths(await readFile(join(ROOT, file), 'utf8'));
          assert.deepEqual(found.problems, [], file);
          paths.push(...found.paths);
        }
        return paths;
      };

      it('maps every source file with a Cosmos DB query to its container', async () => {
        const files = (await readdir(join(ROOT, 'bot'), { recursive: true }))
          .filter((file) => file.endsWith('.ts'))
          .map((file) => `bot/${file.split('\\').join('/')}`);
        const mapped = new Set(Object.values(QUERY_SOURCES).flat());
        for (const file of mapped) assert.ok(files.includes(file), `${file} is gone`);
        for (const file of files) {
          const source = await readFile(join(ROOT, file), 'utf8');
          if (stringLiterals(source).some((literal) => /\bSELECT\b[\s\S]*\bFROM\b/.test(literal))) {
            assert.ok(mapped.has(file), `${file} queries Cosmos DB: add it to QUERY_SOURCES`);
          }
        }
        assert.deepEqual(Object.keys(QUERY_SOURCES).sort(), Object.keys(CONTAINERS).sort());
      });

      it('finds the filter and sort paths of the records queries', async () => {
        const paths = (await pathsQueried('records')).map((path) => path.join('.'));
        for (const expected of ['tenantId', 'kind', 'owner.id', 'collaboratorIds', 'updatedAt']) {
          assert.ok(paths.includes(expected), `${expected} not found in ${paths}`);
        }
      });

      for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
        it(`indexes every path the ${name} queries filter or sort on, and excludes none`, async () => {
          const policy = policyOf(CONTAINERS[name].id);
          assert.equal(policy.indexingMode, 'consistent');
          for (const path of await pathsQueried(name)) {
            assert.ok(isIndexed(policy, path), `c.${path.join('.')} is queried but not indexed`);
            const excluding = policy.excludedPaths.filter(
              ({ path: pattern }) => pattern !== '/*' && coverage(pattern, path) !== undefined,
            );
            assert.deepEqual(excluding, [], `c.${path.join('.')} is queried but excluded`);
          }
        });

        it(`indexes nothing in ${name} that no query uses`, async () => {
          const policy = policyOf(CONTAINERS[name].id);
          const paths = await pathsQueried(name);
          for (const { path: pattern } of policy.includedPaths) {
            assert.ok(
              paths.some((path) => coverage(pattern, path) !== undefined),
              `${pattern} is indexed in ${name} but no query filters or sorts on it`,
            );
          }
        });
      }
    });

    it('gives the identity the built-in data contributor role on the account', () => {
      const assignment = only('Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
      const role = resolve(at(assignment, 'properties', 'roleDefinitionId'));
      assert.match(role, /Microsoft\.DocumentDB\/databaseAccounts\/sqlRoleDefinitions/);
      assert.ok(role.includes(`'${DATA_CONTRIBUTOR}'`), role);
      const principal = resolve(at(assignment, 'properties', 'principalId'));
      assert.match(
        principal,
        /^\[reference\(resourceId\('Microsoft\.ManagedIdentity\/userAssignedIdentities'.*\)\.principalId\]$/,
      );
      assert.equal(
        resolve(at(assignment, 'properties', 'scope')),
        "[resourceId('Microsoft.DocumentDB/databaseAccounts', parameters('cosmosAccountName'))]",
      );
    });
  });

  describe('the web app', () => {
    it('runs on a Linux plan with a parameterised SKU, B1 by default', () => {
      const plan = only('Microsoft.Web/serverfarms');
      assert.equal(at(plan, 'properties', 'reserved'), true, 'Linux');
      assert.equal(at(plan, 'sku', 'name'), "[parameters('appServicePlanSku')]");
      assert.equal(template.parameters.appServicePlanSku?.defaultValue, 'B1');
    });

    it('is Linux Node 20, https only, TLS 1.2, no FTP, always on, with the health check', async () => {
      const site = only('Microsoft.Web/sites');
      assert.match(String(site.kind), /linux/);
      assert.equal(
        resourceTypeOf(at(site, 'properties', 'serverFarmId')),
        'Microsoft.Web/serverfarms',
      );
      assert.equal(at(site, 'properties', 'httpsOnly'), true);
      const config = (key: string): unknown => at(site, 'properties', 'siteConfig', key);
      assert.equal(config('linuxFxVersion'), 'NODE|20-lts');
      assert.equal(config('minTlsVersion'), '1.2');
      assert.equal(config('ftpsState'), 'Disabled');
      assert.equal(config('alwaysOn'), true);
      assert.equal(config('healthCheckPath'), '/healthz');
      const server = await readFile(join(ROOT, 'bot/server.ts'), 'utf8');
      assert.ok(server.includes("'/healthz'"), 'the bot serves /healthz');
      const engines = z
        .object({ engines: z.object({ node: z.string() }) })
        .parse(await readJson(join(ROOT, 'package.json')));
      assert.match(engines.engines.node, /\b20\b/, 'package.json engines names Node 20');
    });

    it('starts only the bot, from the compiled code', async () => {
      const site = only('Microsoft.Web/sites');
      assert.equal(
        at(site, 'properties', 'siteConfig', 'appCommandLine'),
        'node dist/bot/index.js',
      );
      const build = z
        .object({ compilerOptions: z.object({ outDir: z.string(), rootDir: z.string() }) })
        .parse(await readJson(join(ROOT, 'tsconfig.build.json')));
      assert.equal(build.compilerOptions.outDir, 'dist');
      assert.equal(build.compilerOptions.rootDir, '.');
      await readFile(join(ROOT, 'bot/index.ts'));
    });

    it('runs as the user-assigned identity', () => {
      const site = only('Microsoft.Web/sites');
      assert.equal(at(site, 'identity', 'type'), 'UserAssigned');
      const identities = at(site, 'identity', 'userAssignedIdentities');
      assert.ok(typeof identities === 'object' && identities !== null);
      const keys = Object.keys(identities);
      assert.equal(keys.length, 1);
      assert.equal(resourceTypeOf(keys[0]), 'Microsoft.ManagedIdentity/userAssignedIdentities');
    });

    it("sets exactly the configuration schema's production settings", () => {
      const schemaKeys = Object.keys(configSchema.shape);
      const settings = [...appSettings().keys()];
      for (const name of settings) {
        assert.ok(
          schemaKeys.includes(name) || name in PLATFORM_SETTINGS,
          `the app setting ${name} is not a setting of bot/config.ts`,
        );
        assert.ok(!(name in LEFT_OUT), `${name} is set but listed as left out`);
      }
      for (const name of Object.keys(LEFT_OUT)) {
        assert.ok(schemaKeys.includes(name), `LEFT_OUT names ${name}, no longer a setting`);
      }
      const missing = schemaKeys.filter((name) => !settings.includes(name) && !(name in LEFT_OUT));
      assert.deepEqual(missing, [], 'settings of bot/config.ts neither set nor left out');
    });

    it('points the settings at the identity, the Cosmos DB account and Application Insights', () => {
      const settings = appSettings();
      const resolved = (name: string): string => resolve(settings.get(name));
      const identityClientId =
        /^\[reference\(resourceId\('Microsoft\.ManagedIdentity\/userAssignedIdentities'.*\)\.clientId\]$/;
      assert.equal(settings.get('NODE_ENV'), 'production');
      assert.equal(settings.get('HOST'), '0.0.0.0');
      assert.equal(settings.get('MicrosoftAppType'), 'UserAssignedMSI');
      assert.match(resolved('MicrosoftAppId'), identityClientId);
      assert.match(resolved('AZURE_CLIENT_ID'), identityClientId);
      assert.match(
        resolved('MicrosoftAppTenantId'),
        /^\[reference\(resourceId\('Microsoft\.ManagedIdentity\/userAssignedIdentities'.*\)\.tenantId\]$/,
      );
      assert.match(
        resolved('COSMOS_ENDPOINT'),
        /^\[reference\(resourceId\('Microsoft\.DocumentDB\/databaseAccounts'.*\)\.documentEndpoint\]$/,
      );
      assert.equal(settings.get('COSMOS_DATABASE'), "[parameters('cosmosDatabaseName')]");
      assert.match(
        resolved('APPLICATIONINSIGHTS_CONNECTION_STRING'),
        /^\[reference\(resourceId\('Microsoft\.Insights\/components'.*\)\.ConnectionString\]$/,
      );
      assert.equal(
        template.parameters[/parameters\('([^']+)'\)/.exec(resolved('REMINDERS_SECRET'))?.[1] ?? '']
          ?.type,
        'securestring',
        'REMINDERS_SECRET comes from a secure parameter',
      );
    });

    it('gives settings the bot accepts in production, listening on 0.0.0.0 and PORT', () => {
      const samples: Record<string, string> = {
        MicrosoftAppId: '11111111-1111-1111-1111-111111111111',
        AZURE_CLIENT_ID: '11111111-1111-1111-1111-111111111111',
        MicrosoftAppTenantId: '22222222-2222-2222-2222-222222222222',
        ALLOWED_TENANT_IDS: '22222222-2222-2222-2222-222222222222',
        COSMOS_ENDPOINT: 'https://socialvalue-cosmos-abc.documents.azure.com:443/',
        APPLICATIONINSIGHTS_CONNECTION_STRING:
          'InstrumentationKey=33333333-3333-3333-3333-333333333333;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/',
      };
      const env: Record<string, string> = { PORT: '8080' };
      for (const [name, value] of appSettings()) {
        const parameter = /^\[(string\()?parameters\('([^']+)'\)\)?\]$/.exec(value)?.[2];
        const fallback =
          parameter === undefined ? undefined : template.parameters[parameter]?.defaultValue;
        if (!isExpression(value)) env[name] = value;
        else if (
          typeof fallback === 'number' ||
          (typeof fallback === 'string' && !isExpression(fallback))
        ) {
          env[name] = String(fallback);
        } else {
          const sample = samples[name];
          assert.ok(sample !== undefined, `give the test a sample value of ${name}`);
          env[name] = sample;
        }
      }
      const config = loadConfig(env);
      assert.equal(config.NODE_ENV, 'production');
      assert.equal(config.HOST, '0.0.0.0');
      assert.equal(config.PORT, 8080);
      assert.equal(config.MicrosoftAppType, 'UserAssignedMSI');
      assert.equal(config.MicrosoftAppPassword, undefined);
      assert.equal(config.COSMOS_KEY, undefined);
    });
  });

  describe('Application Insights', () => {
    it('is workspace-based on a Log Analytics workspace', () => {
      only('Microsoft.OperationalInsights/workspaces');
      const insights = only('Microsoft.Insights/components');
      assert.equal(at(insights, 'properties', 'Application_Type'), 'web');
      assert.equal(
        resourceTypeOf(at(insights, 'properties', 'WorkspaceResourceId')),
        'Microsoft.OperationalInsights/workspaces',
      );
    });
  });

  describe('the Azure Bot', () => {
    it('is an azurebot signed in as the identity, calling the web app', async () => {
      const bot = only('Microsoft.BotService/botServices');
      assert.equal(bot.kind, 'azurebot');
      assert.equal(bot.location, 'global');
      assert.equal(at(bot, 'sku', 'name'), "[parameters('botSku')]");
      assert.deepEqual(template.parameters.botSku?.allowedValues, ['F0', 'S1']);
      assert.equal(at(bot, 'properties', 'msaAppType'), 'UserAssignedMSI');
      assert.match(
        resolve(at(bot, 'properties', 'msaAppId')),
        /^\[reference\(resourceId\('Microsoft\.ManagedIdentity\/userAssignedIdentities'.*\)\.clientId\]$/,
      );
      assert.match(
        resolve(at(bot, 'properties', 'msaAppTenantId')),
        /^\[reference\(resourceId\('Microsoft\.ManagedIdentity\/userAssignedIdentities'.*\)\.tenantId\]$/,
      );
      assert.equal(
        resourceTypeOf(at(bot, 'properties', 'msaAppMSIResourceId')),
        'Microsoft.ManagedIdentity/userAssignedIdentities',
      );
      assert.match(
        resolve(at(bot, 'properties', 'endpoint')),
        /^\[format\('https:\/\/\{0\}\/api\/messages', reference\(resourceId\('Microsoft\.Web\/sites'.*\)\.defaultHostName\)\]$/,
      );
      const server = await readFile(join(ROOT, 'bot/server.ts'), 'utf8');
      assert.ok(server.includes("'/api/messages'"), 'the bot serves /api/messages');
    });

    it('has the Microsoft Teams channel enabled', () => {
      const channel = only('Microsoft.BotService/botServices/channels');
      assert.equal(at(channel, 'properties', 'channelName'), 'MsTeamsChannel');
      assert.equal(at(channel, 'properties', 'properties', 'isEnabled'), true);
      assert.match(channel.name, /MsTeamsChannel/);
      assert.ok(
        (channel.dependsOn ?? []).some(
          (dependency) => resourceTypeOf(dependency) === 'Microsoft.BotService/botServices',
        ),
      );
    });
  });

  describe('outputs', () => {
    it("give the web app's host name, the bot's app id and the Cosmos DB endpoint", () => {
      const output = (name: string): string => resolve(template.outputs[name]?.value);
      assert.match(
        output('webAppHostName'),
        /reference\(resourceId\('Microsoft\.Web\/sites'.*\)\.defaultHostName\]$/,
      );
      assert.match(
        output('botAppId'),
        /reference\(resourceId\('Microsoft\.ManagedIdentity\/userAssignedIdentities'.*\)\.clientId\]$/,
      );
      assert.match(
        output('cosmosEndpoint'),
        /reference\(resourceId\('Microsoft\.DocumentDB\/databaseAccounts'.*\)\.documentEndpoint\]$/,
      );
      assert.equal(template.outputs.webAppName?.value, "[parameters('webAppName')]");
    });
  });
});

describe('deploy/azuredeploy.parameters.json', () => {
  it('sets only declared parameters, in their types and allowed values, and no secret', async () => {
    const template = templateSchema.parse(await readJson(TEMPLATE_FILE));
    const file = parametersFileSchema.parse(await readJson(PARAMETERS_FILE));
    for (const [name, { value }] of Object.entries(file.parameters)) {
      const declared = template.parameters[name];
      assert.ok(declared, `${name} is not a parameter of the template`);
      assert.ok(
        declared.type !== 'securestring' && declared.type !== 'secureObject',
        `${name} is secure: give it on the command line or from Key Vault, not in the file`,
      );
      assert.doesNotMatch(name, /secret|password|key|connection/i);
      const jsonTypes: Partial<Record<string, string>> = {
        string: 'string',
        int: 'number',
        bool: 'boolean',
        object: 'object',
      };
      const expected = jsonTypes[declared.type];
      if (expected) assert.equal(typeof value, expected, `${name} must be a ${declared.type}`);
      if (declared.allowedValues) assert.ok(declared.allowedValues.includes(value), name);
      if (typeof value === 'number') {
        assert.ok(value >= (declared.minValue ?? value) && value <= (declared.maxValue ?? value));
      }
    }
  });
});

describe('the SQL path scan (test/deploy/sql-paths.ts)', () => {
  it('reads filters and sorts, not projections, comments or other strings', () => {
    const source = [
      "// the owner's records: c.ignored.inComment = 1",
      "const filter = ' AND (c.owner.id = @user OR ARRAY_CONTAINS(c.list, @user))';",
      `const query = \`SELECT TOP 5 c.id, c.draft.step AS step FROM c WHERE c.tenantId = @t\${filter} ORDER BY c.updatedAt DESC\`;`,
      'const other = "SELECT c.a FROM c WHERE c.kind = \'record\' AND IS_DEFINED(c.ratings)";',
      "const notSql = 'abc.def';",
      'const pattern = /"c\\.x/;',
    ].join('\n');
    const found = queriedPaths(source);
    assert.deepEqual(found.problems, []);
    assert.deepEqual(found.paths.map((path) => path.join('.')).sort(), [
      'kind',
      'list',
      'owner.id',
      'ratings',
      'tenantId',
      'updatedAt',
    ]);
  });

  it('refuses what it cannot follow: another alias, JOIN, bracket paths', () => {
    assert.equal(queriedPaths("const q = 'SELECT * FROM r WHERE r.x = 1';").problems.length, 1);
    assert.equal(
      queriedPaths("const q = 'SELECT * FROM c JOIN t IN c.tags WHERE t.x = 1';").problems.length,
      1,
    );
    assert.equal(queriedPaths(`const q = 'SELECT * FROM c WHERE c["x"] = 1';`).problems.length, 1);
  });

  it('decides indexing by the most specific path, as Cosmos DB does', () => {
    const policy: IndexingPolicy = {
      includedPaths: [{ path: '/owner/id/?' }, { path: '/tags/[]/?' }, { path: '/ratings/*' }],
      excludedPaths: [{ path: '/*' }, { path: '/owner/secret/?' }],
    };
    assert.equal(isIndexed(policy, ['owner', 'id']), true);
    assert.equal(isIndexed(policy, ['tags']), true);
    assert.equal(isIndexed(policy, ['ratings']), true);
    assert.equal(isIndexed(policy, ['ratings', 'level']), true);
    assert.equal(isIndexed(policy, ['owner', 'name']), false);
    assert.equal(isIndexed(policy, ['owner', 'secret']), false);
    assert.equal(
      isIndexed({ includedPaths: [{ path: '/*' }], excludedPaths: [{ path: '/draft/*' }] }, [
        'draft',
        'step',
      ]),
      false,
    );
    assert.equal(
      isIndexed({ includedPaths: [{ path: '/*' }], excludedPaths: [{ path: '/draft/*' }] }, [
        'kind',
      ]),
      true,
    );
  });
});
