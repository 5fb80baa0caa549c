// The current cycle and the imported snapshots, loaded from the API. Actions call the client
// and store the typed result; components read through selectors.
import { create } from 'zustand';
import type { ApiInput, ApiName, ApiOutput, ApiResult, CycleOverviewT, SnapshotInfoT } from '../../shared/api';
import type { AppErrorShape } from '../../shared/domain/errors';
import { call } from '../api/client';

type Load = 'idle' | 'loading' | 'ready' | 'error';

export interface CycleState {
  overview: CycleOverviewT | null;
  snapshots: SnapshotInfoT[];
  status: Load;
  error: AppErrorShape | null;
  loadOverview(): Promise<void>;
  loadSnapshots(): Promise<void>;
  /** Imports one source folder, then refreshes; resolves to the error, if any, for the form to show. */
  importSnapshot(input: ApiInput<'snapshot.import'>): Promise<ActionResult<'snapshot.import'>>;
  createCycle(input: ApiInput<'cycle.create'>): Promise<ActionResult<'cycle.create'>>;
  /** Changes the current cycle's time zone, then refreshes the overview. */
  setTimeZone(input: ApiInput<'cycle.setTimeZone'>): Promise<ActionResult<'cycle.setTimeZone'>>;
}

export type ActionResult<K extends ApiName> = ApiResult<ApiOutput<K>>;

export const useCycleStore = create<CycleState>((set, get) => ({
  overview: null,
  snapshots: [],
  status: 'idle',
  error: null,
  async loadOverview() {
    set({ status: 'loading' });
    const r = await call('cycle.overview', {});
    if (r.ok) set({ overview: r.data, status: 'ready', error: null });
    else set({ status: 'error', error: r.error });
  },
  async loadSnapshots() {
    const r = await call('snapshot.list', {});
    if (r.ok) set({ snapshots: r.data, error: null });
    else set({ error: r.error });
  },
  async importSnapshot(input) {
    const r = await call('snapshot.import', input);
    if (r.ok) await Promise.all([get().loadSnapshots(), get().loadOverview()]);
    return r;
  },
  async createCycle(input) {
    const r = await call('cycle.create', input);
    if (r.ok) await Promise.all([get().loadSnapshots(), get().loadOverview()]);
    return r;
  },
  async setTimeZone(input) {
    const r = await call('cycle.setTimeZone', input);
    if (r.ok) await get().loadOverview();
    return r;
  },
}));

export const selectAgendaMinutes = (s: CycleState): number =>
  s.overview?.agenda.reduce((n, a) => n + a.minutes, 0) ?? 0;
export const selectStaleSources = (s: CycleState): string[] =>
  s.overview?.sources.filter((x) => x.stale).map((x) => x.source) ?? [];
