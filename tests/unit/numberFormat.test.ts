// The one number format: each unit with an explicit locale and currency, so the assertions hold
// on any machine. Missing figures read "no data", never 0 or a dash.
import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatMoney,
  formatNumber,
  NO_DATA,
  PLAIN_STYLE,
  type NumberStyle,
} from '../../shared/domain/numberFormat';
import { formatDelta, formatFigure } from '../../shared/planning/figures';
import { factLabel, factValue } from '../../shared/planning/exceptionFacts';
import { formatMetric, formatMetricChange, kpiLabel } from '../../shared/planning/kpiFormat';

const EN_EUR: NumberStyle = { locale: 'en', currency: 'EUR' };
const DE_EUR: NumberStyle = { locale: 'de-DE', currency: 'EUR' };
const EN_USD: NumberStyle = { locale: 'en', currency: 'USD' };
// Intl puts a no-break space (U+00A0 or U+202F) between a figure and its sign in some locales.
const spaces = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatNumber', () => {
  it('reads a ratio as a percentage: utilization 2.239 is 223.9%', () => {
    expect(formatNumber('pct', 2.239, EN_EUR)).toBe('223.9%');
    expect(formatNumber('pct', 0.95, EN_EUR)).toBe('95.0%');
    expect(spaces(formatNumber('pct', 0.953, DE_EUR))).toBe('95,3 %');
  });

  it('reads money in the cycle currency, without cents from 1,000 on', () => {
    expect(formatMoney(1234567.89, EN_EUR)).toBe('€1,234,568');
    expect(formatMoney(42.27, EN_EUR)).toBe('€42.27');
    expect(formatMoney(-3400, EN_USD)).toBe('-$3,400');
    expect(spaces(formatMoney(1234567.89, DE_EUR))).toBe('1.234.568 €');
  });

  it('reads money as a plain sum where the currency is not known', () => {
    expect(formatMoney(1234567.89, PLAIN_STYLE)).toBe('1,234,568');
    expect(formatMoney(42.27, PLAIN_STYLE)).toBe('42.27');
  });

  it('reads quantities in units, hours and days, with separators by locale', () => {
    expect(formatNumber('units', 15400, EN_EUR)).toBe('15,400 units');
    expect(formatNumber('units', 1, EN_EUR)).toBe('1 unit');
    expect(formatNumber('units', 15400, DE_EUR)).toBe('15.400 units');
    expect(formatNumber('hours', 1234.4, EN_EUR)).toBe('1,234 h');
    expect(formatNumber('days', 2.25, EN_EUR)).toBe('2.3 days');
    expect(formatNumber('count', 12000, EN_EUR)).toBe('12,000');
    expect(formatNumber('turns', 5.04, EN_EUR)).toBe('5.0');
  });

  it('reads a missing figure as "no data", never 0 or a dash', () => {
    for (const x of [null, undefined, Number.NaN])
      for (const unit of ['pct', 'money', 'units', 'count', 'hours', 'days', 'turns', 'ratio'] as const)
        expect(formatNumber(unit, x, EN_EUR)).toBe(NO_DATA);
    expect(formatNumber('money', 0, EN_EUR)).toBe('€0');
    expect(formatMoney(45, EN_EUR)).toBe('€45');
  });
});

describe('formatChange', () => {
  it('reads shares in points, money in the currency, a tiny change as ±0, unknown as nothing', () => {
    expect(formatChange('pct', 0.012, EN_EUR)).toBe('+1.2 pt');
    expect(formatChange('money', -3400, EN_EUR)).toBe('−€3,400');
    expect(formatChange('units', 12, EN_EUR)).toBe('+12 units');
    expect(formatChange('pct', 0.0001, EN_EUR)).toBe('±0');
    expect(formatChange('money', null, EN_EUR)).toBe('');
  });
});

describe('the faces that read through it', () => {
  it('figures of the comparison: "no data" for a missing one', () => {
    expect(formatFigure('pct', 2.239, EN_EUR)).toBe('223.9%');
    expect(formatFigure('money', 250000, EN_EUR)).toBe('€250,000');
    expect(formatFigure('money', null, EN_EUR)).toBe('no data');
    expect(formatDelta('days', 1.5, EN_EUR)).toBe('+1.5 days');
  });

  it('KPI figures by their unit and their change against the previous cycle', () => {
    expect(formatMetric('otif', 0.932, 'no data', EN_EUR)).toBe('93.2%');
    expect(formatMetric('turns', 5.04, 'no data', EN_EUR)).toBe('5.0');
    expect(formatMetric('freight_cost', 12345.6, 'no data', EN_EUR)).toBe('€12,346');
    expect(formatMetric('otif', null, 'no data', EN_EUR)).toBe('no data');
    expect(formatMetricChange('otif', 0.93, 0.95, EN_EUR)).toBe('−2.0 pt');
    expect(formatMetricChange('turns', 5, null, EN_EUR)).toBeNull();
  });

  it('exception facts by label and unit: "unit margin €42.27", "peak utilization 223.9%"', () => {
    expect([factLabel('unitMargin'), factValue('unitMargin', 42.27, EN_EUR)]).toEqual(['unit margin', '€42.27']);
    expect([factLabel('peakUtilization'), factValue('peakUtilization', 2.239, EN_EUR)]).toEqual([
      'peak utilization',
      '223.9%',
    ]);
    expect([factLabel('shortageQty'), factValue('shortageQty', 15400, EN_EUR)]).toEqual(['shortage', '15,400 units']);
    expect(factValue('basis', 'forecast_revision', EN_EUR)).toBe('forecast revision');
    expect(factValue('overloadHours', null, EN_EUR)).toBe('no data');
    expect(factLabel('someNewField')).toBe('some new field');
  });

  it('KPI ids by name', () => {
    expect(kpiLabel('service_level')).toBe('Service level (OTIF)');
    expect(kpiLabel('made_up_kpi')).toBe('made up kpi');
  });
});
