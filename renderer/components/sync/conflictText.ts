// How a field in conflict and its values read for people (DOM-free).
import type { DecisionStatus } from '../../../shared/calls/decisions';
import { STATUS_LABEL } from '../../decisionLabels';

export const FIELD_LABEL: Record<string, string> = {
  title: 'title',
  rationale: 'rationale',
  owner: 'owner',
  due_date: 'due date',
  status: 'status',
  expected_value: 'expected value',
  assignee: 'assignee',
  deadline: 'deadline',
  owner_role: 'owner role',
};

export function valueText(field: string, v: string | number | null): string {
  if (v === null) return 'no value';
  if (field === 'status' && typeof v === 'string' && v in STATUS_LABEL) return STATUS_LABEL[v as DecisionStatus];
  return String(v);
}
