/**
 * Sign-in through an agency's OpenID Connect provider: authorization code
 * flow with PKCE (S256), state and nonce, using openid-client (certified
 * OpenID relying-party library, no dependencies beyond its own oauth4webapi
 * and jose). The provider's subject is linked to a user in user_identities
 * by an administrator (`npm run server:admin -- link-identity`); an unlinked
 * subject is refused, never turned into an account by itself.
 */
import * as client from 'openid-client';
import type { PendingRedirectLogin, RedirectIdentityProvider } from './identityProvider';

export interface OidcSettings {
  /** Name of this provider in user_identities and sessions ("oidc", "sso-jatim"). */
  id: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This server's callback, registered with the provider: https://…/api/v1/session/oidc/callback */
  redirectUri: string;
  scope: string;
  /** Plain-HTTP issuers are refused unless this is set (tests run an issuer on loopback). */
  allowInsecureRequests?: boolean;
}

export async function createOidcProvider(settings: OidcSettings): Promise<RedirectIdentityProvider> {
  const config = await client.discovery(
    new URL(settings.issuer),
    settings.clientId,
    settings.clientSecret,
    undefined,
    settings.allowInsecureRequests ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  return {
    kind: 'redirect',
    id: settings.id,
    async start() {
      const pending: PendingRedirectLogin = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const authorizationUrl = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scope,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { authorizationUrl, pending };
    },
    async finish(callbackUrl, pending) {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const subject = tokens.claims()?.sub;
      if (!subject) throw new Error('the ID token has no subject');
      return { subject };
    },
  };
}
