// The visible way into presenter mode (the nav and the Agenda page), with its key on it.
import { PRESENTER_KEY } from '../../shortcuts';
import { usePresenterStore } from './presenterStore';

export function PresentButton({ className }: { className?: string }) {
  const enter = usePresenterStore((s) => s.enter);
  return (
    <button type="button" className={className} onClick={() => void enter()} aria-keyshortcuts={PRESENTER_KEY}>
      <span>Present</span> <kbd aria-hidden="true">{PRESENTER_KEY.toUpperCase()}</kbd>
    </button>
  );
}
