// The label size the charts draw with: null outside presenter mode (each chart's own sizes),
// else the presenter scale's, read from the root font size that presenter.css drives by the
// window width, and read again when the window is resized.
import { useEffect, useState } from 'react';
import { usePresenterStore } from '../components/presenter/presenterStore';
import { presenterLabelPx } from './labelSize';

const rootPx = (): number => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

export function useChartTextPx(): number | null {
  const presenting = usePresenterStore((s) => s.presenting) || document.documentElement.classList.contains('room');
  const [px, setPx] = useState(() => presenterLabelPx(rootPx()));
  useEffect(() => {
    if (!presenting) return;
    const read = (): void => setPx(presenterLabelPx(rootPx()));
    read();
    window.addEventListener('resize', read);
    return () => window.removeEventListener('resize', read);
  }, [presenting]);
  return presenting ? px : null;
}
