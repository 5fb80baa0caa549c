// The one owner of secrets (hub password, HTTP targets' tokens, later the sources' credentials):
// never in clear text in SQLite. The same interface in every mode; what keeps them differs:
// the CLI and browser mode read an environment variable or a file only its owner can read
// (envSecrets.ts); Electron keeps them encrypted with safeStorage.
export interface SecretStore {
  /** The secret, or undefined when none is set. Throws an AppError when its file is unsafe. */
  get(name: SecretName): string | undefined;
  /** Keeps a secret (refused with a hint where this mode cannot keep one). */
  set(name: SecretName, value: string): void;
  remove(name: SecretName): void;
  /** Where this mode looks for the secret, for people (never the secret). */
  whereFor(name: SecretName): string;
}

/** "hub" for the team hub's password; "target:<id>" for an HTTP target's token or password. */
export type SecretName = 'hub' | `target:${string}`;

/** The environment variable a secret is read from: PLANROOM_HUB_PASSWORD, PLANROOM_TARGET_ERP_SECRET. */
export function envNameOf(name: SecretName): string {
  if (name === 'hub') return 'PLANROOM_HUB_PASSWORD';
  return `PLANROOM_TARGET_${name.slice('target:'.length).toUpperCase().replace(/-/g, '_')}_SECRET`;
}
