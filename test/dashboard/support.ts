/**
 * Shared by the dashboard tests: records seeded straight into the store (a test needs them in
 * states the wizard would take many turns to reach), a local key server standing in for
 * Entra's, with keys the test makes, and requests to the dashboard's API.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import type { App } from '../../bot/app.js';
import { builtInPack } from '../../core/policy/index.js';
import {
  type CommissioningRecord,
  createRecord,
  type Person,
  type StageProgress,
  type SupplierRating,
} from '../../core/record/index.js';

export const pack = builtInPack;

export interface SeedSpec {
  reference: string;
  tenantId: string;
  owner: Person;
  title: string;
  createdAt: string;
  value?: number;
  /** Measure ids chosen (their themes follow). */
  measures?: string[];
  targets?: { measureId: string; target: number }[];
  complete?: boolean;
  awardDate?: string;
  collaboratorIds?: string[];
  /** Stages with a due date, not done. */
  due?: { stage: number; on: string }[];
  /** Stages done. */
  done?: number[];
  ratings?: { supplier: string; tier: SupplierRating['tier']; on: string }[];
  /** Anything else the record holds after award: deliveries, KPIs, assessments. */
  more?: Partial<CommissioningRecord>;
}

/** A record in the shape the bot stores, made with core's own createRecord. */
export function recordOf(spec: SeedSpec): CommissioningRecord {
  const record = createRecord({
    reference: spec.reference,
    tenantId: spec.tenantId,
    owner: spec.owner,
    pack,
    draft: {
      answers: {
        title: spec.title,
        ...(spec.value === undefined ? {} : { value: spec.value }),
        ...(spec.measures ? { measures: spec.measures } : {}),
        ...(spec.targets
          ? {
              outcomeTargets: spec.targets.map((t) => ({
                ...t,
                tests: { relevant: true, specifiable: true, priorities: true },
              })),
            }
          : {}),
      },
      step: spec.complete ? 'done' : 'basics',
      visited: ['basics'],
    },
    now: spec.createdAt,
  });
  const stages: StageProgress[] = [
    ...(spec.due ?? []).map((d) => ({
      number: d.stage,
      due: d.on,
      dueSource: 'schedule' as const,
      done: false,
      completions: [],
      reminder: {},
    })),
    ...(spec.done ?? []).map((number) => ({
      number,
      done: true,
      completions: [
        { on: spec.createdAt.slice(0, 10), note: '', by: spec.owner, at: spec.createdAt },
      ],
      reminder: {},
    })),
  ];
  return {
    ...record,
    title: spec.title,
    status: spec.complete ? 'complete' : 'draft',
    collaboratorIds: spec.collaboratorIds ?? [],
    ...(spec.awardDate ? { contract: { awardDate: spec.awardDate, months: 24 } } : {}),
    ...(stages.length > 0 ? { stages } : {}),
    ...(spec.ratings
      ? {
          ratings: spec.ratings.map((r) => ({
            stage: 9,
            supplier: r.supplier,
            tier: r.tier,
            rows: [],
            evidence: '',
            on: r.on,
            at: `${r.on}T12:00:00.000Z`,
            by: spec.owner,
          })),
        }
      : {}),
    ...spec.more,
  };
}

export async function seed(app: App, specs: readonly SeedSpec[]): Promise<void> {
  for (const spec of specs) await app.store.containers.records.items.create(recordOf(spec));
}

/**
 * Entra's key server, as far as a token check sees it: a tenant's JWKS at
 * /{tenant}/discovery/v2.0/keys, with keys this test made. It counts the requests it answers.
 */
export class KeyServer {
  requests = 0;
  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'],
    readonly kid: string,
  ) {}

  static async start(): Promise<KeyServer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk: JWK = {
      ...(await exportJWK(publicKey)),
      kid: 'test-key-1',
      alg: 'RS256',
      use: 'sig',
    };
    let keys: KeyServer | undefined;
    const server = createServer((req, res) => {
      if (keys) keys.requests += 1;
      if (/^\/[^/]+\/discovery\/v2\.0\/keys$/.test(req.url ?? '')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: [jwk] }));
        return;
      }
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    keys = new KeyServer(server, `http://127.0.0.1:${port}`, privateKey, jwk.kid ?? '');
    return keys;
  }

  /** A token as Entra would sign it for this tenant, with any claim overridden. */
  sign(
    claims: JWTPayload & { tid: string; oid?: string },
    options: {
      key?: KeyServer['privateKey'];
      issuer?: string;
      expiresIn?: number;
      now?: Date;
    } = {},
  ): Promise<string> {
    const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
    return new SignJWT({ aud: AUDIENCE, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid })
      .setIssuer(options.issuer ?? `${this.url}/${claims.tid}/v2.0`)
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresIn ?? 3600))
      .sign(options.key ?? this.privateKey);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The audience the tests' bot is set to: its Application ID URI. */
export const AUDIENCE = 'api://sv-bot.azurewebsites.net/5d6e7f80-91a2-4b3c-8d4e-5f60718293a4';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** GET on the dashboard API, with this token (or none). */
export async function api(app: App, path: string, token?: string): Promise<Answer> {
  const response = await fetch(`${app.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

/** A figure table's rows from a view's answer, as [label, count] pairs. */
export function figures(body: Record<string, unknown>, tableId: string): [string, number][] {
  const tables = body.tables as { id: string; rows: [string, number][] }[];
  return tables.find((t) => t.id === tableId)?.rows ?? [];
}
