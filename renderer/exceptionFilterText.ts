// The filters in force on the exception list, as short phrases: one chip each, and the count
// line ("1,234 exceptions · type Capacity shortfall · family Tools") joins them.
import { REVIEW_LABEL, TYPE_LABEL } from './exceptionLabels';
import type { ExceptionInfoT } from '../shared/api';
import type { ExceptionType } from '../shared/planning/exceptions';

export interface ExceptionFilters {
  type: ExceptionType | '';
  reviewStatus: ExceptionInfoT['reviewStatus'] | '';
  includeResolved: boolean;
  /** Exact values ('' = any), typed in the search or chosen from a roll-up group. */
  sku: string;
  family: string;
  resource: string;
  lane: string;
  /** The KPI owner role that answers for it ('' = any). */
  ownerRole: string;
}
export const NO_FILTERS: ExceptionFilters = {
  type: '',
  reviewStatus: '',
  includeResolved: false,
  sku: '',
  family: '',
  resource: '',
  lane: '',
  ownerRole: '',
};

export type SearchField = 'sku' | 'family' | 'resource' | 'lane';

export const SEARCH_LABEL: Record<SearchField, string> = {
  sku: 'SKU',
  family: 'family',
  resource: 'resource',
  lane: 'lane',
};

export interface FilterPhrase {
  /** What removing the chip resets. */
  reset: Partial<ExceptionFilters>;
  text: string;
}

export function filterPhrases(f: ExceptionFilters): FilterPhrase[] {
  const out: FilterPhrase[] = [];
  if (f.type) out.push({ reset: { type: '' }, text: `type ${TYPE_LABEL[f.type]}` });
  for (const field of Object.keys(SEARCH_LABEL) as SearchField[]) {
    if (f[field]) out.push({ reset: { [field]: '' }, text: `${SEARCH_LABEL[field]} ${f[field]}` });
  }
  if (f.ownerRole) out.push({ reset: { ownerRole: '' }, text: `owner ${f.ownerRole}` });
  if (f.reviewStatus) out.push({ reset: { reviewStatus: '' }, text: `review ${REVIEW_LABEL[f.reviewStatus]}` });
  if (f.includeResolved) out.push({ reset: { includeResolved: false }, text: 'also no longer raised' });
  return out;
}
