import { useEffect, useState } from 'react';

const KEY = 'planroom.userName';
/** Told to every hook on the page when one sets the name, so a name typed in a form shows everywhere. */
const EVENT = 'planroom:username';

/** Who is acting, for comments and assignments; remembered on this computer. */
export function useUserName(): [string, (name: string) => void] {
  const [name, setName] = useState(() => window.localStorage.getItem(KEY) ?? '');
  useEffect(() => {
    const onChange = (): void => setName(window.localStorage.getItem(KEY) ?? '');
    window.addEventListener(EVENT, onChange);
    return () => window.removeEventListener(EVENT, onChange);
  }, []);
  return [
    name,
    (next) => {
      setName(next);
      window.localStorage.setItem(KEY, next);
      window.dispatchEvent(new Event(EVENT));
    },
  ];
}
