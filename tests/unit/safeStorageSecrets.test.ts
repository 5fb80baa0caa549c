// The Electron app's secrets with a fake safeStorage (the Electron binary does not run here):
// encrypted before they reach the JSON file (0600) in the user data folder, read back
// decrypted; refused with what to do when the system has no keyring; a Linux fallback to a
// fixed key ('basic_text') is flagged as weak where the Sync page says where it is kept.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeStorageSecrets, SECRETS_FILE, type SafeStorageLike } from '../../electron/secrets/safeStorageSecrets';
import { withEnvironment } from '../../electron/secrets/withEnvironment';
import { AppError } from '../../shared/domain/errors';
import { tempDir } from '../helpers/tmp';

/** A reversible stand-in for the OS's encryption: XOR with a key, then a marker. */
function fakeSafeStorage(opts: { available?: boolean; backend?: string } = {}): SafeStorageLike & { calls: string[] } {
  const key = 0x5a;
  const calls: string[] = [];
  return {
    calls,
    isEncryptionAvailable: () => opts.available ?? true,
    encryptString(plain) {
      calls.push('encrypt');
      return Buffer.concat([Buffer.from('v10'), Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ key))]);
    },
    decryptString(encrypted) {
      calls.push('decrypt');
      if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext');
      return Buffer.from(encrypted.subarray(3).map((b) => b ^ key)).toString('utf8');
    },
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
  };
}

const SECRET = 'correct-horse-battery-staple';

function refusal(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('safeStorageSecrets', () => {
  it('round-trips a secret, encrypted in a 0600 JSON file that never holds the clear text', () => {
    const dir = tempDir();
    const safe = fakeSafeStorage();
    const store = safeStorageSecrets(safe, dir, 'linux');
    expect(store.get('hub')).toBeUndefined();
    store.set('hub', SECRET);
    store.set('target:erp', 'erp-token');
    expect(store.get('hub')).toBe(SECRET);
    expect(store.get('target:erp')).toBe('erp-token');
    const file = join(dir, SECRETS_FILE);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('erp-token');
    expect(Object.keys((JSON.parse(text) as { secrets: object }).secrets)).toEqual(['hub', 'target:erp']);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(safe.calls).toContain('decrypt');
    // A fresh store (the app restarted) reads the same file.
    expect(safeStorageSecrets(fakeSafeStorage(), dir, 'linux').get('hub')).toBe(SECRET);
    expect(store.whereFor('hub')).toBe(`${file}, encrypted by the system keyring (gnome_libsecret)`);
    store.remove('hub');
    expect(store.get('hub')).toBeUndefined();
    expect(store.get('target:erp')).toBe('erp-token');
  });

  it('refuses to keep a secret without a keyring, pointing to the environment variable', () => {
    const dir = tempDir();
    const store = safeStorageSecrets(fakeSafeStorage({ available: false }), dir, 'linux');
    const e = refusal(() => store.set('hub', SECRET));
    expect(e.message).toBe('This system offers Planroom no keyring to encrypt the hub password with.');
    expect(e.hint).toMatch(
      /Start a keyring \(GNOME Keyring or KWallet\).*or set PLANROOM_HUB_PASSWORD \(or PLANROOM_HUB_PASSWORD_FILE/,
    );
    expect(JSON.stringify(e.toShape())).not.toContain(SECRET);
    const t = refusal(() =>
      safeStorageSecrets(fakeSafeStorage({ available: false }), dir, 'darwin').set('target:erp', 'x'),
    );
    expect(t.hint).toMatch(/^Set PLANROOM_TARGET_ERP_SECRET/);
    // With the environment in front, that variable is read instead.
    expect(withEnvironment(store, { PLANROOM_HUB_PASSWORD: 'env' }).get('hub')).toBe('env');
  });

  it('says the keyring is missing when Linux falls back to a fixed key (basic_text)', () => {
    const dir = tempDir();
    const store = safeStorageSecrets(fakeSafeStorage({ backend: 'basic_text' }), dir, 'linux');
    store.set('hub', SECRET);
    expect(store.get('hub')).toBe(SECRET);
    expect(store.whereFor('hub')).toMatch(/no keyring was found \(GNOME Keyring or KWallet\), so this is weak/);
    // Other systems have no such backend to ask about.
    expect(safeStorageSecrets(fakeSafeStorage(), dir, 'darwin').whereFor('hub')).toMatch(/the macOS Keychain$/);
  });

  it('refuses a secret this keyring cannot decrypt, without quoting the ciphertext', () => {
    const dir = tempDir();
    safeStorageSecrets(fakeSafeStorage(), dir, 'linux').set('hub', SECRET);
    const other: SafeStorageLike = {
      ...fakeSafeStorage(),
      decryptString: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      },
    };
    const e = refusal(() => safeStorageSecrets(other, dir, 'linux').get('hub'));
    expect(e.message).toBe("The kept hub password cannot be decrypted with this system's keyring.");
    expect(e.hint).toMatch(/Type it again on the Sync page/);
  });
});
