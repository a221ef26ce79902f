import * as oidc from "openid-client";

export interface ProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  updatedAt: Date;
}

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Plain http is allowed only for a provider on this machine (development and tests). */
export function isLoopbackHttp(issuer: URL): boolean {
  return issuer.protocol === "http:" && loopbackHosts.has(issuer.hostname);
}

const discovered = new Map<string, Promise<oidc.Configuration>>();

/**
 * The provider's metadata and keys, discovered once per configuration (the key includes when
 * it was last saved, so a change is picked up at once). A failed discovery is forgotten, so
 * the next sign-in tries again.
 */
export function providerConfiguration(settings: ProviderSettings): Promise<oidc.Configuration> {
  const key = `${settings.issuer}|${settings.clientId}|${settings.updatedAt.toISOString()}`;
  let configuration = discovered.get(key);
  if (!configuration) {
    const issuer = new URL(settings.issuer);
    // HTTP Basic: the client authentication every provider must support (RFC 6749, 2.3.1).
    configuration = oidc.discovery(
      issuer,
      settings.clientId,
      { client_secret: settings.clientSecret },
      oidc.ClientSecretBasic(settings.clientSecret),
      { execute: isLoopbackHttp(issuer) ? [oidc.allowInsecureRequests] : [] },
    );
    discovered.set(key, configuration);
    configuration.catch(() => discovered.delete(key));
  }
  return configuration;
}
