import { useState } from 'react';

const KEY = 'planroom.userName';

/** Who is acting, for comments and assignments; remembered on this computer. */
export function useUserName(): [string, (name: string) => void] {
  const [name, setName] = useState(() => window.localStorage.getItem(KEY) ?? '');
  return [
    name,
    (next) => {
      setName(next);
      window.localStorage.setItem(KEY, next);
    },
  ];
}
