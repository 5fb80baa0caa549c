// Parking an exception (`p` on the Exceptions list): the room agrees its figure cannot be
// discussed until the data behind it is fixed. It becomes a data issue with an owner and a
// deadline, and the exception is marked actioned with the issue's number, in one transaction.
import type { ApiInput, DataIssueT } from '../../shared/api';
import { AppError } from '../../shared/domain/errors';
import type { ExceptionType } from '../../shared/planning/exceptions';
import { EXCEPTION_TYPE_LABEL } from '../../shared/planning/exceptionTypeLabels';
import { exceptionSubject } from '../../shared/planning/outcome';
import { getCycle } from '../db/repos/cycles';
import { addComment, insertIssue, openParkedIssue, PARKED_KIND } from '../db/repos/dataIssues';
import { ISSUE_FIELDS } from '../db/repos/issueWrites';
import { reviewException } from '../db/repos/exceptions';
import { listSources } from '../db/repos/sources';
import { writeTx } from '../db/writeTx';
import { cycleIdOrCurrent } from './cycles';
import { dataIssueById } from './dataIssues';
import { dueOrThrow } from './decisions';
import { ensureComputed, exceptionOrThrow, type PlanningContext } from './planning';

/** The source system whose data each exception type stands on first. */
const TYPE_SOURCE: Record<ExceptionType, string> = {
  below_safety_stock: 'WMS',
  capacity_shortfall: 'ERP',
  otif_risk: 'TMS',
  demand_shift: 'ERP',
  logistics_cost_guardrail: 'TMS',
  kpi_breach: 'ERP',
};

export async function parkException(ctx: PlanningContext, input: ApiInput<'dataIssue.park'>): Promise<DataIssueT> {
  const cycleId = cycleIdOrCurrent(ctx.db, input.cycleId);
  await ensureComputed(ctx, cycleId);
  const exc = exceptionOrThrow(ctx, cycleId, input.key);
  const deadline = dueOrThrow(input.deadline, getCycle(ctx.db, cycleId)!, 'deadline')!;
  const type = exc.type as ExceptionType;
  const known = new Set(listSources(ctx.db).map((s) => s.id));
  const source = known.has(TYPE_SOURCE[type]) ? TYPE_SOURCE[type] : null;
  const subject = exceptionSubject({ ...exc, orderId: exc.order_id, kpiId: exc.kpi_id });
  const id = writeTx(ctx.db, 'data-issue', () => {
    // Checked inside the write: a second `p` on the same row (two laptops, a double key press)
    // names the issue it is already parked in instead of opening another.
    const already = openParkedIssue(ctx.db, cycleId, input.key);
    if (already) {
      throw new AppError('conflict', `This exception is already parked as data issue #${already.id}.`, {
        where: { field: 'key', value: subject },
        hint: 'Work that issue on the Data page (planroom data-issues), or close it first.',
      });
    }
    const issueId = insertIssue(ctx.db, {
      cycle_id: cycleId,
      kind: PARKED_KIND,
      source_id: source,
      fingerprint: `${PARKED_KIND}|${input.key}`,
      summary: `${EXCEPTION_TYPE_LABEL[type]} ${subject} parked: its data is to be fixed before it is discussed`,
      owner_role: input.ownerRole,
      assignee: input.assignee ?? null,
      deadline,
      evidence: JSON.stringify({ rows: [evidenceRow(exc)], total: 1 }),
      exception_key: input.key,
    });
    // A new issue: every merged field is set by this change.
    addComment(ctx.db, issueId, input.by, input.note || `Parked from the exception review.`, ISSUE_FIELDS);
    reviewException(
      ctx.db,
      cycleId,
      input.key,
      'actioned',
      `Parked as data issue #${issueId}: ${input.ownerRole}, deadline ${deadline}`,
      input.by,
    );
    return issueId;
  });
  return dataIssueById(ctx.db, id);
}

/** The exception as it stood when parked: what the owner is to check. */
function evidenceRow(exc: ReturnType<typeof exceptionOrThrow>): Record<string, unknown> {
  return {
    type: exc.type,
    sku: exc.sku,
    location: exc.location,
    family: exc.family,
    resource: exc.resource,
    lane: exc.lane,
    order: exc.order_id,
    from: exc.period_from,
    to: exc.period_to,
    peak: exc.peak_period,
    peakValue: exc.peak_value,
    valueAtRisk: exc.value_at_risk,
  };
}
