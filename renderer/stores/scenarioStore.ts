// The Scenarios page's state: the cycle's scenarios and the keys levers can name, the scenario
// open in the editor, the 1-4 compared beside the baseline with their outcomes, and the projection
// of one subject under each. Actions call the API client and then refresh what the change touches;
// an answer to a compare or projection older than the latest is dropped.
import { create } from 'zustand';
import type { ApiInput, ApiName, ApiOutput, ApiResult, ScenarioInfoT, ScenarioSubjectT } from '../../shared/api';
import type { AppErrorShape } from '../../shared/domain/errors';
import { isPeriod, periodRange } from '../../shared/domain/period';
import { call } from '../api/client';

export const MAX_COMPARED = 4;

type Out<K extends ApiName> = ApiOutput<K>;
export type Choice = Out<'scenario.choose'>;

export interface ScenarioState {
  list: Out<'scenario.list'> | null;
  keys: Out<'scenario.keys'> | null;
  listError: AppErrorShape | null;
  selectedId: number | null;
  compareIds: number[];
  /** The cycle the compare selection belongs to: a first look at a cycle compares its first scenarios. */
  compareCycle: number | null;
  comparison: Out<'scenario.compare'> | null;
  comparing: boolean;
  compareError: AppErrorShape | null;
  /** Numbers the compare calls; only the latest one's answer is kept. */
  compareSeq: number;
  subject: ScenarioSubjectT | null;
  projection: Out<'scenario.projection'> | null;
  /** The subject the projection shown is of (the picker may already name the next one). */
  projectionSubject: ScenarioSubjectT | null;
  projecting: boolean;
  projectionError: AppErrorShape | null;
  projectionSeq: number;
  /** The decisions recorded from this page, by scenario id. */
  choices: Record<number, Choice>;
  load(): Promise<void>;
  loadList(): Promise<void>;
  select(id: number | null): void;
  toggleCompare(id: number): void;
  setSubject(subject: ScenarioSubjectT | null): void;
  compare(): Promise<void>;
  project(): Promise<void>;
  create(input: ApiInput<'scenario.create'>): Promise<ApiResult<ScenarioInfoT>>;
  update(input: ApiInput<'scenario.update'>): Promise<ApiResult<ScenarioInfoT>>;
  duplicate(input: ApiInput<'scenario.duplicate'>): Promise<ApiResult<ScenarioInfoT>>;
  remove(input: ApiInput<'scenario.delete'>): Promise<ApiResult<Out<'scenario.delete'>>>;
  choose(input: ApiInput<'scenario.choose'>): Promise<ApiResult<Choice>>;
}

