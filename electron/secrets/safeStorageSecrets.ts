// Secrets of the Electron app: encrypted with Electron's safeStorage (the macOS Keychain,
// Windows DPAPI, or on Linux the desktop's keyring: GNOME libsecret, KWallet), the ciphertext
// kept base64 in one JSON file in the app's user data folder (mode 0600, written atomically).
// Never in SQLite, never in clear text on disk. main.ts wraps it in withEnvironment, so an
// environment variable still wins. safeStorage is passed in (only the methods used here) so the
// store is tested with a fake: the Electron binary does not run everywhere the tests do.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/domain/errors';
import { secretLabel } from './envSecrets';
import { privateDir, writePrivateFile } from './privateFile';
import { envNameOf, type SecretName, type SecretStore } from './secretStore';

/** The part of Electron's safeStorage this store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which keyring encrypts; 'basic_text' means none was found (a fixed key: weak). */
  getSelectedStorageBackend?(): string;
}

interface SecretsFile {
  version: 1;
  /** Secret name to its ciphertext, base64. */
  secrets: Record<string, string>;
}

export const SECRETS_FILE = 'secrets.json';

export function safeStorageSecrets(
  safe: SafeStorageLike,
  userDataDir: string,
  platform: NodeJS.Platform = process.platform,
): SecretStore {
  const file = join(userDataDir, SECRETS_FILE);
  const read = (): SecretsFile => {
    if (!existsSync(file)) return { version: 1, secrets: {} };
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<SecretsFile>;
      return { version: 1, secrets: { ...(parsed.secrets ?? {}) } };
    } catch (e) {
      throw new AppError('invalid_input', `The secrets file ${file} cannot be read: ${(e as Error).message}`, {
        hint: `Remove ${file} and set the passwords again on the Sync page.`,
      });
    }
  };
  const write = (data: SecretsFile): void => {
    privateDir(userDataDir);
    writePrivateFile(file, `${JSON.stringify(data, null, 2)}\n`);
  };
  const backend = (): string | undefined => (platform === 'linux' ? safe.getSelectedStorageBackend?.() : undefined);
  const noKeyring = (name: SecretName): AppError =>
    new AppError('conflict', `This system offers Planroom no keyring to encrypt the ${secretLabel(name)} with.`, {
      hint:
        platform === 'linux'
          ? `Start a keyring (GNOME Keyring or KWallet) and restart Planroom, or set ${envNameOf(name)} (or ${envNameOf(name)}_FILE naming a file with mode 0600) in its environment instead.`
          : `Set ${envNameOf(name)} (or ${envNameOf(name)}_FILE naming a file with mode 0600) in Planroom's environment instead.`,
    });
  return {
    get(name) {
      const stored = read().secrets[name];
      if (stored === undefined) return undefined;
      if (!safe.isEncryptionAvailable()) throw noKeyring(name);
      try {
        return safe.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        // Another user's or machine's keyring (a copied profile): the message never holds the ciphertext.
        throw new AppError(
          'conflict',
          `The kept ${secretLabel(name)} cannot be decrypted with this system's keyring.`,
          {
            hint: 'Type it again on the Sync page: it replaces the one that cannot be read.',
          },
        );
      }
    },
    set(name, value) {
      if (!safe.isEncryptionAvailable()) throw noKeyring(name);
      const data = read();
      data.secrets[name] = safe.encryptString(value).toString('base64');
      write(data);
    },
    remove(name) {
      const data = read();
      if (!Object.hasOwn(data.secrets, name)) return;
      delete data.secrets[name];
      write(data);
    },
    fromEnvironment: () => false,
    whereFor() {
      if (backend() === 'basic_text') {
        return `${file}, encrypted with a fixed key only: no keyring was found (GNOME Keyring or KWallet), so this is weak; the environment variable is safer`;
      }
      const by =
        platform === 'darwin'
          ? 'the macOS Keychain'
          : platform === 'win32'
            ? 'Windows (DPAPI)'
            : `the system keyring${backend() && backend() !== 'unknown' ? ` (${backend()})` : ''}`;
      return `${file}, encrypted by ${by}`;
    },
  };
}
