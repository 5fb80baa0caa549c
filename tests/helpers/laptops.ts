// Laptops for the merge tests: the demo company on a first laptop, and other laptops made from a
// copy of its database file (as a cycle bundle does: the same uids, a new laptop id), each called
// through the API contract like the app.
import { randomBytes } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../electron/db/open';
import { apiOn, openDemoApi, type DemoApi } from './demoApi';

export interface Laptop extends DemoApi {
  path: string;
}

export function openFile(path: string): Laptop {
  return { ...apiOn(openDatabase(path), path), path };
}

export async function firstLaptop(dir: string): Promise<Laptop> {
  const api = await openDemoApi(dir);
  await api.close();
  return openFile(join(dir, 'p.db'));
}

/** A copy of a closed database file as another laptop's (its own laptop id), opened. */
export function copyFileLaptop(from: string, path: string): Laptop {
  copyFileSync(from, path);
  const copy = openDatabase(path);
  copy.prepare("UPDATE sync_state SET value = ? WHERE key = 'laptop_id'").run(randomBytes(16).toString('hex'));
  copy.close();
  return openFile(path);
}

/** Another laptop from a copy of `from`'s database (SQLite backup API), with its own laptop id. */
export async function copyLaptop(from: Laptop, path: string): Promise<Laptop> {
  await from.db.backup(path);
  const copy = openDatabase(path);
  copy.prepare("UPDATE sync_state SET value = ? WHERE key = 'laptop_id'").run(randomBytes(16).toString('hex'));
  copy.close();
  return openFile(path);
}
