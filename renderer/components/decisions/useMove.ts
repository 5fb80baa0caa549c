// Moving a decision in the cycle's priority order, saved at once: the server's order is the
// truth, so the list reloads after each move (through the decision store's version) and the
// move is announced with the rank the server gave it.
import { useState } from 'react';
import type { AppErrorShape } from '../../../shared/domain/errors';
import type { DecisionInfoT } from '../../../shared/api';
import { call } from '../../api/client';
import { moveAnnouncement, stayAnnouncement } from '../../decisionLabels';
import { useDecisionStore } from '../../stores/decisionStore';

export type MoveTo = number | 'up' | 'down';

export function useMove(userName: string) {
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  async function move(d: DecisionInfoT, to: MoveTo): Promise<boolean> {
    setBusy(true);
    const r = await call('decision.move', { id: d.id, to, by: userName.trim() });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return false;
    }
    setError(null);
    const rank = r.data.order.find((o) => o.id === d.id)?.priorityRank ?? d.priorityRank;
    const total = r.data.order.length;
    setAnnouncement(
      rank === d.priorityRank ? stayAnnouncement(d.title, rank, total) : moveAnnouncement(d.title, rank, total),
    );
    useDecisionStore.getState().changed();
    return true;
  }

  return { move, announcement, setAnnouncement, error, busy };
}
