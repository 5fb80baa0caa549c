import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { REVIEW_STATUSES, type ApiOutput } from '../../shared/api';
import { EXCEPTION_KPI } from '../../shared/planning/decisionAim';
import { call } from '../api/client';
import { REVIEW_LABEL, subjectOf } from '../exceptionLabels';
import { factLabel, factValue } from '../../shared/planning/exceptionFacts';
import { breachWords, formatMetric, metricFace } from '../../shared/planning/kpiFormat';
import { formatNumber } from '../../shared/domain/numberFormat';
import { fmtDateTime } from '../format';
import { useNumberStyle } from '../useNumberStyle';
import { useDecisionStore } from '../stores/decisionStore';
import { useExceptionStore } from '../stores/exceptionStore';
import { isTyping } from './decisions/captureFields';
import { useSubmit } from '../useSubmit';
import { useUserName } from '../useUserName';
import { FormResult } from './FormResult';
import { ExceptionCharts } from './exceptionCharts/ExceptionCharts';

type Detail = ApiOutput<'exception.get'>;
type Interval = { from: string; to: string; peak: string; peakValue: number; total: number };
type Line = { line: number; sku: string; committed: string; eta: string | null; reason: string };

/** One exception opened up: what raised it, since when, and its review status, note and trail. */
export function ExceptionDetail({ exceptionKey, userName }: { exceptionKey: string; userName: string }) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [status, setStatus] = useState<Detail['reviewStatus']>('new');
  const [note, setNote] = useState('');
  const { busy, error, done, submit } = useSubmit();
  const patchRow = useExceptionStore((s) => s.patchRow);
  const [, setUserName] = useUserName();
  /** Asked in the form when no reviewer name is set yet (never a disabled button). */
  const [name, setName] = useState('');
  const openCapture = useDecisionStore((s) => s.openCapture);
  const box = useRef<HTMLDivElement>(null);
  const style = useNumberStyle();

  useEffect(() => {
    let live = true;
    void call('exception.get', { key: exceptionKey }).then((r) => {
      if (!live || !r.ok) return;
      setDetail(r.data);
      setStatus(r.data.reviewStatus);
      setNote(r.data.note ?? '');
    });
    return () => {
      live = false;
    };
  }, [exceptionKey]);

  // Opened to be worked on: once it shows, the focus comes here, so `d` decides at once.
  const loaded = detail !== null;
  useEffect(() => {
    if (loaded) box.current?.focus({ preventScroll: true });
  }, [loaded]);

  if (!detail) return <p className="muted small">Loading…</p>;
  const current = detail;

  /** "Decide": the capture form, linked to this exception and prefilled with the KPI it moves. */
  function decide(): void {
    openCapture({
      kind: 'exception',
      exceptionKey,
      subject: subjectOf(current),
      kpiId: current.kpiId ?? EXCEPTION_KPI[current.type],
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (e.key !== 'd' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || isTyping(e.target)) return;
    e.preventDefault();
    decide();
  }
  const d = detail.detail;
  const intervals = Array.isArray(d.intervals) ? (d.intervals as Interval[]) : [];
  const lines = Array.isArray(d.lines) ? (d.lines as Line[]) : [];
  const facts = Object.entries(d).filter(([, v]) => typeof v !== 'object' || v === null);
  // A KPI breach: its figures by name and unit, and the triggers it breaches in words.
  const metrics =
    d.metrics && typeof d.metrics === 'object' ? Object.entries(d.metrics as Record<string, number | null>) : [];
  const triggers = Array.isArray(d.triggers) ? (d.triggers as string[]) : [];
  // Gaps are hours of load on a resource, units of stock elsewhere.
  const gapUnit = detail.type === 'capacity_shortfall' ? 'hours' : 'units';

  return (
    <div
      className="issue-detail"
      role="group"
      aria-label="Exception detail"
      aria-keyshortcuts="d"
      tabIndex={-1}
      ref={box}
      onKeyDown={onKeyDown}
    >
      <div className="detail-head">
        <p className="small">
          First raised in <strong>{detail.firstSeen.name}</strong>
          {detail.resolvedAt && <> · no longer raised since {fmtDateTime(detail.resolvedAt)}</>}
        </p>
        <button type="button" className="primary" aria-keyshortcuts="d" onClick={decide}>
          Decide <kbd aria-hidden="true">D</kbd>
        </button>
      </div>
      {facts.length > 0 && (
        <dl className="facts">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{factLabel(k)}</dt>
              <dd>{factValue(k, v, style)}</dd>
            </div>
          ))}
          {metrics.map(([m, x]) => (
            <div key={`metric:${m}`}>
              <dt>{metricFace(m).label}</dt>
              <dd>{formatMetric(m, x, 'no data', style)}</dd>
            </div>
          ))}
          {triggers.length > 0 && (
            <div>
              <dt>breaches</dt>
              <dd>{triggers.map((t) => breachWords(t, style)).join(', ')}</dd>
            </div>
          )}
        </dl>
      )}
      <ExceptionCharts exceptionKey={exceptionKey} type={detail.type} />
      {intervals.length > 0 && (
        <table className="grid compact" aria-label="Breach intervals">
          <thead>
            <tr>
              <th>From</th>
              <th>To</th>
              <th>Peak</th>
              <th className="num">Peak gap</th>
              <th className="num">Total gap</th>
            </tr>
          </thead>
          <tbody>
            {intervals.map((iv) => (
              <tr key={iv.from}>
                <td>{iv.from}</td>
                <td>{iv.to}</td>
                <td>{iv.peak}</td>
                <td className="num">{formatNumber(gapUnit, iv.peakValue, style)}</td>
                <td className="num">{formatNumber(gapUnit, iv.total, style)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {lines.length > 0 && (
        <table className="grid compact" aria-label="Order lines at risk">
          <thead>
            <tr>
              <th>Line</th>
              <th>SKU</th>
              <th>Committed</th>
              <th>ETA</th>
              <th>Reason</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.line}>
                <td>{l.line}</td>
                <td>{l.sku}</td>
                <td>{l.committed}</td>
                <td>{l.eta ?? 'none planned'}</td>
                <td className="mono">{l.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="form-row"
        onSubmit={(e) =>
          void submit(
            e,
            () => {
              const by = userName || name.trim();
              if (!userName) setUserName(by);
              return call('exception.review', { key: exceptionKey, status, note, by });
            },
            (saved) => {
              setDetail({
                ...detail,
                ...saved,
                reviews: [
                  { status: saved.reviewStatus, note: saved.note, by: saved.reviewedBy ?? '', at: saved.updatedAt },
                  ...detail.reviews,
                ],
              });
              patchRow(saved);
              return 'Review saved.';
            },
          )
        }
      >
        <label>
          Review
          <select value={status} onChange={(e) => setStatus(e.target.value as Detail['reviewStatus'])}>
            {REVIEW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {REVIEW_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          Note
          <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="what was decided or checked" />
        </label>
        {!userName && (
          <label>
            Your name
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
          </label>
        )}
        <button type="submit" disabled={busy}>
          Save review
        </button>
      </form>
      <FormResult error={error} done={done} />
      {detail.reviews.length > 0 && (
        <ul className="comments" aria-label="Review trail">
          {detail.reviews.map((r, i) => (
            <li key={i}>
              <span className="small muted">
                {fmtDateTime(r.at)} · {r.by}
              </span>{' '}
              {REVIEW_LABEL[r.status as Detail['reviewStatus']] ?? r.status}
              {r.note && <> — {r.note}</>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
