// Secrets of the CLI and browser mode: the environment wins when it holds one (withEnvironment);
// a secret set on the Sync page or with `planroom sync secret` is kept in a file only its owner
// can read, in a folder beside the database (`<db>.secrets/<name>`, folder 0700, file 0600,
// written atomically), never in SQLite. The CLI and `planroom serve` on the same database share it.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readSecretFile, secretLabel } from './envSecrets';
import { privateDir, syncDir, writePrivateFile } from './privateFile';
import type { SecretName, SecretStore } from './secretStore';
import { withEnvironment } from './withEnvironment';

/** The folder the secrets of the database at `dbPath` are kept in. */
export const secretsDirOf = (dbPath: string): string => `${dbPath}.secrets`;

/**
 * A file name for a secret: "hub", "target-erp", "source-erp". Characters outside a-z, 0-9 and "-" become
 * "_<hex>_", so no name can climb out of the folder or collide with another.
 */
export function secretFileName(name: SecretName): string {
  if (name === 'hub') return 'hub';
  const kind = name.slice(0, name.indexOf(':'));
  // Source systems are named in capitals (ERP); their files in lower case like the rest.
  const id = kind === 'source' ? name.slice(name.indexOf(':') + 1).toLowerCase() : name.slice(name.indexOf(':') + 1);
  return `${kind}-${id.replace(/[^a-z0-9-]/gu, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}`;
}

/** The store of a folder, without the environment (see fileSecrets). */
export function folderSecrets(dir: string): SecretStore {
  const fileOf = (name: SecretName): string => join(dir, secretFileName(name));
  return {
    get(name) {
      const file = fileOf(name);
      if (!existsSync(file)) return undefined;
      // The same check as a file named in the environment: a looser mode is refused with the chmod.
      const missing = 'Set it again on the Sync page or with planroom sync secret.';
      return readSecretFile(file, secretLabel(name), missing) || undefined;
    },
    set(name, value) {
      privateDir(dir);
      writePrivateFile(fileOf(name), `${value}\n`);
    },
    remove(name) {
      const file = fileOf(name);
      if (!existsSync(file)) return;
      rmSync(file, { force: true });
      syncDir(dir);
    },
    fromEnvironment: () => false,
    whereFor: (name) => `${fileOf(name)}, a file only you can read`,
  };
}

/** The CLI's and browser mode's secrets for the database at `dbPath`. */
export function fileSecrets(dbPath: string, env: NodeJS.ProcessEnv = process.env): SecretStore {
  return withEnvironment(folderSecrets(secretsDirOf(dbPath)), env);
}
