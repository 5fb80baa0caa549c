// A data issue's status in conflict (closed on one laptop, still open on another's last write)
// is resolved like any field, and who closed it and when follow the value kept: closing by
// resolution records the person and the time, keeping "open" clears them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyIssueWinners, issueUidOf } from '../../electron/db/repos/issueWrites';
import { insertWrites } from '../../electron/db/repos/fieldWrites';
import { openDemoApi, type DemoApi } from '../helpers/demoApi';
import { tempDir } from '../helpers/tmp';

describe('resolving a conflict on a data issue status', () => {
  const dir = tempDir('planroom-issue-conflict-', 'all');
  let api: DemoApi;
  let id: number;
  let uid: string;

  /** Two writes of `status` neither laptop saw the other make: a conflict. */
  const conflict = (n: number) => {
    const base = { entity: 'data_issue' as const, uid, field: 'status', bases: [], at: '2026-12-01T10:00:00.000Z' };
    insertWrites(api.db, [
      { ...base, value: 'open', hlc: `${1_800_000_000_000 + n}-0000-laptop-a`, laptopId: 'laptop-a', actor: 'Ana' },
      { ...base, value: 'closed', hlc: `${1_800_000_000_000 + n}-0000-laptop-b`, laptopId: 'laptop-b', actor: 'Ben' },
    ]);
    applyIssueWinners(api.db, id);
  };

  beforeAll(async () => {
    api = await openDemoApi(dir);
    const [issue] = await api.call('dataIssue.list', { status: 'open' });
    id = issue!.id;
    uid = issueUidOf(api.db, id);
  });
  afterAll(() => api?.close());

  it('records who closed it and when when "closed" is kept, and clears them when "open" is', async () => {
    conflict(1);
    const [c] = await api.call('sync.conflicts', {});
    expect(c).toMatchObject({ entity: 'data_issue', field: 'status' });
    const left = await api.call('sync.resolveConflict', {
      entity: 'data_issue',
      uid,
      field: 'status',
      value: 'closed',
      by: 'Dana',
    });
    expect(left).toEqual([]);
    const closed = (await api.call('dataIssue.list', {})).find((i) => i.id === id)!;
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(api.db.prepare('SELECT closed_by AS by FROM data_issues WHERE id = ?').get(id)).toEqual({ by: 'Dana' });

    conflict(2);
    await api.call('sync.resolveConflict', { entity: 'data_issue', uid, field: 'status', value: 'open', by: 'Dana' });
    const open = (await api.call('dataIssue.list', {})).find((i) => i.id === id)!;
    expect(open).toMatchObject({ status: 'open', closedAt: null });
  });
});
