// Files the server makes (the minutes, the decision calendar, the scenario workbook), one button
// each, saved here under their own names.
import { useState } from 'react';
import type { ApiResult, FileOutT } from '../../shared/api';
import type { AppErrorShape } from '../../shared/domain/errors';
import { shownName } from '../../shared/domain/displayName';
import { call } from '../api/client';
import { COMMAND_TARGETS } from '../commandTargets';
import { downloadFile } from '../fileDownload';
import { ErrorBanner } from './ErrorBanner';

export interface ExportItem {
  label: string;
  /** The button's id, for the one a desktop menu command presses (renderer/desktopCommands.ts). */
  id?: string;
  make: () => Promise<ApiResult<FileOutT>>;
}

/** The minutes and the calendar of the decision log; a minutes export is recorded with who made it (when a name is set). */
export function decisionExports(userName: string): readonly ExportItem[] {
  const by = userName.trim().slice(0, 80) || undefined;
  return [
    {
      label: 'Minutes (PDF)',
      id: COMMAND_TARGETS['export-minutes'],
      make: () => call('minutes.export', { format: 'pdf', by }),
    },
    { label: 'Minutes (XLSX)', make: () => call('minutes.export', { format: 'xlsx', by }) },
    { label: 'Minutes (Markdown)', make: () => call('minutes.export', { format: 'md', by }) },
    { label: 'Calendar (.ics)', make: () => call('decision.ics', {}) },
  ];
}

export function ExportButtons({ items }: { items: readonly ExportItem[] }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [saved, setSaved] = useState('');

  async function run(label: string, make: () => Promise<ApiResult<FileOutT>>): Promise<void> {
    setBusy(label);
    setError(null);
    setSaved('');
    const r = await make();
    setBusy(null);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    downloadFile(r.data);
    setSaved(`Saved ${shownName(r.data.fileName, 80)}`);
  }

  return (
    <div className="export-buttons" role="group" aria-label="Export">
      {items.map((x) => (
        <button
          key={x.label}
          id={x.id}
          type="button"
          aria-busy={busy === x.label}
          onClick={() => void run(x.label, x.make)}
        >
          {busy === x.label ? `${x.label}…` : x.label}
        </button>
      ))}
      <span className="small ok-line" role="status">
        {saved}
      </span>
      {error && <ErrorBanner error={error} />}
    </div>
  );
}
