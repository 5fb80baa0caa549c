// How a KPI figure reads, the same in the app and the CLI: turns as a number, freight as money,
// every other figure a share in %.

/** A KPI figure as text; `missing` stands for a figure that has nothing to be computed over. */
export function formatMetric(metric: string, x: number | null | undefined, missing = '–'): string {
  if (x === null || x === undefined) return missing;
  if (metric === 'turns') return x.toFixed(1);
  if (metric === 'freight_cost') return Math.round(x).toLocaleString('en');
  return `${(x * 100).toFixed(1)}%`;
}
