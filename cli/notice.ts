/**
 * Command line: the notices a contract's record prepares for the force to publish: the
 * contract details notice's KPIs (when the record has KPIs) and a contract performance notice
 * for each assessment, as text to paste or, with --json, as JSON. It publishes nothing.
 *   npm run --silent notice -- SV-2026-0042 [--json] [--tenant TENANT-ID]
 * It reads the store the bot uses: the embedded local data file (LOCAL_DATA_FILE) by default,
 * or the Cosmos DB account at COSMOS_ENDPOINT. Exit 0 with the notices on stdout; 1 when no
 * record has that reference; 2 on a usage mistake or a setting the bot would refuse.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../bot/config.js';
import { loadPolicyLibrary, PackFileError } from '../bot/policy-pack.js';
import { openCosmos } from '../bot/store/cosmos.js';
import { copyLocalData } from '../bot/store/local-files.js';
import { RecordStore } from '../bot/store/records.js';
import { contractDetailsText, performanceNoticeText } from '../cards/notice-text.js';
import { Policies } from '../core/flow/index.js';
import {
  type CommissioningRecord,
  contractDetailsNotice,
  type PerformanceNotice,
  performanceNotice,
  referenceSchema,
} from '../core/record/index.js';
import { todayInLondon } from './today.js';

const USAGE = 'usage: npm run notice -- SV-2026-0042 [--json] [--tenant TENANT-ID]';

function usage(problem: string): number {
  process.stderr.write(`${problem}\n${USAGE}\n`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  let parsed: { values: { json?: boolean; tenant?: string }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, tenant: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const [given, ...extra] = parsed.positionals;
  if (given === undefined || extra.length > 0) {
    return usage('Give one record reference, such as SV-2026-0042.');
  }
  const reference = referenceSchema.safeParse(given);
  if (!reference.success) {
    return usage(`"${given}" is not a record reference: one looks like SV-2026-0042.`);
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return usage(error.message);
  }
  let policies: Policies;
  try {
    policies = new Policies(await loadPolicyLibrary(config));
  } catch (error) {
    if (!(error instanceof PackFileError)) throw error;
    return usage(error.message);
  }
  // The local store is read from a copy, so that a bot running on it is never disturbed.
  const scratch = config.COSMOS_ENDPOINT ? undefined : await mkdtemp(join(tmpdir(), 'notice-'));
  const store = await openCosmos(
    scratch
      ? { ...config, LOCAL_DATA_FILE: await copyLocalData(config.LOCAL_DATA_FILE, scratch) }
      : config,
  );
  try {
    const records = new RecordStore(store.containers.records);
    const found = (await records.byReference(reference.data)).filter(
      (record) => parsed.values.tenant === undefined || record.tenantId === parsed.values.tenant,
    );
    const where = config.COSMOS_ENDPOINT ?? config.LOCAL_DATA_FILE;
    const [record, ...others] = found;
    if (!record) {
      process.stderr.write(
        `There is no record ${reference.data}${parsed.values.tenant ? ` in tenant ${parsed.values.tenant}` : ''} in the store at ${where}. Check the reference (the bot's list command shows yours).\n`,
      );
      return 1;
    }
    if (others.length > 0) {
      return usage(
        `${reference.data} is a reference in ${found.length} tenants (${found.map((r) => r.tenantId).join(', ')}): say which with --tenant.`,
      );
    }
    process.stdout.write(
      parsed.values.json
        ? `${JSON.stringify(noticesOf(record, policies), null, 2)}\n`
        : textOf(record, policies),
    );
    return 0;
  } finally {
    await store.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

/** The record's notices as data: the contract details notice's KPIs, and one per assessment. */
function noticesOf(record: CommissioningRecord, policies: Policies) {
  const pack = policies.forRecord(record, todayInLondon()).pack;
  const details = record.kpis ? contractDetailsNotice(record, pack) : undefined;
  const performance = (record.performance?.assessments ?? []).flatMap((a): PerformanceNotice[] => {
    const notice = performanceNotice(record, pack, a.id);
    return notice.ok ? [notice.value] : [];
  });
  return {
    reference: record.id,
    published: false,
    ...(details?.ok ? { contractDetails: details.value } : {}),
    performance,
  };
}

function textOf(record: CommissioningRecord, policies: Policies): string {
  const notices = noticesOf(record, policies);
  const texts = [
    ...(notices.contractDetails ? [contractDetailsText(notices.contractDetails)] : []),
    ...notices.performance.map(performanceNoticeText),
  ];
  if (texts.length === 0) {
    return `${record.id} has no KPIs and no performance assessment yet: there is no notice to prepare.\n`;
  }
  const intro = `The notices for ${record.id}: ${record.title}, prepared for you to paste. Nothing has been published.`;
  return `${[intro, ...texts].join('\n\n----\n\n')}\n`;
}

process.exitCode = await main(process.argv.slice(2));
