// Which view each agenda item opens: the monthly and quarterly templates' items by their
// function, an unknown function by its owner role or title, and an item that matches nothing.
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENDA, QUARTERLY_AGENDA } from '../../electron/db/repos/agenda';
import { AGENDA_FUNCTIONS } from '../../shared/calls/decisions';
import { KPI_METRICS } from '../../shared/planning/settings';
import { agendaItemFromHash, routeFromHash } from '../../renderer/routes';
import {
  AGENDA_VIEWS,
  agendaItemHash,
  agendaTarget,
  agendaView,
  type AgendaItemLike,
} from '../../shared/planning/agendaViews';

const item = (r: { title: string; function: string; owner_role: string }): AgendaItemLike => ({
  title: r.title,
  function: r.function,
  ownerRole: r.owner_role,
});

describe('agendaTarget', () => {
  it('opens each monthly template item on its view, the first keeping its follow-up', () => {
    expect(
      DEFAULT_AGENDA.map((r) => agendaTarget(item(r))).map((t) => (t.kind === 'view' ? t.view.id : t.kind)),
    ).toEqual(['follow-up', 'demand', 'supply', 'logistics', 'warehouse', 'finance', 'decisions']);
  });

  it('opens the quarterly template items alike; the strategy item (executive) opens the decision log', () => {
    expect(
      QUARTERLY_AGENDA.map((r) => agendaTarget(item(r))).map((t) => (t.kind === 'view' ? t.view.id : t.kind)),
    ).toEqual(['follow-up', 'demand', 'supply', 'logistics', 'warehouse', 'finance', 'decisions', 'decisions']);
  });

  it('decides by the function, not the title: a renamed item keeps its view', () => {
    expect(agendaView({ function: 'supply', title: 'Plants', ownerRole: 'Dana' })?.id).toBe('supply');
    expect(agendaView({ function: 'demand', title: 'Warehouse talk', ownerRole: 'Finance' })?.id).toBe('demand');
  });

  it('has an answer for every function the database allows', () => {
    for (const f of AGENDA_FUNCTIONS)
      expect(agendaTarget({ function: f, title: 'x', ownerRole: 'y' }).kind).not.toBe('none');
  });

  it('reads an unknown function by owner role, then title, in whole words', () => {
    expect(agendaView({ function: 'other', title: 'Freight tender', ownerRole: 'Dana' })?.id).toBe('logistics');
    expect(agendaView({ function: 'other', title: 'Freight tender', ownerRole: 'Sales' })?.id).toBe('demand');
    expect(agendaView({ function: 'other', title: 'Good cooperation', ownerRole: 'Team' })).toBeNull();
  });

  it('opens no view for a custom item that matches nothing, and says why', () => {
    const t = agendaTarget({ function: 'other', title: 'Any other business', ownerRole: 'Facilitator' });
    expect(t.kind).toBe('none');
    expect(t.kind === 'none' && t.reason).toMatch(/opens no view/);
    expect(agendaView({ function: 'review', title: "Last cycle's decisions", ownerRole: 'Facilitator' })).toBeNull();
  });
});

describe('AGENDA_VIEWS', () => {
  it('names only figures its KPIs compute, and groups a breakdown by a KPI dimension', () => {
    for (const v of Object.values(AGENDA_VIEWS)) {
      for (const c of v.columns) expect(KPI_METRICS[c.kpiId]).toContain(c.metric);
      expect(v.columns.length > 0).toBe(v.dimension !== null);
    }
  });

  it('routes an item by its id', () => {
    expect(agendaItemHash(12)).toBe('#/agenda/item/12');
  });
});

describe('agendaItemFromHash', () => {
  it('reads the item of an agenda view address, and nothing else', () => {
    expect(agendaItemFromHash('#/agenda/item/12')).toBe(12);
    expect(routeFromHash('#/agenda/item/12')).toBe('agenda');
    for (const h of ['#/agenda', '#/agenda/item/', '#/agenda/item/1x', '#/exceptions', ''])
      expect(agendaItemFromHash(h)).toBeNull();
  });
});
