// Secrets for the CLI and browser mode: $NAME, else the file named by $NAME_FILE, which must be
// a regular file only its owner can read (mode 0600); a looser one is refused with the chmod.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { AppError, cutInput } from '../../shared/domain/errors';
import { envNameOf, type SecretName, type SecretStore } from './secretStore';

/** The first line of a file only its owner can read; `missing`: what to do when it cannot be opened. */
export function readSecretFile(file: string, what: string, missing: string): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new AppError(
      'invalid_input',
      `Cannot read the ${what} file ${cutInput(file, 200)}: ${(e as Error).message}`,
      {
        hint: missing,
      },
    );
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new AppError('invalid_input', `${cutInput(file, 200)} is not a regular file.`);
    if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
      throw new AppError(
        'invalid_input',
        `The ${what} file ${cutInput(file, 200)} can be read by others (mode ${(st.mode & 0o777).toString(8)}).`,
        { hint: `Run chmod 600 ${cutInput(file, 200)}; the secret is not read until then.` },
      );
    }
    return readFileSync(fd, 'utf8').split(/\r?\n/)[0] ?? '';
  } finally {
    closeSync(fd);
  }
}

/** What a secret is, for people: "hub password", "erp target secret". */
export const secretLabel = (name: SecretName): string =>
  name === 'hub'
    ? 'hub password'
    : name.startsWith('source:')
      ? `${name.slice('source:'.length)} source secret`
      : `${name.slice('target:'.length)} target secret`;

export function envSecrets(env: NodeJS.ProcessEnv = process.env): SecretStore {
  return {
    get(name) {
      const variable = envNameOf(name);
      const value = env[variable];
      if (value) return value;
      const file = env[`${variable}_FILE`];
      const missing = `Set ${variable}_FILE to a file that exists, with the secret on its first line.`;
      return file ? readSecretFile(file, secretLabel(name), missing) : undefined;
    },
    set(name) {
      throw new AppError('invalid_input', `This Planroom reads the ${secretLabel(name)} from its environment only.`, {
        hint: `Set ${envNameOf(name)}, or ${envNameOf(name)}_FILE naming a file with mode 0600, and restart it.`,
      });
    },
    remove() {
      // Nothing kept here: the environment is the owner's.
    },
    fromEnvironment: () => true,
    whereFor: (name) => `${envNameOf(name)} or ${envNameOf(name)}_FILE (mode 0600)`,
  };
}
