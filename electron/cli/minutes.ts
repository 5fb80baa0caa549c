// `planroom minutes export`: the meeting's minutes as PDF, XLSX or Markdown, written to a file
// (its own name in the current folder unless --out), over the same call as the app's button.
import { callApi, common, cycleOption, dbOption, EXIT, optionalNumber, subcommandVerb, usage, type Verb } from './core';
import { reportFileOut, writeFileOut } from './fileOut';

const FORMATS = ['pdf', 'xlsx', 'md'] as const;
type Format = (typeof FORMATS)[number];

export const minutesVerb: Verb = subcommandVerb('minutes', {
  summary: "The meeting's minutes as PDF, XLSX or Markdown",
  options: {
    ...common,
    ...dbOption,
    ...cycleOption,
    format: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    // Who exported: recorded with the export's outbox entry for the hub.
    by: { type: 'string' },
  },
  default: 'export',
  subs: {
    export: {
      usage: '--format pdf|xlsx|md [--out FILE] [--force] [--by NAME]',
      async run(v, _args, io) {
        const format = v.format as string | undefined;
        if (!format || !(FORMATS as readonly string[]).includes(format)) {
          throw usage(`--format ${FORMATS.join('|')} is required${format ? `, not "${format.slice(0, 20)}"` : ''}`);
        }
        const file = await callApi(io, v, 'minutes.export', {
          cycleId: optionalNumber(v, 'cycle'),
          format: format as Format,
          by: typeof v.by === 'string' ? v.by : undefined,
        });
        const path = writeFileOut(file, v.out as string | undefined, v.force === true);
        io.out(reportFileOut(path, file, v.json === true));
        return EXIT.ok;
      },
    },
  },
  commonUsage: '[--cycle N] [--db FILE] [--json]',
});
