// `planroom data-issues`: lists the cycle's data issues (reconciliation findings and parked
// exceptions), reconciles them again, parks an exception, and assigns, comments on or closes one.
import {
  asOption,
  callApi,
  common,
  cycleOption,
  dbOption,
  EXIT,
  optionalNumber,
  requiredNumber,
  subcommandVerb,
  usage,
  type Io,
  type Verb,
} from './core';

/** What every subcommand reads from the flags (read by each, so a bad --cycle is refused by all). */
function context(v: Record<string, unknown>, io: Io) {
  return {
    cycleId: optionalNumber(v, 'cycle'),
    by: String(v.as),
    id: (): number => {
      if (v.id === undefined) throw usage('--id N is required');
      return requiredNumber(v, 'id');
    },
    print: (data: unknown, line: string): void => io.out(v.json ? JSON.stringify(data, null, 2) : line),
  };
}

/** A text flag the subcommand needs, or the usage error naming it. */
function requiredText(v: Record<string, unknown>, flag: string, placeholder: string): string {
  const value = v[flag];
  if (typeof value !== 'string') throw usage(`--${flag} ${placeholder} is required`);
  return value;
}

export const dataIssuesVerb: Verb = subcommandVerb('data-issues', {
  summary: "List and work the cycle's data issues (reconciliation findings)",
  options: {
    ...common,
    ...dbOption,
    ...cycleOption,
    ...asOption,
    status: { type: 'string' },
    owner: { type: 'string' },
    source: { type: 'string' },
    id: { type: 'string' },
    to: { type: 'string' },
    text: { type: 'string' },
    reason: { type: 'string' },
    key: { type: 'string' },
    deadline: { type: 'string' },
  },
  default: 'list',
  subs: {
    list: {
      usage: '[--status open|closed] [--owner ROLE] [--source ERP]',
      async run(v, _args, io) {
        const { cycleId } = context(v, io);
        const issues = await callApi(io, v, 'dataIssue.list', {
          cycleId,
          status: v.status as 'open' | 'closed' | undefined,
          owner: v.owner as string | undefined,
          source: v.source as string | undefined,
        });
        if (v.json) io.out(JSON.stringify(issues, null, 2));
        else {
          for (const i of issues) {
            io.out(
              `${String(i.id).padStart(5)}  ${i.status.padEnd(6)} ${(i.source ?? '-').padEnd(4)} ${i.ownerRole.padEnd(22)} due ${i.deadline}  ${i.assignee ?? '-'}  ${i.summary}`,
            );
          }
          io.out(`${issues.length} data issue(s)`);
        }
        return EXIT.ok;
      },
    },
    reconcile: {
      usage: '',
      async run(v, _args, io) {
        const { cycleId, print } = context(v, io);
        const r = await callApi(io, v, 'dataIssue.reconcile', { cycleId });
        print(r, `${r.open} open: ${r.opened} new, ${r.refreshed} still there, ${r.closed} closed (cause gone)`);
        return EXIT.ok;
      },
    },
    park: {
      usage: '--key EXCEPTION --owner ROLE --deadline WHEN [--to NAME] [--text NOTE]',
      async run(v, _args, io) {
        const { cycleId, by, print } = context(v, io);
        const i = await callApi(io, v, 'dataIssue.park', {
          cycleId,
          key: requiredText(v, 'key', 'EXCEPTION'),
          ownerRole: requiredText(v, 'owner', 'ROLE'),
          deadline: requiredText(v, 'deadline', 'WHEN'),
          assignee: v.to as string | undefined,
          note: v.text as string | undefined,
          by,
        });
        print(i, `exception parked as data issue ${i.id}: ${i.ownerRole}, deadline ${i.deadline}`);
        return EXIT.ok;
      },
    },
    assign: {
      usage: '--id N --to NAME',
      async run(v, _args, io) {
        const { by, id, print } = context(v, io);
        const assignee = requiredText(v, 'to', 'NAME');
        const i = await callApi(io, v, 'dataIssue.assign', { id: id(), assignee, by });
        print(i, `data issue ${i.id} assigned to ${i.assignee}`);
        return EXIT.ok;
      },
    },
    comment: {
      usage: '--id N --text TEXT',
      async run(v, _args, io) {
        const { by, id, print } = context(v, io);
        const body = requiredText(v, 'text', 'TEXT');
        const i = await callApi(io, v, 'dataIssue.comment', { id: id(), author: by, body });
        print(i, `comment added to data issue ${i.id}`);
        return EXIT.ok;
      },
    },
    close: {
      usage: '--id N --reason TEXT',
      async run(v, _args, io) {
        const { by, id, print } = context(v, io);
        const reason = requiredText(v, 'reason', 'TEXT');
        const i = await callApi(io, v, 'dataIssue.close', { id: id(), by, reason });
        print(i, `data issue ${i.id} closed`);
        return EXIT.ok;
      },
    },
  },
  commonUsage: '[--as NAME] [--cycle N] [--db FILE] [--json]',
});
