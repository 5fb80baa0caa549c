import { Fragment, useEffect, useRef, useState } from 'react';
import type { RejectedRowT } from '../../shared/api';
import { shownName } from '../../shared/domain/displayName';
import type { AppErrorShape } from '../../shared/domain/errors';
import { call } from '../api/client';
import { fmtInt } from '../format';
import { ErrorBanner } from './ErrorBanner';

const PAGE = 100;

/** The rows a "skip bad rows" import set aside, with the reason and the row as it was, paged. */
export function RejectedRows({ snapshotId, onClose }: { snapshotId: number; onClose: () => void }) {
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<{ total: number; rows: RejectedRowT[] } | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const ref = useRef<HTMLElement>(null);
  // Braces: newer Chromium returns a promise from scrollIntoView, which React would call on unmount.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [snapshotId]);

  useEffect(() => {
    let live = true;
    void call('snapshot.rejected', { snapshotId, offset, limit: PAGE }).then((r) => {
      if (!live) return;
      if (r.ok) setData(r.data);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [snapshotId, offset]);

  return (
    <section aria-label="Rejected rows" className="rejected" ref={ref}>
      <header className="row-head">
        <h3>
          Rows set aside by snapshot #{snapshotId}
          {data ? ` (${fmtInt(data.total)})` : ''}
        </h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {error && <ErrorBanner error={error} />}
      {data && (
        <>
          <table className="grid compact">
            <thead>
              <tr>
                <th>File</th>
                <th className="num">Row</th>
                <th>Column</th>
                <th>Value</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <Fragment key={r.seq}>
                  <tr
                    className="clickable"
                    aria-expanded={open === r.seq}
                    onClick={() => setOpen(open === r.seq ? null : r.seq)}
                  >
                    <td className="mono small">
                      {shownName(r.file)}
                      {r.sheet ? ` [${shownName(r.sheet)}]` : ''}
                    </td>
                    <td className="num">{r.row}</td>
                    <td>{r.column ? shownName(r.column) : ''}</td>
                    <td className="mono small">{r.value ?? ''}</td>
                    <td>{r.reason}</td>
                  </tr>
                  {open === r.seq && (
                    <tr>
                      <td colSpan={5} className="mono small">
                        {Object.entries(r.cells)
                          .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
                          .join('  ')}
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
          {data.total > PAGE && (
            <p className="pager">
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                Previous
              </button>
              <span className="small">
                {fmtInt(offset + 1)}–{fmtInt(Math.min(offset + PAGE, data.total))} of {fmtInt(data.total)}
              </span>
              <button type="button" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
                Next
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
