import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import type { SignInRules } from './sign-in.js';
import { v2IssuerOf } from './sign-in.js';

/** Where the local sign-in's key server and token issuer live, under the bot's own address. */
export const LOCAL_PATH = '/dashboard/local';

/** The audience of local tokens: no app registration exists locally. */
export const LOCAL_AUDIENCE = 'api://localhost/local-sign-in';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/** Someone in the local data the local sign-in offers. */
export interface LocalPerson {
  tenantId: string;
  userId: string;
  name: string;
  isProcurementLead: boolean;
}

/**
 * The local sign-in, for `npm start` and tests (never production): a key pair made at
 * start-up, its public key served as a JWKS the way Entra serves a tenant's, and tokens
 * signed with it for a person chosen from the local data. The tokens are checked by the same
 * TokenVerifier as Teams tokens.
 */
export class LocalSignIn {
  private constructor(
    private readonly privateKey: PrivateKey,
    private readonly publicJwk: JWK,
  ) {}

  static async create(): Promise<LocalSignIn> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
    return new LocalSignIn(privateKey, jwk);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  /** A token for the person, an hour long, as Entra would issue one. */
  issue(
    person: LocalPerson,
    rules: Pick<SignInRules, 'authority' | 'audience'>,
    now: Date,
  ): Promise<string> {
    const seconds = Math.floor(now.getTime() / 1000);
    return new SignJWT({ oid: person.userId, tid: person.tenantId, name: person.name })
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid ?? '' })
      .setIssuer(v2IssuerOf(rules, person.tenantId))
      .setAudience(rules.audience)
      .setIssuedAt(seconds)
      .setExpirationTime(seconds + 3600)
      .sign(this.privateKey);
  }
}
