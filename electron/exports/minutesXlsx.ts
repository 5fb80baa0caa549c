// The minutes as a workbook: one sheet per part (Meeting, Attendance, Agenda, KPIs, Exceptions
// reviewed, Data issues, Scenarios, Decisions), written by xlsxWrite.ts.
import type { MinutesData } from './minutesData';
import type { Part } from './table';
import { partsWorkbook } from './xlsxWrite';

export const minutesXlsx = (m: MinutesData, parts: readonly Part[]): Promise<Buffer> =>
  partsWorkbook(parts, { title: `Minutes: ${m.cycle.name}`, created: new Date(m.exportedAt) });
