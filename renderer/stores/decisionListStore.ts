// The Decisions page's state: the filters, the cycle's ranked list as the server filtered it,
// the owners to filter by (from the whole list), and the decision open in the detail. The list
// reloads when the filters change and when useDecisionStore's version does (after any decision
// write, from this page or the capture form); an answer older than the latest is dropped.
import { create } from 'zustand';
import type { AGENDA_FUNCTIONS, ApiInput, ApiOutput, DecisionStatus } from '../../shared/api';
import type { AppErrorShape } from '../../shared/domain/errors';
import { call } from '../api/client';

export interface DecisionFilters {
  status: DecisionStatus[];
  owner: string;
  fn: (typeof AGENDA_FUNCTIONS)[number] | '';
  /** ISO date from the date input, '' for none. */
  dueBefore: string;
  q: string;
}

export const NO_FILTERS: DecisionFilters = { status: [], owner: '', fn: '', dueBefore: '', q: '' };

export const hasFilters = (f: DecisionFilters): boolean =>
  f.status.length > 0 || f.owner !== '' || f.fn !== '' || f.dueBefore !== '' || f.q.trim() !== '';

/** The filters as the contract takes them: only those set. */
export function listInput(f: DecisionFilters): ApiInput<'decision.list'> {
  const input: ApiInput<'decision.list'> = {};
  if (f.status.length) input.status = f.status;
  if (f.owner) input.owner = f.owner;
  if (f.fn) input.function = f.fn;
  if (f.dueBefore) input.dueBefore = f.dueBefore;
  if (f.q.trim()) input.q = f.q.trim();
  return input;
}

export interface DecisionListState {
  filters: DecisionFilters;
  list: ApiOutput<'decision.list'> | null;
  /** Every owner of the cycle's decisions, for the owner filter (the filtered list may hide some). */
  owners: string[];
  loading: boolean;
  error: AppErrorShape | null;
  seq: number;
  /** The decision shown in the detail panel. */
  openId: number | null;
  load(): Promise<void>;
  setFilters(patch: Partial<DecisionFilters>): void;
  clearFilters(): void;
  open(id: number | null): void;
}

export const useDecisionListStore = create<DecisionListState>((set, get) => ({
  filters: NO_FILTERS,
  list: null,
  owners: [],
  loading: false,
  error: null,
  seq: 0,
  openId: null,

  async load() {
    const seq = get().seq + 1;
    set({ seq, loading: true });
    const filters = get().filters;
    const [r, all] = await Promise.all([
      call('decision.list', listInput(filters)),
      hasFilters(filters) ? call('decision.list', {}) : null,
    ]);
    if (seq !== get().seq) return;
    if (!r.ok) {
      set({ loading: false, error: r.error });
      return;
    }
    const everyone = all?.ok ? all.data.decisions : r.data.decisions;
    const owners = [...new Set(everyone.map((d) => d.owner))].sort((a, b) => a.localeCompare(b));
    // Keep an owner picked even when no decision has it any more: the select must show the filter.
    if (filters.owner && !owners.includes(filters.owner)) owners.push(filters.owner);
    set({ list: r.data, owners, loading: false, error: null });
  },

  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
    void get().load();
  },

  clearFilters() {
    set({ filters: NO_FILTERS });
    void get().load();
  },

  open(id) {
    set({ openId: id });
  },
}));
