// The window's title per page: the page's label from the route table, the cycle when there is one.
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../renderer/routes';
import { documentTitle } from '../../renderer/documentTitle';

describe('documentTitle', () => {
  it('names the page, then the cycle, then the app', () => {
    expect(documentTitle('exceptions', '2026-12 S&OP')).toBe('Exceptions · 2026-12 S&OP · Planroom');
  });
  it('leaves the cycle out before there is one', () => {
    expect(documentTitle('agenda', null)).toBe('Agenda · Planroom');
  });
  it('has a title for every route', () => {
    for (const r of ROUTES) expect(documentTitle(r.id, 'C')).toBe(`${r.label} · C · Planroom`);
  });
});
