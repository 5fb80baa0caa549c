// The export calls: the meeting's minutes (Markdown, XLSX, PDF), the scenario comparison
// workbook and the open decisions as an .ics calendar. Each returns the file (FileOut); the CLI
// writes it, the app offers it as a download. A PDF is printed by the printer the service context
// was given (Electron's, or headless Chromium's): the service does not know which. A minutes
// export is recorded in the outbox for the hub once its file is made.
import { createHash } from 'node:crypto';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { AppError, cutInput } from '../../shared/domain/errors';
import { decisionEvents } from '../db/repos/decisions';
import { recordMinutesExport } from '../db/repos/minutesExports';
import { getCycle } from '../db/repos/cycles';
import { decisionIcs, openDecisions } from '../exports/decisionIcs';
import { minutesData } from '../exports/minutesData';
import { minutesHtml } from '../exports/minutesHtml';
import { minutesMarkdown } from '../exports/minutesMarkdown';
import { minutesParts } from '../exports/minutesParts';
import { minutesXlsx } from '../exports/minutesXlsx';
import type { PdfPrinter } from '../exports/pdf';
import { scenarioWorkbook } from '../exports/scenarioWorkbook';
import { fileSlug } from '../exports/table';
import { attendeeList } from './attendees';
import { cycleIdOrCurrent } from './cycles';
import { decisionList } from './decisions';
import { readHere, type PlanningContext } from './planning';
import { scenarioCompare } from './scenarios';

type FileOut = ApiOutput<'minutes.export'>;

export const MIME = {
  md: 'text/markdown; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  ics: 'text/calendar; charset=utf-8',
} as const;

const fileName = (kind: string, cycle: { id: number; name: string }, ext: keyof typeof MIME): string =>
  `${kind}-${fileSlug(cycle.name, `cycle-${cycle.id}`)}.${ext}`;

const binary = (name: string, ext: 'xlsx' | 'pdf', bytes: Buffer): FileOut => ({
  fileName: name,
  mime: MIME[ext],
  encoding: 'base64',
  content: bytes.toString('base64'),
});

export async function minutesExport(
  ctx: PlanningContext,
  printPdf: PdfPrinter,
  input: ApiInput<'minutes.export'>,
): Promise<FileOut> {
  const m = await minutesData(ctx, input.cycleId);
  const parts = minutesParts(m);
  const name = fileName('minutes', m.cycle, input.format);
  let bytes: Buffer;
  let file: FileOut;
  switch (input.format) {
    case 'md': {
      const content = minutesMarkdown(m, parts);
      bytes = Buffer.from(content, 'utf8');
      file = { fileName: name, mime: MIME.md, encoding: 'utf8', content };
      break;
    }
    case 'xlsx':
      bytes = await minutesXlsx(m, parts);
      file = binary(name, 'xlsx', bytes);
      break;
    case 'pdf':
      bytes = await printPdf(minutesHtml(m, parts), m.cycle.name);
      file = binary(name, 'pdf', bytes);
      break;
  }
  // The call is not a writing one (the queue would wait seconds on a PDF's printing): the file is
  // made first, then its one entry queues like any write, as a stale recompute does.
  await ctx.writes.run(() =>
    recordMinutesExport(ctx.db, {
      cycleId: m.cycle.id,
      cycleName: m.cycle.name,
      format: input.format,
      fileName: name,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      exportedAt: m.exportedAt,
      by: input.by ?? null,
    }),
  );
  return file;
}

export async function scenarioWorkbookExport(
  ctx: PlanningContext,
  input: ApiInput<'scenario.workbook'>,
): Promise<FileOut> {
  const compared = await scenarioCompare(ctx, { cycleId: input.cycleId, ids: input.ids });
  const cycle = getCycle(readHere(ctx), compared.cycleId)!;
  return binary(fileName('scenarios', cycle, 'xlsx'), 'xlsx', await scenarioWorkbook(compared, cycle.name));
}

export function decisionIcsExport(ctx: PlanningContext, input: ApiInput<'decision.ics'>): FileOut {
  const db = readHere(ctx);
  const cycle = getCycle(db, cycleIdOrCurrent(db, input.cycleId))!;
  const decisions = decisionList(db, { cycleId: cycle.id }).decisions;
  // RFC 5545 wants at least one component in a calendar: an empty one is refused, not written.
  if (openDecisions(decisions).length === 0) {
    throw new AppError('not_found', `Cycle "${cutInput(cycle.name, 80)}" has no open decision to put in a calendar.`, {
      hint: 'Record a decision first (n, or planroom decisions add); done and dropped ones are left out.',
    });
  }
  const content = decisionIcs({
    cycle,
    decisions,
    attendance: attendeeList(db, { cycleId: cycle.id }),
    historyCount: (id) => decisionEvents(db, id).length,
    now: new Date(),
  });
  return { fileName: fileName('decisions', cycle, 'ics'), mime: MIME.ics, encoding: 'utf8', content };
}
