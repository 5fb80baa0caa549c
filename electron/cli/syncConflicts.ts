// `planroom sync conflicts` and `planroom sync resolve`: the fields two laptops changed without
// seeing each other's change, each value with who, when and which laptop, and keeping one
// (registered by electron/cli/sync.ts).
import type { ApiOutput } from '../../shared/api';
import { callApi, EXIT, usage, type Io, type Subcommand } from './core';

type Conflicts = ApiOutput<'sync.conflicts'>;

const shown = (v: unknown): string => (v === null ? 'none' : JSON.stringify(v).slice(0, 120));

function conflictLines(list: Conflicts): string[] {
  if (list.length === 0) return ['no conflicts to resolve'];
  const lines: string[] = [];
  for (const c of list) {
    const what = c.entity === 'decision' ? `decision ${c.id}` : `data issue ${c.id}`;
    lines.push(`${what} "${c.label.slice(0, 80)}" ${c.field} (uid ${c.uid}), shown: ${shown(c.shown)}`);
    for (const k of c.candidates) {
      lines.push(`  ${shown(k.value)}  by ${k.actor.slice(0, 40)} at ${k.at} on laptop ${k.laptopId.slice(0, 12)}`);
    }
    lines.push(
      `  keep one: planroom sync resolve --${c.entity === 'decision' ? 'decision' : 'issue'} ${c.uid} --field ${c.field} --value VALUE --by NAME`,
    );
  }
  return lines;
}

export const conflictOptions = {
  decision: { type: 'string' },
  issue: { type: 'string' },
  field: { type: 'string' },
  value: { type: 'string' },
  by: { type: 'string' },
} as const;

export const conflictSubs: Record<string, Subcommand> = {
  conflicts: {
    usage: '',
    async run(v, _args, io: Io) {
      const list = await callApi(io, v, 'sync.conflicts', {});
      io.out(v.json ? JSON.stringify(list, null, 2) : conflictLines(list).join('\n'));
      return EXIT.ok;
    },
  },
  resolve: {
    usage: '--decision UID | --issue UID --field FIELD --value VALUE --by NAME',
    async run(v, _args, io: Io) {
      const uid = (v.decision ?? v.issue) as string | undefined;
      if (typeof uid !== 'string' || (v.decision && v.issue))
        throw usage('--decision UID or --issue UID (one of them)');
      for (const k of ['field', 'value', 'by'] as const)
        if (typeof v[k] !== 'string') throw usage(`--${k} is required`);
      const entity = v.decision ? ('decision' as const) : ('data_issue' as const);
      const list = await callApi(io, v, 'sync.conflicts', {});
      const c = list.find((x) => x.entity === entity && x.uid === uid && x.field === v.field);
      // The value as typed, matched to a candidate's (a number, or "none" for no value).
      const typed = v.value as string;
      const match = c?.candidates.find((k) => (k.value === null ? typed === 'none' : String(k.value) === typed));
      const left = await callApi(io, v, 'sync.resolveConflict', {
        entity,
        uid,
        field: v.field as string,
        value: match ? match.value : typed,
        by: v.by as string,
      });
      io.out(
        v.json ? JSON.stringify(left, null, 2) : [`kept ${typed.slice(0, 80)}`, ...conflictLines(left)].join('\n'),
      );
      return EXIT.ok;
    },
  },
};
