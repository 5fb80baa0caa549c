import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/domain/errors';
import { dispatch, type Handlers } from '../../shared/dispatch';

const handlers = {
  'app.info': () => ({ version: '1', dbPath: 'x', schemaVersion: 1 }),
  'cycle.overview': (input: { cycleId?: number }) => {
    throw new AppError('not_found', `No cycle with id ${input.cycleId}.`);
  },
  'cycle.list': () => {
    throw new Error('boom');
  },
} as unknown as Handlers;

describe('dispatch', () => {
  it('returns data for a valid call', async () => {
    expect(await dispatch(handlers, 'app.info', {})).toEqual({
      ok: true,
      data: { version: '1', dbPath: 'x', schemaVersion: 1 },
    });
  });
  it('names the field of invalid input', async () => {
    const r = await dispatch(handlers, 'cycle.overview', { cycleId: -1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', where: { field: 'cycleId' } } });
  });
  it('turns expected failures into typed results and bugs into internal errors', async () => {
    expect(await dispatch(handlers, 'cycle.overview', { cycleId: 4 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'No cycle with id 4.' },
    });
    expect(await dispatch(handlers, 'cycle.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await dispatch(handlers, 'nope', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('contract validation', () => {
  it('refuses an impossible ISO week before any service runs', async () => {
    const { api } = await import('../../shared/api');
    expect(
      api['cycle.create'].input.safeParse({ name: 'x', meetingAt: '2026-12-01T09:00:00Z', startPeriod: '2026-W00' })
        .success,
    ).toBe(false);
    expect(
      api['cycle.create'].input.safeParse({ name: 'x', meetingAt: '2026-12-01T09:00:00Z', startPeriod: '2026-W53' })
        .success,
    ).toBe(true);
    expect(
      api['cycle.create'].input.safeParse({ name: 'x', meetingAt: '2026-12-01T09:00:00Z', startPeriod: '2025-W53' })
        .success,
    ).toBe(false);
  });
});

describe('the contract', () => {
  it('merges the groups of calls into one map, and names a call declared twice', async () => {
    const { api, duplicateCallNames } = await import('../../shared/api');
    expect(Object.keys(api)).toContain('scenario.choose');
    expect(duplicateCallNames([{ 'a.x': 1, 'a.y': 2 }, { 'b.x': 3 }])).toEqual([]);
    expect(duplicateCallNames([{ 'a.x': 1 }, { 'a.x': 2, 'b.y': 3 }, { 'a.x': 4 }])).toEqual(['a.x']);
  });
});
