// `planroom meeting`: run the cycle's meeting from the command line (state, start, next, previous,
// end) over the same API calls as the Agenda page; every answer prints the run: the current item,
// its time box and time taken or over in words, and each item's actual minutes.
import type { ApiName, MeetingStateT } from '../../shared/api';
import {
  callApi,
  common,
  cycleOption,
  dbOption,
  EXIT,
  optionalNumber,
  subcommandVerb,
  type Io,
  type Verb,
} from './core';
import { runLines } from './meetingText';

type Step = Extract<ApiName, 'meeting.start' | 'meeting.next' | 'meeting.previous' | 'meeting.end'>;

function print(io: Io, v: Record<string, unknown>, s: MeetingStateT): number {
  if (v.json) io.out(JSON.stringify(s, null, 2));
  else for (const line of runLines(s)) io.out(line);
  return EXIT.ok;
}

/** One step of the run, recorded as done by `--by NAME`. */
const step = (name: Step) => ({
  usage: '[--by NAME]',
  async run(v: Record<string, unknown>, _args: string[], io: Io) {
    const s = await callApi(io, v, name, { cycleId: optionalNumber(v, 'cycle'), by: String(v.by) });
    return print(io, v, s);
  },
});

export const meetingVerb: Verb = subcommandVerb('meeting', {
  summary: "Run the cycle's meeting: the current item, its time box, next, previous, actual minutes",
  options: {
    ...common,
    ...dbOption,
    ...cycleOption,
    // Who ran the step, recorded with the run (`--as` elsewhere; `--by` reads as the facilitator).
    by: { type: 'string', default: 'planroom CLI' },
  },
  default: 'state',
  subs: {
    state: {
      usage: '',
      async run(v, _args, io) {
        return print(io, v, await callApi(io, v, 'meeting.state', { cycleId: optionalNumber(v, 'cycle') }));
      },
    },
    start: step('meeting.start'),
    next: step('meeting.next'),
    previous: step('meeting.previous'),
    end: step('meeting.end'),
  },
  commonUsage: '[--cycle N] [--db FILE] [--json]',
});
