import { useEffect, useState } from 'react';
import type { ProgressInfoT } from '../shared/api';
import { call } from './api/client';

const POLL_MS = 300;

/** Polls progress.get for a running operation while `id` is set; null before the first report. */
export function useProgress(id: string | null): ProgressInfoT | null {
  const [progress, setProgress] = useState<ProgressInfoT | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!id) return;
    let stopped = false;
    const poll = async () => {
      const r = await call('progress.get', { id });
      if (!stopped && r.ok && r.data) setProgress(r.data);
    };
    const timer = window.setInterval(() => void poll(), POLL_MS);
    void poll();
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [id]);
  return progress;
}
