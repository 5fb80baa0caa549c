// The one owner of secrets (hub password, HTTP targets' tokens, later the sources' credentials):
// never in clear text in SQLite, never sent back by the API. The same interface in every mode;
// what keeps them differs, and in every mode the environment wins when it holds one
// (withEnvironment.ts): the CLI and browser mode keep a set secret in a file only its owner can
// read, beside the database (fileSecrets.ts); Electron keeps it encrypted with safeStorage
// (safeStorageSecrets.ts); envSecrets.ts reads the environment only.
import type { SecretName } from '../../shared/sync/secretNames';

// The names live in shared/: the Sync page names the same environment variables.
export { envNameOf, secretNameOf, type SecretName } from '../../shared/sync/secretNames';

export interface SecretStore {
  /** The secret, or undefined when none is set. Throws an AppError when its file is unsafe. */
  get(name: SecretName): string | undefined;
  /** Keeps a secret (refused with a hint where this mode cannot keep one). */
  set(name: SecretName, value: string): void;
  remove(name: SecretName): void;
  /** Where this mode keeps or looks for the secret, for people (never the secret). */
  whereFor(name: SecretName): string;
  /** Whether it is the environment's to set (it supplies it, or this mode reads nothing else): changed there, not typed in Planroom. */
  fromEnvironment(name: SecretName): boolean;
}
