// The cycle's attendance list on the Agenda page: who is in the meeting (name, role, optional
// e-mail), ticked present as they arrive. The names are the first owner suggestions of the
// capture form, and the minutes' first part.
import { useEffect, useRef, useState } from 'react';
import type { ApiOutput, ApiResult } from '../../../shared/api';
import { shownName } from '../../../shared/domain/displayName';
import type { AppErrorShape } from '../../../shared/domain/errors';
import { call } from '../../api/client';
import { useSubmit } from '../../useSubmit';
import { useUserName } from '../../useUserName';
import { ErrorBanner } from '../ErrorBanner';
import { FormResult } from '../FormResult';

type Attendees = ApiOutput<'attendee.list'>;

export function Attendance() {
  const [list, setList] = useState<Attendees | null>(null);
  const [loadError, setLoadError] = useState<AppErrorShape | null>(null);
  const [rowError, setRowError] = useState<AppErrorShape | null>(null);
  const [loads, setLoads] = useState(0);
  const [userName, setUserName] = useUserName();
  const [askName] = useState(() => !userName.trim());
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [email, setEmail] = useState('');
  const { busy, error, submit } = useSubmit();
  // What the last change did (an add, a tick, a removal): one line, replaced by the next.
  const [said, setSaid] = useState<string | null>(null);
  const by = userName.trim();
  // Where the focus goes when what had it is gone (a removed row) or done (an added name).
  const nameInput = useRef<HTMLInputElement>(null);
  const table = useRef<HTMLTableElement>(null);
  /** The removed row's index, focused once the list without it has rendered. */
  const removedAt = useRef<number | null>(null);
  useEffect(() => {
    if (removedAt.current === null) return;
    const boxes = table.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    // The row now in its place (or the last one), else the Name field.
    (boxes?.[Math.min(removedAt.current, boxes.length - 1)] ?? nameInput.current)?.focus();
    removedAt.current = null;
  }, [list]);

  useEffect(() => {
    let live = true;
    void call('attendee.list', {}).then((r) => {
      if (!live) return;
      if (r.ok) setList(r.data);
      else setLoadError(r.error);
    });
    return () => {
      live = false;
    };
  }, [loads]);

  const noName: AppErrorShape = {
    code: 'invalid_input',
    message: 'Type your name first: changes to the list are recorded with it.',
    where: { field: 'by' },
  };

  /** A tick or a removal: the list as the server returns it, or the refusal above the table. */
  async function change(r: Promise<ApiResult<Attendees>>, line: string, before?: Attendees): Promise<void> {
    const out = await r;
    if (out.ok) {
      setList(out.data);
      setRowError(null);
      setSaid(line);
    } else {
      removedAt.current = null;
      if (before) setList(before);
      setRowError(out.error);
    }
  }

  return (
    <section className="card" aria-label="Attendance">
      <h2>
        Attendance{' '}
        {list && (
          <span className="muted small">
            {list.filter((a) => a.present).length} of {list.length} present
          </span>
        )}
      </h2>
      {loadError && <ErrorBanner error={loadError} onRetry={() => setLoads(loads + 1)} />}
      {!list && !loadError && <p className="muted small">Loading the attendance list…</p>}
      {rowError && <ErrorBanner error={rowError} />}
      {list && list.length === 0 && <p className="muted small">Nobody on the list yet: add who is in the room.</p>}
      {list && list.length > 0 && (
        <table ref={table} className="grid compact attendance-list" aria-label="Attendance list">
          <thead>
            <tr>
              <th>Present</th>
              <th>Name</th>
              <th>Role</th>
              <th>E-mail</th>
              <th>
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((a, index) => (
              <tr key={a.name} data-attendee={a.name}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${shownName(a.name)} present`}
                    checked={a.present}
                    onChange={(e) => {
                      if (!by) return setRowError(noName);
                      // Ticked at once; the server's list (or its refusal) follows.
                      const present = e.target.checked;
                      setList(list.map((x) => (x.name === a.name ? { ...x, present } : x)));
                      void change(
                        call('attendee.save', { name: a.name, present, by }),
                        `${shownName(a.name)} ${present ? 'present' : 'not present'}.`,
                        list,
                      );
                    }}
                  />
                </td>
                <td>{shownName(a.name)}</td>
                <td>{a.role ? shownName(a.role) : <span className="muted">no role</span>}</td>
                <td>{a.email ? shownName(a.email) : <span className="muted">none</span>}</td>
                <td className="num">
                  <button
                    type="button"
                    className="link"
                    aria-label={`Remove ${shownName(a.name)}`}
                    onClick={() => {
                      if (!by) return setRowError(noName);
                      // Set before the call: the new list's render moves the focus.
                      removedAt.current = index;
                      void change(call('attendee.remove', { name: a.name, by }), `${shownName(a.name)} removed.`);
                    }}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="form-row attendance-add"
        aria-label="Add an attendee"
        noValidate
        onSubmit={(e) =>
          void submit(
            e,
            async () =>
              by
                ? call('attendee.save', {
                    name,
                    role: role.trim() || undefined,
                    email: email.trim() || null,
                    present: true,
                    by,
                  })
                : { ok: false as const, error: noName },
            (saved) => {
              setList(saved);
              const added = shownName(name.trim());
              setName('');
              setRole('');
              setEmail('');
              setSaid(`${added} added, present.`);
              // Ready for the next arrival.
              nameInput.current?.focus();
              return '';
            },
          )
        }
      >
        <label>
          Name
          <input
            ref={nameInput}
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Dana Weiss"
          />
        </label>
        <label>
          Role
          <input value={role} maxLength={80} onChange={(e) => setRole(e.target.value)} placeholder="e.g. COO" />
        </label>
        <label className="grow">
          E-mail (optional)
          <input
            type="email"
            value={email}
            maxLength={200}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="for the calendar invite of a decision"
          />
        </label>
        {askName && (
          <label>
            Your name
            <input value={userName} onChange={(e) => setUserName(e.target.value)} placeholder="who keeps the list" />
          </label>
        )}
        <button type="submit" aria-busy={busy}>
          Add attendee
        </button>
        <FormResult error={error} done={null} />
        {/* The line's room is kept, so the first message does not move the page. */}
        <div className="attendance-said">
          {said && (
            <p className="ok-line" role="status">
              {said}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
