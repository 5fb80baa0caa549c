// Agenda item 1, "Last cycle's decisions": every decision of the previous cycle with its status,
// the KPI it aimed at, what it expected and what this cycle's data says now, overdue marked, and
// the "why it diverged" note written in this meeting.
import { useEffect, useState } from 'react';
import type { ApiOutput, FollowUpItemT } from '../../../shared/api';
import { shownName } from '../../../shared/domain/displayName';
import type { AppErrorShape } from '../../../shared/domain/errors';
import { figureById, formatFigure } from '../../../shared/planning/figures';
import type { NumberStyle } from '../../../shared/domain/numberFormat';
import { useNumberStyle } from '../../useNumberStyle';
import { call } from '../../api/client';
import { STATUS_LABEL } from '../../decisionLabels';
import { useDecisionStore } from '../../stores/decisionStore';
import { useUserName } from '../../useUserName';
import { ErrorBanner } from '../ErrorBanner';
import { FollowUpNote } from './FollowUpNote';

type FollowUpData = ApiOutput<'decision.followUp'>;

/** A figure in its unit; a value the data does not give is "no data", never 0 or a dash. */
function figureText(figure: string | null, x: number | null, style?: NumberStyle): string {
  const f = figure ? figureById(figure) : undefined;
  if (x === null || !f) return 'no data';
  return formatFigure(f.unit, x, style);
}

export function FollowUp() {
  const version = useDecisionStore((s) => s.version);
  const [data, setData] = useState<FollowUpData | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loads, setLoads] = useState(0);
  const [userName, setUserName] = useUserName();
  const style = useNumberStyle();
  const [askName] = useState(() => !userName.trim());

  useEffect(() => {
    let live = true;
    void call('decision.followUp', {}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.data);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [version, loads]);

  const replace = (item: FollowUpItemT): void =>
    setData((d) => (d ? { ...d, items: d.items.map((i) => (i.decision.id === item.decision.id ? item : i)) } : d));

  if (error) return <ErrorBanner error={error} onRetry={() => setLoads(loads + 1)} />;
  if (!data) return <p className="muted small followup-state">Loading last cycle’s decisions…</p>;
  if (!data.previousCycle) {
    return (
      <p className="muted small followup-state" role="note">
        No previous cycle: this is the first, so there are no decisions to follow up yet.
      </p>
    );
  }
  const from = shownName(data.previousCycle.name);
  if (data.items.length === 0) {
    return (
      <p className="muted small followup-state" role="note">
        {from} recorded no decisions.
      </p>
    );
  }
  return (
    <div className="followup" aria-label="Last cycle's decisions">
      <p className="small muted">
        The {data.items.length} decision(s) of {from}; the value now is from this cycle’s KPIs.
      </p>
      {askName && (
        <label className="who followup-who">
          Your name
          <input
            value={userName}
            onChange={(e) => setUserName(e.target.value)}
            placeholder="for the notes written here"
          />
        </label>
      )}
      <table className="grid compact" aria-label="Follow-up of last cycle's decisions">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>Decision</th>
            <th>Status</th>
            <th>Due</th>
            <th>KPI</th>
            <th className="num">Expected</th>
            <th className="num">Now</th>
            <th>Why it diverged</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((item) => {
            const d = item.decision;
            return (
              <tr key={d.id} data-decision={d.id} className={d.overdue ? 'overdue' : undefined}>
                <td className="num">{d.priorityRank}</td>
                <td>
                  <div className="strong">{shownName(d.title, 200)}</div>
                  <div className="muted small">owner {shownName(d.owner)}</div>
                </td>
                <td>
                  <span className={`badge${d.status === 'done' ? ' ok' : ''}`}>{STATUS_LABEL[d.status]}</span>
                </td>
                <td className="nowrap">
                  {d.dueDate ?? <span className="muted">no due date</span>}
                  {d.overdue && <span className="badge warn overdue-badge">overdue</span>}
                </td>
                <td>{d.kpi ? d.kpi.name : <span className="muted">none</span>}</td>
                <td className="num">{figureText(item.figure, item.expected, style)}</td>
                <td className="num">{figureText(item.figure, item.actual, style)}</td>
                <td className="followup-note-cell">
                  <FollowUpNote item={item} userName={userName.trim()} onSaved={replace} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
