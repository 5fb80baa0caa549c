// KPI triggers as people read them: the figure's label, the comparison in words and the value in
// the figure's unit; never the expression the engine records.
import { describe, expect, it } from 'vitest';
import { breachWords, parseTrigger, triggerWords } from '../../shared/planning/kpiFormat';
import { KPI_METRICS } from '../../shared/planning/settings';

const EN = { locale: 'en', currency: 'EUR' };

describe('triggerWords', () => {
  it('words the triggers of the brief', () => {
    expect(triggerWords({ metric: 'abs_bias', op: '>', value: 0.1 }, EN)).toBe('bias above 10%');
    expect(triggerWords({ metric: 'deviation_rate', op: '>', value: 0.05 }, EN)).toBe('logistics deviations above 5%');
  });

  it('keeps a decimal a threshold has: 0.955 reads 95.5%', () => {
    expect(triggerWords({ metric: 'fill_rate', op: '<', value: 0.955 }, EN)).toBe('fill rate below 95.5%');
  });

  it('words every comparison and every unit', () => {
    expect(triggerWords({ metric: 'otif', op: '<', value: 0.95 }, EN)).toBe('OTIF below 95%');
    expect(triggerWords({ metric: 'turns', op: '<=', value: 6 }, EN)).toBe('inventory turns at or below 6.0');
    expect(triggerWords({ metric: 'freight_cost', op: '>=', value: 25000 }, EN)).toBe(
      'freight cost at or above €25,000',
    );
  });

  it('has a label for every figure a KPI computes (no id shown)', () => {
    for (const metric of Object.values(KPI_METRICS).flat())
      expect(triggerWords({ metric, op: '>', value: 1 }, EN)).not.toContain('_');
  });
});

describe('breachWords', () => {
  it('reads a recorded breach in words', () => {
    expect(parseTrigger('abs_bias > 0.1')).toEqual({ metric: 'abs_bias', op: '>', value: 0.1 });
    expect(breachWords('abs_bias > 0.1', EN)).toBe('bias above 10%');
    expect(breachWords('otif >= 0.9', EN)).toBe('OTIF at or above 90%');
  });

  it('shows text that is not a trigger as it came', () => {
    expect(parseTrigger('otif is low')).toBeNull();
    expect(breachWords('otif is low', EN)).toBe('otif is low');
  });
});
