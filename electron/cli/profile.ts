// `planroom profile`: shows, sets or resets a source system's mapping profile (JSON), and prints
// the canonical schema a profile maps onto.
import type { ApiOutput } from '../../shared/api';
import { CANONICAL_TABLES, type CanonicalTableName, type SourceSystem } from '../../shared/domain/canonical';
import { readJsonFile } from '../jsonFile';
import { asOption, callApi, common, dbOption, EXIT, subcommandVerb, usage, type Io, type Verb } from './core';
import { sourceOption } from './format';

// A profile is set up before the first import: `set` and `reset` create the database if
// needed; `show` and `schema` only read, from an empty scratch database when there is none.
const create = { create: true };
const readOnly = { create: false, scratch: true };

export const profileVerb: Verb = subcommandVerb('profile', {
  summary: "Show, change or reset a source's mapping profile (JSON)",
  options: { ...common, ...dbOption, ...asOption },
  subs: {
    show: {
      usage: 'SOURCE',
      args: 1,
      async run(v, [src], io) {
        const source = sourceOption(src);
        return printStored(io, source, await callApi(io, v, 'profile.get', { source }, readOnly));
      },
    },
    set: {
      usage: 'SOURCE FILE.json|-',
      args: 2,
      async run(v, [src, file], io) {
        const source = sourceOption(src);
        if (file === undefined) throw usage('give the profile file (or - for standard input)');
        const profile = readJsonFile(file, 'Start from `planroom profile show SOURCE > profile.json`.');
        const stored = await callApi(io, v, 'profile.save', { source, profile, by: String(v.as) }, create);
        return printStored(io, source, stored);
      },
    },
    reset: {
      usage: 'SOURCE',
      args: 1,
      async run(v, [src], io) {
        const source = sourceOption(src);
        return printStored(io, source, await callApi(io, v, 'profile.reset', { source, by: String(v.as) }, create));
      },
    },
    schema: {
      usage: '[TABLE]',
      args: 1,
      async run(v, [name], io) {
        const table = name === undefined ? undefined : tableOption(name);
        const tables = await callApi(io, v, 'profile.schema', { table }, readOnly);
        if (v.json) io.out(JSON.stringify(tables, null, 2));
        else printSchema(io, tables);
        return EXIT.ok;
      },
    },
  },
  commonUsage: '[--as NAME] [--db FILE] [--json]',
});

/** The profile on stdout (to redirect into a file), whose it is on stderr. */
function printStored(io: Io, source: SourceSystem, stored: ApiOutput<'profile.get'>): number {
  io.out(JSON.stringify(stored.profile, null, 2));
  io.err(
    stored.customized
      ? `${source} profile: saved by ${stored.updatedBy} at ${stored.updatedAt}`
      : `${source} profile: the default that ships with Planroom`,
  );
  return EXIT.ok;
}

function tableOption(name: string): CanonicalTableName {
  const table = CANONICAL_TABLES.find((t) => t.name === name.toLowerCase());
  if (!table) throw usage(`unknown table "${name}" (one of ${CANONICAL_TABLES.map((t) => t.name).join(', ')})`);
  return table.name;
}

/** The canonical schema as text: per table its owner, meaning and key, then one line per column. */
function printSchema(io: Io, tables: ApiOutput<'profile.schema'>): void {
  for (const t of tables) {
    io.out(`${t.name} (${t.owner}): ${t.meaning}`);
    io.out(`  key: ${t.key.join(', ')}`);
    const width = Math.max(...t.columns.map((c) => c.name.length));
    for (const c of t.columns) {
      const values = c.allowed ? `one of ${c.allowed.join(', ')}` : c.min !== null ? `>= ${c.min}` : '';
      io.out(
        `  ${c.name.padEnd(width)}  ${c.type.padEnd(6)}  ${(c.required ? 'required' : 'optional').padEnd(8)}  ${values.padEnd(22)}  ${c.meaning}`.trimEnd(),
      );
    }
    io.out('');
  }
}
