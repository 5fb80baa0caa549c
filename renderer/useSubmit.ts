import { useState, type SyntheticEvent } from 'react';
import type { ApiResult } from '../shared/api';
import type { AppErrorShape } from '../shared/domain/errors';

/** The state every form shares: busy while the call runs, then the API's error or a done line. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [done, setDone] = useState<string | null>(null);

  /** Runs the call; on success `onOk` may refresh views and returns the line to show (or ''). */
  async function submit<T>(
    e: SyntheticEvent,
    action: () => Promise<ApiResult<T>>,
    onOk: (data: T) => string | Promise<string>,
  ): Promise<boolean> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await action();
    if (r.ok) setDone((await onOk(r.data)) || null);
    else setError(r.error);
    setBusy(false);
    return r.ok;
  }

  return { busy, error, done, submit };
}
