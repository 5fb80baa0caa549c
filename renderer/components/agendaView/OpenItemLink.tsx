// An agenda item's "Open" link to its focused view (shared/planning/agendaViews.ts). The first
// item (last cycle's decisions) is followed up in place and has none; an item that matches no
// view says so instead of a link.
import { cutInput } from '../../../shared/domain/errors';
import { agendaItemHash, agendaTarget, type AgendaItemLike } from '../../../shared/planning/agendaViews';
import { rememberOpened } from './returnFocus';

export function OpenItemLink({
  item,
  from,
  keys,
}: {
  item: AgendaItemLike & { id: number };
  from: 'run' | 'list';
  /** The shortcut shown beside it (the live run's current item: `o`). */
  keys?: string;
}) {
  const t = agendaTarget(item);
  if (t.kind === 'follow-up') return null;
  if (t.kind === 'none') {
    return (
      <span className="muted small agenda-open none" title={t.reason}>
        no view for this item
      </span>
    );
  }
  return (
    <a
      className="agenda-open"
      href={agendaItemHash(item.id)}
      data-agenda-open={item.id}
      aria-label={`Open ${t.view.label.toLowerCase()} for “${cutInput(item.title, 80)}”`}
      aria-keyshortcuts={keys}
      onClick={() => rememberOpened(item.id, from)}
    >
      Open {keys && <kbd>{keys}</kbd>}
    </a>
  );
}
