// `planroom snapshots`: lists the imported snapshots, or the rows an import set aside.
import { shownName, shownText } from '../../shared/domain/displayName';
import {
  callApi,
  common,
  dbOption,
  EXIT,
  optionalNumber,
  requiredNumber,
  subcommandVerb,
  usage,
  type Verb,
} from './core';

export const snapshotsVerb: Verb = subcommandVerb('snapshots', {
  summary: 'List imported snapshots, or the rows an import set aside',
  options: { ...common, ...dbOption, id: { type: 'string' }, offset: { type: 'string' }, limit: { type: 'string' } },
  default: 'list',
  subs: {
    list: {
      usage: '',
      async run(v, _args, io) {
        const list = await callApi(io, v, 'snapshot.list', {});
        if (v.json) io.out(JSON.stringify(list, null, 2));
        else
          for (const s of list) {
            io.out(
              `${String(s.id).padStart(5)}  ${s.source.padEnd(4)} exported ${s.extractedAt}  ${String(s.rowCount).padStart(9)} rows${s.rejectedCount ? `, ${s.rejectedCount} rejected` : ''}  ${shownName(s.origin)}`,
            );
          }
        return EXIT.ok;
      },
    },
    rejected: {
      usage: '--id N [--offset N] [--limit N]',
      async run(v, _args, io) {
        if (v.id === undefined) throw usage('--id N is required');
        const r = await callApi(io, v, 'snapshot.rejected', {
          snapshotId: requiredNumber(v, 'id'),
          offset: optionalNumber(v, 'offset'),
          limit: optionalNumber(v, 'limit'),
        });
        if (v.json) io.out(JSON.stringify(r, null, 2));
        else {
          for (const row of r.rows) {
            io.out(
              `${shownName(row.file)}${row.sheet ? ` [${shownName(row.sheet)}]` : ''} row ${row.row}${row.column ? `, column ${shownName(row.column)}` : ''}${row.value !== null ? ` ${shownName(JSON.stringify(row.value))}` : ''}: ${shownText(row.reason)}`,
            );
          }
          io.out(`${r.rows.length} of ${r.total} rejected row(s)`);
        }
        return EXIT.ok;
      },
    },
  },
  commonUsage: '[--db FILE] [--json]',
});
