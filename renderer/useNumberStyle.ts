// The renderer's number style: the browser's language for the separators and the current
// cycle's currency for money. Components format through it so every page reads alike.
import { useMemo } from 'react';
import type { NumberStyle } from '../shared/domain/numberFormat';
import { useCycleStore } from './stores/cycleStore';

/** The language the person reads in; 'en' where the browser names none. */
export const browserLocale = (): string => (typeof navigator !== 'undefined' && navigator.language) || 'en';

/** The style for the current cycle; money reads as a plain sum until the cycle has loaded. */
export function useNumberStyle(): NumberStyle {
  const currency = useCycleStore((s) => s.overview?.cycle.currency ?? null);
  return useMemo(() => ({ locale: browserLocale(), currency }), [currency]);
}
