import { useEffect, useState } from 'react';
import type { ScenarioSubjectT } from '../../shared/api';
import { call } from '../api/client';
import { ProjectionChart } from '../charts/ProjectionChart';
import { useScenarioStore } from '../stores/scenarioStore';
import { ErrorBanner } from './ErrorBanner';
import { KeySelect } from './LeverInputs';

type Kind = ScenarioSubjectT['kind'];
type Item = { sku: string; location: string };
const KIND_LABEL: Record<Kind, string> = { item: 'Item-location', resource: 'Resource', lane: 'Lane' };
const itemKey = (i: Item): string => `${i.sku}@${i.location}`;
const subjectKey = (s: ScenarioSubjectT): string =>
  `${s.kind}:${s.kind === 'item' ? itemKey(s) : s.kind === 'resource' ? s.resource : s.lane}`;

/** One item-location, resource or lane projected under the baseline and each compared scenario. */
export function ScenarioProjection() {
  const keys = useScenarioStore((s) => s.keys);
  const subject = useScenarioStore((s) => s.subject);
  const projection = useScenarioStore((s) => s.projection);
  const shown = useScenarioStore((s) => s.projectionSubject);
  const projecting = useScenarioStore((s) => s.projecting);
  const error = useScenarioStore((s) => s.projectionError);
  const setSubject = useScenarioStore((s) => s.setSubject);
  const [kind, setKind] = useState<Kind>(subject?.kind ?? 'resource');
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<Item[]>([]);

  // Item-locations whose sku starts with what is typed (the API returns at most 50).
  useEffect(() => {
    if (kind !== 'item') return;
    let live = true;
    const t = setTimeout(() => {
      void call('scenario.keys', { itemQuery: query.trim() }).then((r) => live && r.ok && setItems(r.data.items));
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [kind, query]);

  function changeKind(next: Kind): void {
    setKind(next);
    if (next === 'resource' && keys?.resources[0]) setSubject({ kind: 'resource', resource: keys.resources[0] });
    else if (next === 'lane' && keys?.lanes[0]) setSubject({ kind: 'lane', lane: keys.lanes[0] });
    else if (next === 'item' && items[0]) setSubject({ kind: 'item', ...items[0] });
    else setSubject(null);
  }

  const current = subject?.kind === 'item' ? itemKey(subject) : '';
  return (
    <div aria-label="Projection under each scenario">
      <div className="form-row filters">
        <label>
          Projection of
          <select aria-label="Projection of" value={kind} onChange={(e) => changeKind(e.target.value as Kind)}>
            {(Object.keys(KIND_LABEL) as Kind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        {kind === 'item' && (
          <>
            <label>
              Search SKU
              <input value={query} onChange={(e) => setQuery(e.target.value)} placeholder="SKU starts with…" />
            </label>
            <KeySelect
              label="Item-location"
              value={current || null}
              options={items.map(itemKey)}
              onChange={(v) => {
                const item = items.find((i) => itemKey(i) === v);
                if (item) setSubject({ kind: 'item', ...item });
              }}
            />
          </>
        )}
        {kind === 'resource' && keys && (
          <KeySelect
            label="Resource"
            value={subject?.kind === 'resource' ? subject.resource : null}
            options={keys.resources}
            onChange={(resource) => resource && setSubject({ kind: 'resource', resource })}
          />
        )}
        {kind === 'lane' && keys && (
          <KeySelect
            label="Lane"
            value={subject?.kind === 'lane' ? subject.lane : null}
            options={keys.lanes}
            onChange={(lane) => lane && setSubject({ kind: 'lane', lane })}
          />
        )}
        {projecting && (
          <span className="muted small" role="status">
            Projecting…
          </span>
        )}
      </div>
      {error && <ErrorBanner error={error} onRetry={() => void useScenarioStore.getState().project()} />}
      {!subject && <p className="muted small">Pick what to project.</p>}
      {projection && shown && (
        <div className={projecting ? 'stale' : ''} data-testid="projection-chart" data-subject={subjectKey(shown)}>
          <ProjectionChart kind={shown.kind} projection={projection} />
        </div>
      )}
    </div>
  );
}
