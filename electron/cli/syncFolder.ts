// `planroom sync folder`: sets (or removes) a file drop, a folder where the decision log and the
// data issues are written as CSV and XLSX for a system without an API. The sync runs write them.
import { resolve } from 'node:path';
import type { ApiOutput } from '../../shared/api';
import { FileDropConfig } from '../../shared/calls/sync';
import { shownName } from '../../shared/domain/displayName';
import { callApi, EXIT, usage, type Io, type Subcommand } from './core';

type Format = 'csv' | 'xlsx';
const FORMATS: readonly Format[] = ['csv', 'xlsx'];

/** The flags `sync folder` reads (spread into the sync verb's options). */
export const syncFolderOptions = {
  id: { type: 'string' },
  folder: { type: 'string' },
  formats: { type: 'string' },
} as const;

/** `--formats csv,xlsx` as the list, or a usage error naming the flag and the value. */
function formatsOf(value: unknown): Format[] | undefined {
  if (value === undefined) return undefined;
  const list = String(value)
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const bad = list.find((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad !== undefined || list.length === 0) {
    throw usage(`--formats takes csv, xlsx or csv,xlsx, not "${shownName(String(value), 40)}"`);
  }
  return [...new Set(list as Format[])];
}

/** The id as the contract takes it, refused here so the message names the flag. */
function idOf(value: unknown): string {
  if (typeof value !== 'string') throw usage('--id NAME is required (lower-case letters, digits and dashes)');
  const parsed = FileDropConfig.shape.id.safeParse(value);
  if (!parsed.success) {
    throw usage(`--id "${shownName(value, 40)}": ${parsed.error.issues[0]?.message ?? 'not a target name'}`);
  }
  return parsed.data;
}

/** The subcommand; `statusLines` is the sync verb's status printer, so both print alike. */
export function syncFolderSub(statusLines: (s: ApiOutput<'sync.status'>) => string[]): Subcommand {
  return {
    usage: '--id ID --folder DIR [--formats csv,xlsx] | --id ID --remove',
    async run(v, _args, io) {
      const id = idOf(v.id);
      if (v.remove) {
        if (v.folder !== undefined || v.formats !== undefined) throw usage('--remove takes --id only');
        const s = await callApi(io, v, 'sync.removeTarget', { target: id });
        print(io, v, s, [`${id} removed; the outbox keeps its entries`, ...statusLines(s)]);
        return EXIT.ok;
      }
      if (typeof v.folder !== 'string' || v.folder.trim() === '') {
        throw usage('--folder DIR is required: the folder the other system reads');
      }
      const formats = formatsOf(v.formats);
      // A path typed in a terminal is read from where it was typed; the target keeps it absolute.
      const folder = resolve(v.folder);
      const s = await callApi(io, v, 'sync.setTarget', { kind: 'file', id, folder, formats });
      print(io, v, s, statusLines(s));
      return EXIT.ok;
    },
  };
}

function print(io: Io, v: Record<string, unknown>, data: unknown, lines: string[]): void {
  io.out(v.json ? JSON.stringify(data, null, 2) : lines.join('\n'));
}
