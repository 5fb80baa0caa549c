// The decisions (this laptop's ids) with a conflict between laptops, for the Decisions page's
// badge; read again whenever the list it marks is read again.
import { useEffect, useState } from 'react';
import { call } from '../../api/client';

export function useConflictIds(reloadKey: unknown): Set<number> {
  const [ids, setIds] = useState<Set<number>>(new Set());
  useEffect(() => {
    let live = true;
    void call('sync.conflicts', {}).then((r) => {
      if (live && r.ok) setIds(new Set(r.data.filter((c) => c.entity === 'decision').map((c) => c.id)));
    });
    return () => {
      live = false;
    };
  }, [reloadKey]);
  return ids;
}
