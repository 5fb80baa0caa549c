// "Take this cycle on the road": the current cycle as one .planroom file for a traveller's
// laptop (bundle.export), downloaded like the minutes. Opening it stays a command here (the
// desktop file association comes with issue 19), so the card says which one.
import { call } from '../../api/client';
import { ExportButtons, type ExportItem } from '../ExportButtons';

const BUNDLE: readonly ExportItem[] = [{ label: 'Export a cycle bundle', make: () => call('bundle.export', {}) }];

export function BundleCard() {
  return (
    <div className="card" aria-labelledby="bundle-card">
      <h2 id="bundle-card">Take this cycle on the road</h2>
      <p className="muted">
        One file with the current cycle: its snapshots, exceptions, KPIs, scenarios, agenda, attendance, decision log
        and data issues. Decisions made with it sync back through the hub like any other laptop's.
      </p>
      <ExportButtons items={BUNDLE} />
      <p className="muted small">
        On the other laptop: <code>planroom bundle import FILE.planroom</code>. A big cycle is exported with{' '}
        <code>planroom bundle export --cycle N --out FILE.planroom</code>.
      </p>
    </div>
  );
}
