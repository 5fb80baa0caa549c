// The facilitator's window and the room view talk over one BroadcastChannel (same origin): a
// step of the run and the page the facilitator is on. A message says only that something
// changed; the room view then asks the server (meeting.state), which stays the truth.
import type { RouteId } from '../../routes';

export type RoomMessage = { kind: 'run' } | { kind: 'route'; route: RouteId };

const CHANNEL = 'planroom-room';

function channel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
}

export function announce(message: RoomMessage): void {
  const c = channel();
  if (!c) return;
  c.postMessage(message);
  c.close();
}

/** The run moved on (MeetingRun's onChange): every other view of it reloads. */
export const announceRunChanged = (): void => announce({ kind: 'run' });

/** Calls `on` for each message from another channel object; returns the unsubscribe. */
export function listen(on: (m: RoomMessage) => void): () => void {
  const c = channel();
  if (!c) return () => {};
  c.onmessage = (e: MessageEvent<RoomMessage>) => on(e.data);
  return () => c.close();
}
