// The names secrets go by, shared by the main process (electron/secrets/) and the Sync page:
// "hub" for the team hub's password, "target:<id>" for an HTTP target's token or password, and
// the environment variable that supplies each one instead of a kept secret.

/**
 * "hub" for the team hub's password; "target:<id>" for an HTTP target's token or password;
 * "source:<SOURCE>" for a source connection's token, password or API key (issue 18).
 */
export type SecretName = 'hub' | `target:${string}` | `source:${string}`;

/** The secret of a sync target as the API names it: "hub" or an HTTP target's id. */
export const secretNameOf = (target: string): SecretName => (target === 'hub' ? 'hub' : `target:${target}`);

/** The environment variable a secret is read from: PLANROOM_HUB_PASSWORD, PLANROOM_TARGET_ERP_SECRET. */
export function envNameOf(name: SecretName): string {
  if (name === 'hub') return 'PLANROOM_HUB_PASSWORD';
  if (name.startsWith('source:')) return `PLANROOM_SOURCE_${name.slice('source:'.length).toUpperCase()}_SECRET`;
  return `PLANROOM_TARGET_${name.slice('target:'.length).toUpperCase().replace(/-/g, '_')}_SECRET`;
}
