// The CLI's and browser mode's secrets: kept beside the database in a folder only its owner can
// enter (0700), one file per secret only its owner can read (0600), written atomically; a file
// left readable by others is refused with the chmod; the environment wins; remove deletes it.
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSecrets, secretFileName, secretsDirOf } from '../../electron/secrets/fileSecrets';
import { AppError } from '../../shared/domain/errors';
import { tempDir } from '../helpers/tmp';

const posix = process.platform !== 'win32';
const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe('fileSecrets', () => {
  it('keeps a secret in a 0600 file in a 0700 folder beside the database, and reads it back', () => {
    const db = join(tempDir(), 'plan.db');
    const store = fileSecrets(db, {});
    expect(store.get('hub')).toBeUndefined();
    store.set('hub', 'pa ss wörd');
    const dir = secretsDirOf(db);
    expect(dir).toBe(`${db}.secrets`);
    expect(store.get('hub')).toBe('pa ss wörd');
    expect(readFileSync(join(dir, 'hub'), 'utf8')).toBe('pa ss wörd\n');
    if (posix) {
      expect(modeOf(dir)).toBe(0o700);
      expect(modeOf(join(dir, 'hub'))).toBe(0o600);
    }
    // Replaced whole, and no temporary file left behind.
    store.set('hub', 'second');
    expect(store.get('hub')).toBe('second');
    expect(readdirSync(dir)).toEqual(['hub']);
    expect(store.whereFor('hub')).toBe(`${join(dir, 'hub')}, a file only you can read`);
  });

  it('stays 0600 and 0700 whatever the umask', () => {
    if (!posix) return;
    let old: number;
    try {
      old = process.umask(0);
    } catch {
      return; // a worker thread cannot change the umask
    }
    try {
      const db = join(tempDir(), 'plan.db');
      fileSecrets(db, {}).set('target:erp', 'token');
      expect(modeOf(secretsDirOf(db))).toBe(0o700);
      expect(modeOf(join(secretsDirOf(db), 'target-erp'))).toBe(0o600);
    } finally {
      process.umask(old);
    }
  });

  it('names files so that no name leaves the folder or collides with another', () => {
    expect(secretFileName('hub')).toBe('hub');
    expect(secretFileName('target:erp-1')).toBe('target-erp-1');
    expect(secretFileName('target:../../etc/passwd')).toBe('target-_2e__2e__2f__2e__2e__2f_etc_2f_passwd');
    expect(secretFileName('target:a_b')).not.toBe(secretFileName('target:a-b'));
    expect(secretFileName('target:hub')).not.toBe(secretFileName('hub'));
  });

  it('refuses a kept file that others can read, with the chmod to run, and without the secret', () => {
    if (!posix) return;
    const db = join(tempDir(), 'plan.db');
    const store = fileSecrets(db, {});
    store.set('hub', 'hunter2-loose');
    const file = join(secretsDirOf(db), 'hub');
    chmodSync(file, 0o644);
    let error: unknown;
    try {
      store.get('hub');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/can be read by others \(mode 644\)/);
    expect((error as AppError).hint).toBe(`Run chmod 600 ${file}; the secret is not read until then.`);
    expect(JSON.stringify((error as AppError).toShape())).not.toContain('hunter2-loose');
    // Setting it again writes a fresh 0600 file.
    store.set('hub', 'hunter2-loose');
    expect(modeOf(file)).toBe(0o600);
    expect(store.get('hub')).toBe('hunter2-loose');
  });

  it('lets the environment win, and refuses to keep one the environment would shadow', () => {
    const dir = tempDir();
    const db = join(dir, 'plan.db');
    fileSecrets(db, {}).set('hub', 'kept');
    const env = { PLANROOM_HUB_PASSWORD: 'from-env' };
    const store = fileSecrets(db, env);
    expect(store.get('hub')).toBe('from-env');
    expect(store.whereFor('hub')).toBe('the environment variable PLANROOM_HUB_PASSWORD');
    expect(store.fromEnvironment('hub')).toBe(true);
    expect(fileSecrets(db, {}).fromEnvironment('hub')).toBe(false);
    expect(() => store.set('hub', 'typed')).toThrow(/PLANROOM_HUB_PASSWORD is set in this Planroom's environment/);
    expect(fileSecrets(db, {}).get('hub')).toBe('kept');

    const pw = join(dir, 'pw');
    writeFileSync(pw, 'from-file\n', { mode: 0o600 });
    const viaFile = fileSecrets(db, { PLANROOM_HUB_PASSWORD_FILE: pw });
    expect(viaFile.get('hub')).toBe('from-file');
    expect(viaFile.whereFor('hub')).toBe('the file named by PLANROOM_HUB_PASSWORD_FILE');
    // A target's variable is its own: the hub's does not shadow it.
    expect(store.get('target:erp')).toBeUndefined();
    store.set('target:erp', 'erp-token');
    expect(fileSecrets(db, { PLANROOM_TARGET_ERP_SECRET: 'env-token' }).get('target:erp')).toBe('env-token');
  });

  it('removes a kept secret, and removing none is no error', () => {
    const db = join(tempDir(), 'plan.db');
    const store = fileSecrets(db, {});
    store.remove('hub');
    store.set('hub', 'x');
    store.set('target:erp', 'y');
    store.remove('hub');
    expect(store.get('hub')).toBeUndefined();
    expect(store.get('target:erp')).toBe('y');
    expect(readdirSync(secretsDirOf(db))).toEqual(['target-erp']);
  });
});
