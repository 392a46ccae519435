import { createRemoteJWKSet, decodeJwt, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { Viewer } from '../../core/record/index.js';

/** What a Teams sign-in token must show to be let in. */
export interface SignInRules {
  /** The Application ID URI of the SSO app registration: the token's audience. */
  audience: string;
  /** Entra's base: the tenant's keys are at {authority}/{tenant}/discovery/v2.0/keys. */
  authority: string;
  /** The base of the v1 issuer, {v1Issuer}/{tenant}/. */
  v1Issuer: string;
  /** Tenants served; empty: all. */
  allowedTenants: readonly string[];
  /** Entra object ids of the procurement leads. */
  leads: readonly string[];
}

/** Who a valid token names, as the access rule and the page need them. */
export interface SignedIn {
  viewer: Viewer;
  name: string;
}

/** Why a token was refused: for the log (never the token itself). */
export type SignInResult = { ok: true; signedIn: SignedIn } | { ok: false; reason: string };

/** A tenant id fit to put in a URL; Entra's are GUIDs. */
const TENANT_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Key sets kept at once: one per tenant seen, so a flood of made-up tenants cannot grow it. */
const MAX_KEY_SETS = 100;

export const v2IssuerOf = (rules: Pick<SignInRules, 'authority'>, tenant: string): string =>
  `${rules.authority}/${tenant}/v2.0`;
export const v1IssuerOf = (rules: Pick<SignInRules, 'v1Issuer'>, tenant: string): string =>
  `${rules.v1Issuer}/${tenant}/`;
export const keysUrlOf = (rules: Pick<SignInRules, 'authority'>, tenant: string): string =>
  `${rules.authority}/${tenant}/discovery/v2.0/keys`;

/**
 * Checks a Teams sign-in token with jose: an RS256 signature by one of the tenant's keys,
 * the issuer (v1 or v2) of that tenant, the audience, the expiry, and the tenant allow-list.
 * The local sign-in's tokens go through this same check, against the bot's own key server.
 */
export class TokenVerifier {
  private readonly keySets = new Map<string, JWTVerifyGetKey>();

  constructor(
    private readonly rules: () => SignInRules,
    private readonly clock: () => Date,
  ) {}

  async verify(token: string): Promise<SignInResult> {
    const rules = this.rules();
    let tenant: unknown;
    try {
      tenant = decodeJwt(token).tid;
    } catch {
      return { ok: false, reason: 'not a token' };
    }
    if (typeof tenant !== 'string' || !TENANT_ID.test(tenant)) {
      return { ok: false, reason: 'no tenant' };
    }
    // Before any key is fetched: a tenant not served is refused without a request to Entra.
    if (rules.allowedTenants.length > 0 && !rules.allowedTenants.includes(tenant)) {
      return { ok: false, reason: 'tenant not allowed' };
    }
    try {
      const { payload } = await jwtVerify(token, this.keysOf(rules, tenant), {
        algorithms: ['RS256'],
        audience: rules.audience,
        issuer: [v2IssuerOf(rules, tenant), v1IssuerOf(rules, tenant)],
        requiredClaims: ['exp', 'oid', 'tid'],
        currentDate: this.clock(),
        clockTolerance: 60,
      });
      if (typeof payload.oid !== 'string' || payload.oid === '' || payload.tid !== tenant) {
        return { ok: false, reason: 'no user' };
      }
      const name = typeof payload.name === 'string' && payload.name !== '' ? payload.name : 'you';
      return {
        ok: true,
        signedIn: {
          viewer: {
            tenantId: tenant,
            userId: payload.oid,
            isProcurementLead: rules.leads.includes(payload.oid),
          },
          name,
        },
      };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return { ok: false, reason: typeof code === 'string' ? code : 'invalid' };
    }
  }

  private keysOf(rules: SignInRules, tenant: string): JWTVerifyGetKey {
    const url = keysUrlOf(rules, tenant);
    const known = this.keySets.get(url);
    if (known) return known;
    if (this.keySets.size >= MAX_KEY_SETS) this.keySets.clear();
    const keys = createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000 });
    this.keySets.set(url, keys);
    return keys;
  }
}

/** The bearer token of an Authorization header, if it has one. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
