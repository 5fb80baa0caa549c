// The cycle's open decisions as an iCalendar file (RFC 5545) of to-dos, for the owners' calendar
// apps: one VTODO per decision neither done nor dropped. Its UID is the decision's own
// (`<uid>@planroom`) and its SEQUENCE the number of changes in its history, so importing a later
// export updates the same to-do instead of adding a second one. No library in node_modules writes
// iCalendar, so this writes it plainly: CRLF line ends, lines folded at 75 octets (never inside a
// UTF-8 character), TEXT values escaped (\\ ; , and newlines).
import type { AttendeeT, DecisionInfoT } from '../../shared/api';
import { CLOSED_STATUSES } from '../../shared/calls/decisions';
import { KPI_AIM } from '../../shared/planning/decisionAim';
import { figureById, formatFigure } from '../../shared/planning/figures';
import type { KpiId } from '../../shared/planning/settings';

export interface IcsInput {
  cycle: { id: number; name: string };
  decisions: readonly DecisionInfoT[];
  attendance: readonly AttendeeT[];
  /** History events per decision id (SEQUENCE). */
  historyCount: (decisionId: number) => number;
  now: Date;
}

const MAX_OCTETS = 75;
const utf8 = new TextEncoder();

/** One content line folded (RFC 5545 3.1): at most 75 octets a line, continuations start with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8.encode(ch).length;
    // A continuation line's leading space counts toward its 75 octets.
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped, controls dropped. */
export function icsText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .split('')
    .filter((c) => c === '\t' || !isControl(c))
    .join('');
}

/** C0 controls and DEL: not allowed in a content line (RFC 5545 3.1, but for a tab in TEXT). */
const isControl = (c: string): boolean => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;

/** A parameter value (a CN): quoted, with no quote or control character inside. */
const paramValue = (text: string): string =>
  `"${text
    .split('')
    .filter((c) => c !== '"' && !isControl(c))
    .join('')}"`;

/** 2026-12-01T09:00:00.000Z -> 20261201T090000Z */
const utcStamp = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

const EMAIL = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$/;

/** A person's e-mail: the name itself when it is one, else what the attendance list gives that name. */
function emailOf(name: string, attendance: readonly AttendeeT[]): string | undefined {
  if (EMAIL.test(name.trim())) return name.trim();
  const a = attendance.find((x) => x.name.trim().toLowerCase() === name.trim().toLowerCase());
  return a?.email && EMAIL.test(a.email) ? a.email : undefined;
}

/** Rank 1 is the top: RFC 5545 priority 1 (highest) to 9 (lowest). */
const priorityOf = (rank: number): number => Math.max(1, Math.min(9, rank));

function expectedText(d: DecisionInfoT): string {
  if (d.expectedValue === null) return 'no expected value';
  const figure = d.kpi ? figureById(KPI_AIM[d.kpi.id as KpiId]?.figure ?? '') : undefined;
  return `expected ${figure ? formatFigure(figure.unit, d.expectedValue) : String(d.expectedValue)}`;
}

function description(d: DecisionInfoT, cycleName: string): string {
  const lines = [
    d.kpi ? `KPI: ${d.kpi.name}, ${expectedText(d)}` : 'KPI: none named',
    `Rationale: ${d.rationale || 'none written'}`,
  ];
  if (d.exceptions.length) {
    lines.push(
      `Answers: ${d.exceptions.map((e) => `${(e.type ?? 'exception').replace(/_/g, ' ')} ${e.subject}`).join(', ')}`,
    );
  }
  if (d.scenario) lines.push(`Scenario: ${d.scenario.name}`);
  lines.push(`Priority ${d.priorityRank} in ${cycleName}; status ${d.status.replace(/_/g, ' ')}; owner ${d.owner}`);
  lines.push(`Recorded by ${d.recordedBy} on ${d.recordedAt.slice(0, 10)}`);
  return lines.join('\n');
}

function vtodo(d: DecisionInfoT, input: IcsInput): string[] {
  const lines = [
    'BEGIN:VTODO',
    `UID:${d.uid}@planroom`,
    `DTSTAMP:${utcStamp(input.now)}`,
    `CREATED:${utcStamp(new Date(d.recordedAt))}`,
    `LAST-MODIFIED:${utcStamp(new Date(d.updatedAt))}`,
    `SEQUENCE:${Math.max(0, input.historyCount(d.id) - 1)}`,
    `SUMMARY:${icsText(d.title)}`,
    `DESCRIPTION:${icsText(description(d, input.cycle.name))}`,
    `PRIORITY:${priorityOf(d.priorityRank)}`,
    `STATUS:${d.status === 'in_progress' ? 'IN-PROCESS' : 'NEEDS-ACTION'}`,
    `CATEGORIES:${icsText(input.cycle.name)}`,
  ];
  if (d.dueDate) lines.push(`DUE;VALUE=DATE:${d.dueDate.replace(/-/g, '')}`);
  const owner = emailOf(d.owner, input.attendance);
  if (owner) {
    // The one who recorded it organizes the to-do when known by e-mail; else the owner does.
    const recorder = emailOf(d.recordedBy, input.attendance);
    const organizer = recorder ? { name: d.recordedBy, email: recorder } : { name: d.owner, email: owner };
    lines.push(`ORGANIZER;CN=${paramValue(organizer.name)}:mailto:${organizer.email}`);
    lines.push(`ATTENDEE;CN=${paramValue(d.owner)};ROLE=REQ-PARTICIPANT:mailto:${owner}`);
  }
  lines.push('END:VTODO');
  return lines;
}

/** The decisions an .ics carries: every one of the cycle's list not done or dropped. */
export const openDecisions = (decisions: readonly DecisionInfoT[]): DecisionInfoT[] =>
  decisions.filter((d) => !CLOSED_STATUSES.includes(d.status));

export function decisionIcs(input: IcsInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Planroom//Decision log//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(`Decisions: ${input.cycle.name}`)}`,
    ...openDecisions(input.decisions).flatMap((d) => vtodo(d, input)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
