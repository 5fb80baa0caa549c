// The decision open in the detail panel, read again after every decision write (the decision
// store's version), so a move or a change made elsewhere shows here too. An answer for a
// decision no longer open is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DecisionDetailT } from '../../../shared/api';
import type { AppErrorShape } from '../../../shared/domain/errors';
import { call } from '../../api/client';
import { useDecisionStore } from '../../stores/decisionStore';

export function useDecisionDetail(id: number | null) {
  const version = useDecisionStore((s) => s.version);
  const [detail, setDetail] = useState<DecisionDetailT | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const asked = useRef(0);

  const load = useCallback(async (): Promise<void> => {
    const seq = ++asked.current;
    if (id === null) {
      setDetail(null);
      return;
    }
    const r = await call('decision.get', { id });
    if (seq !== asked.current) return;
    if (r.ok) {
      setDetail(r.data);
      setError(null);
    } else setError(r.error);
  }, [id]);

  useEffect(() => {
    void load();
  }, [load, version]);

  // The one shown belongs to another decision while the new one loads: not shown as this one.
  const shown = detail && detail.id === id ? detail : null;
  return { detail: shown, error, reload: load, setDetail };
}
