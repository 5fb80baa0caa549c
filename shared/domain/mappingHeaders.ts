// The source headers a file mapping reads. Apart from profile.ts so that the code that maps rows
// (which runs in the import worker) does not load zod with the profile schemas: a worker that
// starts faster starts the first import sooner.
import type { Derived, FileMapping } from './profile';

/** The source headers a derived column reads. */
export function derivedHeaders(d: Derived): string[] {
  if ('template' in d) return [...d.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  if ('product' in d) return d.product.filter((p): p is string => typeof p === 'string');
  return [d.weekOf];
}

/** The source headers a file mapping reads, for choosing the delimiter and checking the header. */
export function headersOf(f: FileMapping): string[] {
  const derived = Object.values(f.derived ?? {}).flatMap(derivedHeaders);
  return [...new Set([...Object.values(f.columns), ...derived])];
}
