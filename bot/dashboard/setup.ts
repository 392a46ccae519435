import { loadPageAssets } from '../../web/assets.js';
import { type Config, localSignIn } from '../config.js';
import { LOCAL_AUDIENCE, LOCAL_PATH, LocalSignIn } from './local-sign-in.js';
import type { DashboardDeps } from './routes.js';
import { type SignInRules, TokenVerifier } from './sign-in.js';

/**
 * The dashboard's sign-in, from the settings: Teams SSO when SSO_APP_ID_URI is set; the local
 * sign-in outside production with none (its keys served by this bot, at `baseUrl()`, known
 * once the server listens); otherwise no sign-in at all, and every data request refused.
 */
export async function dashboardSignIn(
  config: Config,
  clock: () => Date,
  baseUrl: () => string,
): Promise<Pick<DashboardDeps, 'verifier' | 'local' | 'page'>> {
  const page = await loadPageAssets();
  const common = { allowedTenants: config.ALLOWED_TENANT_IDS, leads: config.PROCUREMENT_LEAD_IDS };
  if (localSignIn(config)) {
    const signIn = await LocalSignIn.create();
    const rules = (): SignInRules => {
      const authority = `${baseUrl()}${LOCAL_PATH}`;
      return { ...common, audience: LOCAL_AUDIENCE, authority, v1Issuer: authority };
    };
    return {
      page,
      verifier: new TokenVerifier(rules, clock),
      local: { signIn, issue: (person) => signIn.issue(person, rules(), clock()) },
    };
  }
  const audience = config.SSO_APP_ID_URI;
  if (audience === undefined) return { page };
  const rules: SignInRules = {
    ...common,
    audience,
    authority: config.SSO_AUTHORITY,
    v1Issuer: config.SSO_V1_ISSUER,
  };
  return { page, verifier: new TokenVerifier(() => rules, clock) };
}
