// The live run's "o" (or Enter): the current item's view, when it has one.
import type { MeetingStateT } from '../../../shared/api';
import { agendaItemHash, agendaView } from '../../../shared/planning/agendaViews';
import { rememberOpened } from './returnFocus';

/** Goes to the current item's view; false when there is none (not running, the follow-up, no match). */
export function openCurrentView(state: MeetingStateT): boolean {
  const item = state.status === 'running' ? state.items.find((i) => i.id === state.currentItemId) : undefined;
  if (!item || !agendaView(item)) return false;
  rememberOpened(item.id, 'run');
  window.location.hash = agendaItemHash(item.id);
  return true;
}
