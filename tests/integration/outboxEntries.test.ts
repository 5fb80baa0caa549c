// What goes to the hub besides the decision log (issue 17 item 1): every change a person makes to
// a data issue (park, assign, comment, close) and every exception review writes its outbox entry
// in the same transaction, keyed by this laptop's id and the change's own row; a refused change
// writes none, and reconciliation's own closes are not sent. Each minutes export records itself
// once its file is made (what, which file, its size and SHA-256, when, by whom).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApi, type DemoApi } from '../helpers/demoApi';
import { tempDir } from '../helpers/tmp';

describe('outbox entries for data issues and reviews', () => {
  const dir = tempDir('planroom-outbox-', 'all');
  let api: DemoApi;
  let laptop: string;
  const entries = (kind: string) =>
    api.db.prepare('SELECT idempotency_key k, payload FROM outbox WHERE kind = ? ORDER BY id').all(kind) as {
      k: string;
      payload: string;
    }[];

  beforeAll(async () => {
    api = await openDemoApi(dir);
    laptop = (await api.call('sync.status', {})).laptopId;
  });
  afterAll(() => api.close());

  it('writes one entry per data-issue change by a person, with the issue after it', async () => {
    const exc = (await api.call('exception.list', { type: 'capacity_shortfall', limit: 1 })).rows[0]!;
    const bad = await api.fail('dataIssue.park', { key: exc.key, ownerRole: 'Ops', deadline: 'someday', by: 'Ana' });
    expect(bad.code).toBe('invalid_input');
    expect(entries('data_issue_change')).toEqual([]);

    const issue = await api.call('dataIssue.park', {
      key: exc.key,
      ownerRole: 'Ops',
      deadline: '2031-01-10',
      by: 'Ana',
    });
    await api.call('dataIssue.assign', { id: issue.id, assignee: 'Ben', by: 'Ana' });
    await api.call('dataIssue.comment', { id: issue.id, author: 'Ben', body: 'Checking the routing.' });
    await api.call('dataIssue.close', { id: issue.id, by: 'Ben', reason: 'Routing fixed.' });
    const sent = entries('data_issue_change');
    expect(sent).toHaveLength(4);
    for (const e of sent) expect(e.k).toMatch(new RegExp(`^data_issue_change:${laptop}:${issue.id}:\\d+$`));
    expect(new Set(sent.map((e) => e.k)).size).toBe(4);
    const last = JSON.parse(sent.at(-1)!.payload) as { issue: Record<string, unknown>; comment: { body: string } };
    expect(last.issue).toMatchObject({ id: issue.id, status: 'closed', assignee: 'Ben', exception_key: exc.key });
    expect(last.issue.evidence).toBeUndefined();
    expect(last.comment.body).toBe('Routing fixed.');

    // Reconciliation closing what it raised is each laptop's own derivation: nothing is sent.
    await api.call('dataIssue.reconcile', {});
    expect(entries('data_issue_change')).toHaveLength(4);
  });

  it('writes one entry per exception review, the park’s “actioned” included', async () => {
    const reviews = entries('exception_review');
    expect(reviews).toHaveLength(1); // the park above marked its exception actioned
    const exc = (await api.call('exception.list', { type: 'otif_risk', limit: 1 })).rows[0]!;
    await api.call('exception.review', { key: exc.key, status: 'reviewed', note: 'seen', by: 'Ana' });
    const now = entries('exception_review');
    expect(now).toHaveLength(2);
    expect(now[1]!.k).toMatch(new RegExp(`^exception_review:${laptop}:\\d+$`));
    expect(JSON.parse(now[1]!.payload)).toMatchObject({ key: exc.key, status: 'reviewed', note: 'seen', by: 'Ana' });
  });

  it('records each minutes export once, with its file’s size and SHA-256; a refused export records nothing', async () => {
    const bad = await api.fail('minutes.export', { cycleId: 9999, format: 'md', by: 'Ana' });
    expect(bad.code).toBe('not_found');
    expect(entries('minutes_export')).toEqual([]);

    const cycle = (await api.call('cycle.list', {}))[0]!;
    const md = await api.call('minutes.export', { format: 'md', by: 'Ana' });
    const xlsx = await api.call('minutes.export', { cycleId: cycle.id, format: 'xlsx' });
    const sent = entries('minutes_export');
    expect(sent).toHaveLength(2);
    const file = (f: typeof md) => Buffer.from(f.content, f.encoding === 'base64' ? 'base64' : 'utf8');
    for (const [entry, f, format, by] of [
      [sent[0]!, md, 'md', 'Ana'],
      [sent[1]!, xlsx, 'xlsx', null],
    ] as const) {
      const bytes = file(f);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const payload = JSON.parse(entry.payload) as { exportedAt: string };
      expect(payload).toEqual({
        cycleId: cycle.id,
        cycleName: cycle.name,
        format,
        fileName: f.fileName,
        bytes: bytes.length,
        sha256,
        exportedAt: payload.exportedAt,
        by,
      });
      expect(new Date(payload.exportedAt).toISOString()).toBe(payload.exportedAt);
      expect(entry.k).toBe(`minutes_export:${laptop}:${cycle.id}:${sha256}:${payload.exportedAt}`);
    }
  });
});