export const useScenarioStore = create<ScenarioState>((set, get) => {
  /** After a change: the list, then the comparison and projection in the background. */
  async function refresh(): Promise<void> {
    await get().loadList();
    void get().compare();
    void get().project();
  }

  /** A new scenario opens in the editor and joins the comparison while there is room. */
  async function adopt(r: ApiResult<ScenarioInfoT>): Promise<void> {
    if (!r.ok) return;
    const ids = get().compareIds;
    set({
      selectedId: r.data.id,
      compareIds: ids.length < MAX_COMPARED ? [...ids, r.data.id] : ids,
    });
    await refresh();
  }

  return {
    list: null,
    keys: null,
    listError: null,
    selectedId: null,
    compareIds: [],
    compareCycle: null,
    comparison: null,
    comparing: false,
    compareError: null,
    compareSeq: 0,
    subject: null,
    projection: null,
    projectionSubject: null,
    projecting: false,
    projectionError: null,
    projectionSeq: 0,
    choices: {},

    async load() {
      const [, keys] = await Promise.all([get().loadList(), call('scenario.keys', {})]);
      if (keys.ok) {
        set({ keys: keys.data });
        // The first resource, unless the subject picked still exists (another cycle may not have it).
        const subject = get().subject;
        const known =
          (subject?.kind === 'resource' && keys.data.resources.includes(subject.resource)) ||
          (subject?.kind === 'lane' && keys.data.lanes.includes(subject.lane)) ||
          subject?.kind === 'item';
        const first = keys.data.resources[0];
        if (!known) set({ subject: first ? { kind: 'resource', resource: first } : null });
      } else set({ listError: keys.error });
      void get().compare();
      void get().project();
    },

    async loadList() {
      const r = await call('scenario.list', {});
      if (!r.ok) {
        set({ listError: r.error });
        return;
      }
      const ids = new Set(r.data.scenarios.map((s) => s.id));
      const { selectedId, compareIds, compareCycle } = get();
      const first = compareCycle !== r.data.cycleId;
      set({
        list: r.data,
        listError: null,
        // A deleted scenario (or one of another cycle) leaves the editor and the comparison.
        selectedId: selectedId !== null && ids.has(selectedId) ? selectedId : (r.data.scenarios[0]?.id ?? null),
        compareIds: first
          ? r.data.scenarios.slice(0, MAX_COMPARED).map((s) => s.id)
          : compareIds.filter((id) => ids.has(id)),
        compareCycle: r.data.cycleId,
      });
    },

    select(id) {
      set({ selectedId: id });
    },

    toggleCompare(id) {
      const ids = get().compareIds;
      if (ids.includes(id)) set({ compareIds: ids.filter((x) => x !== id) });
      else if (ids.length < MAX_COMPARED) set({ compareIds: [...ids, id] });
      else return;
      void get().compare();
      void get().project();
    },

    setSubject(subject) {
      set({ subject });
      void get().project();
    },

    async compare() {
      const ids = get().compareIds;
      const mine = get().compareSeq + 1;
      if (ids.length === 0) {
        set({ compareSeq: mine, comparison: null, comparing: false, compareError: null });
        return;
      }
      set({ compareSeq: mine, comparing: true });
      const r = await call('scenario.compare', { ids });
      // The selection or a lever changed while this ran: a newer compare sets the state.
      if (get().compareSeq !== mine) return;
      set(
        r.ok
          ? { comparing: false, comparison: r.data, compareError: null }
          : { comparing: false, compareError: r.error },
      );
    },

    async project() {
      const { subject, compareIds } = get();
      const mine = get().projectionSeq + 1;
      if (!subject) {
        set({ projectionSeq: mine, projection: null, projectionSubject: null, projecting: false });
        return;
      }
      set({ projectionSeq: mine, projecting: true });
      const r = await call('scenario.projection', { ids: compareIds, subject });
      if (get().projectionSeq !== mine) return;
      set(
        r.ok
          ? { projecting: false, projection: r.data, projectionSubject: subject, projectionError: null }
          : { projecting: false, projectionError: r.error },
      );
    },

    async create(input) {
      const r = await call('scenario.create', input);
      await adopt(r);
      return r;
    },

    async update(input) {
      const r = await call('scenario.update', input);
      if (r.ok) await refresh();
      return r;
    },

    async duplicate(input) {
      const r = await call('scenario.duplicate', input);
      await adopt(r);
      return r;
    },

    async remove(input) {
      const r = await call('scenario.delete', input);
      if (r.ok) await refresh();
      return r;
    },

    async choose(input) {
      const r = await call('scenario.choose', input);
      if (r.ok) {
        set({ choices: { ...get().choices, [input.id]: r.data } });
        await refresh();
      }
      return r;
    },
  };
});

const NONE: ScenarioInfoT[] = [];
export const selectScenarios = (s: ScenarioState): ScenarioInfoT[] => s.list?.scenarios ?? NONE;

export const selectSelected = (s: ScenarioState): ScenarioInfoT | null =>
  s.list?.scenarios.find((x) => x.id === s.selectedId) ?? null;

/** The horizon's periods, from its first period and length (ISO weeks); memoise it on `list`. */
export function horizonPeriods(list: ScenarioState['list']): string[] {
  if (!list) return [];
  const { from, to, periods } = list.horizon;
  return isPeriod(from) ? periodRange(from, periods) : [from, to];
}
