// "Your name" asked where the action is (the list, the detail panel), never as a disabled button
// with a hover hint: each change, move and comment is recorded with who made it.
import type { KeyboardEvent, RefObject } from 'react';

export function NameAsk({
  userName,
  onUserName,
  why,
  inputRef,
  onEnter,
}: {
  userName: string;
  onUserName: (name: string) => void;
  /** What the name is recorded with, said next to the field. */
  why: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  /** Enter in the field: carry on with what needed the name. */
  onEnter?: () => void;
}) {
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter' && onEnter) {
      e.preventDefault();
      onEnter();
    }
  };
  return (
    <div className="name-ask" role="group" aria-label="Your name">
      <label>
        Your name
        <input
          ref={inputRef}
          value={userName}
          onChange={(e) => onUserName(e.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="name"
        />
      </label>
      <span className="small">{why}</span>
    </div>
  );
}
