// `planroom demo`: writes the demo company as ERP, TMS, WMS and CRM export files into a folder.
import { shownName } from '../../shared/domain/displayName';
import { DEMO_SIZES, type DemoSize } from '../demo/company';
import { generateDemo } from '../demo/generate';
import { ProgressLine } from '../progressLine';
import { common, EXIT, optionalNumber, usage, type Verb } from './core';

export const demoVerb: Verb = {
  summary: 'Write the demo company as ERP, TMS, WMS and CRM exports',
  usage: 'planroom demo --out DIR [--size S|M|L|XL] [--seed N] [--json]',
  options: { ...common, size: { type: 'string', default: 'S' }, out: { type: 'string' }, seed: { type: 'string' } },
  async run(v, _p, io) {
    const size = String(v.size).toUpperCase();
    if (!DEMO_SIZES.includes(size as DemoSize)) throw usage(`--size must be one of ${DEMO_SIZES.join(', ')}`);
    if (typeof v.out !== 'string') throw usage('--out DIR is required');
    const seed = optionalNumber(v, 'seed');
    if (seed !== undefined && !Number.isSafeInteger(seed)) throw usage('--seed must be a whole number');
    const progress = new ProgressLine(io);
    const files = await generateDemo({
      size: size as DemoSize,
      out: v.out,
      seed,
      onProgress: (p) => progress.update(`demo ${size}: file ${p.filesDone + 1}/${p.filesTotal} ${p.file}`, p.rows),
    });
    progress.done();
    if (v.json) io.out(JSON.stringify({ size, out: v.out, files }, null, 2));
    else {
      for (const f of files)
        io.out(`${f.source}  ${f.table.padEnd(20)} ${String(f.rows).padStart(10)}  ${shownName(f.path)}`);
      io.out(`${files.reduce((n, f) => n + f.rows, 0)} rows in ${files.length} files under ${shownName(v.out)}`);
    }
    return EXIT.ok;
  },
};
