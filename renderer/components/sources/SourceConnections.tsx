// The Data page's "Pull from" cards, one per source system: the saved connections (source.list)
// and the tables each source's mapping profile maps (profile.get), read once; each card then
// keeps its own status up to date from the answers of its calls.
import { useCallback, useEffect, useState } from 'react';
import type { SourceConnectionStatusT } from '../../../shared/api';
import { SOURCE_SYSTEMS, type SourceSystem } from '../../../shared/domain/canonical';
import type { AppErrorShape } from '../../../shared/domain/errors';
import { call } from '../../api/client';
import { useCycleStore } from '../../stores/cycleStore';
import { ErrorBanner } from '../ErrorBanner';
import { mappedTables, type MappedTable } from './mappedTables';
import { SourceConnectionCard } from './SourceConnectionCard';

type Statuses = Partial<Record<SourceSystem, SourceConnectionStatusT>>;

export function SourceConnections() {
  const [statuses, setStatuses] = useState<Statuses | null>(null);
  const [tables, setTables] = useState<Partial<Record<SourceSystem, MappedTable[]>>>({});
  const [error, setError] = useState<AppErrorShape | null>(null);
  const loadSnapshots = useCycleStore((s) => s.loadSnapshots);
  const loadOverview = useCycleStore((s) => s.loadOverview);

  const load = useCallback(async () => {
    const r = await call('source.list', {});
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setStatuses(Object.fromEntries(r.data.map((s) => [s.source, s])) as Statuses);
  }, []);

  useEffect(() => {
    void load();
    for (const source of SOURCE_SYSTEMS) {
      void call('profile.get', { source }).then((r) => {
        if (r.ok) setTables((t) => ({ ...t, [source]: mappedTables(r.data.profile) }));
      });
    }
  }, [load]);

  const set = (s: SourceConnectionStatusT) => setStatuses((all) => ({ ...all, [s.source]: s }));

  if (error) return <ErrorBanner error={error} onRetry={() => void load()} />;
  if (!statuses) return <p className="muted source-loading">Loading the source connections…</p>;
  return (
    <>
      {SOURCE_SYSTEMS.map((source) => (
        <SourceConnectionCard
          key={source}
          source={source}
          status={statuses[source] ?? null}
          tables={tables[source] ?? null}
          onStatus={set}
          onRemoved={() =>
            setStatuses((all) => {
              const rest = { ...all };
              delete rest[source];
              return rest;
            })
          }
          onPulled={async () => {
            await Promise.all([load(), loadSnapshots(), loadOverview()]);
          }}
        />
      ))}
    </>
  );
}
