// How the Decisions page reads a decision (expected values in their KPI's figure, never 0 for a
// value nobody gave; history values; the move announcement) and the bytes of an exported file.
import { describe, expect, it } from 'vitest';
import {
  aimedFigure,
  changeValue,
  expectedText,
  moveAnnouncement,
  typedToValue,
  valueToTyped,
} from '../../renderer/decisionLabels';
import { fileBytes } from '../../renderer/fileBytes';

describe('decision labels', () => {
  it('gives an expected value in the figure its KPI is judged on', () => {
    expect(aimedFigure('service_level')).toMatchObject({ id: 'projected_otif', unit: 'pct' });
    expect(aimedFigure('inventory_turnover')).toMatchObject({ id: 'turns', unit: 'turns' });
    expect(aimedFigure(null)).toBeNull();
    expect(aimedFigure('no_such_kpi')).toBeNull();
    const kpi = { id: 'service_level', name: 'Service level' };
    expect(expectedText({ kpi, expectedValue: 0.953 })).toBe('Projected OTIF 95.3%');
    expect(expectedText({ kpi: { id: 'inventory_turnover', name: 'Turns' }, expectedValue: 6.25 })).toBe(
      'Inventory turns 6.3',
    );
    // No value given is said so, never shown as 0.
    expect(expectedText({ kpi, expectedValue: null })).toBe('no expected value');
    expect(expectedText({ kpi: null, expectedValue: 12 })).toBe('12');
  });

  it('takes a share typed in percent and shows it back the same', () => {
    expect(typedToValue('pct', 95)).toBeCloseTo(0.95);
    expect(valueToTyped('pct', 0.953)).toBe(95.3);
    expect(typedToValue('turns', 6)).toBe(6);
    expect(valueToTyped(undefined, 6)).toBe(6);
  });

  it('reads history values: statuses by label, nothing as none, input escaped and cut', () => {
    expect(changeValue('status', 'in_progress')).toBe('In progress');
    expect(changeValue('due_date', null)).toBe('none');
    expect(changeValue('owner', '')).toBe('none');
    expect(changeValue('priority_rank', 3)).toBe('3');
    expect(changeValue('expected_value', 0.95, 'pct')).toBe('95.0%');
    expect(changeValue('expected_value', 0.95)).toBe('0.95');
    expect(changeValue('owner', 'Dana\u202e\n')).toBe('Dana\\u202e\\n');
    expect(changeValue('title', 'x'.repeat(500)).length).toBeLessThanOrEqual(120);
  });

  it('announces a move with the rank out of the whole order', () => {
    expect(moveAnnouncement('Expedite the Lyon lane', 2, 5)).toBe('Moved Expedite the Lyon lane to 2 of 5');
    expect(moveAnnouncement('y'.repeat(300), 1, 2).length).toBeLessThan(100);
  });
});

describe('exported file bytes', () => {
  it('encodes text as UTF-8 and decodes base64 for binary formats', () => {
    const md = fileBytes({ fileName: 'm.md', mime: 'text/markdown', encoding: 'utf8', content: 'Größe €' });
    expect(new TextDecoder().decode(md)).toBe('Größe €');
    const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]);
    const xlsx = fileBytes({
      fileName: 'm.xlsx',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      encoding: 'base64',
      content: Buffer.from(bytes).toString('base64'),
    });
    expect([...xlsx]).toEqual([...bytes]);
  });
});
