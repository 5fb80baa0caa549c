// A starting body template per outbox kind, naming the fields each entry's payload has (the
// writers: repos/decisions.ts appendEvent, repos/dataIssues.ts, repos/exceptions.ts,
// repos/minutesExports.ts). The Sync page's form starts from these; the README shows the
// decision_event one.
import type { OUTBOX_KINDS } from '../calls/sync';

type Kind = (typeof OUTBOX_KINDS)[number];

export const TEMPLATE_EXAMPLES: Record<Kind, string> = {
  decision_event: `{
  "decision": {{uid}},
  "event": {{kind}},
  "seq": {{seq}},
  "title": {{decision.title}},
  "owner": {{decision.owner}},
  "due": {{decision.dueDate}},
  "status": {{decision.status}},
  "changes": {{changes}},
  "by": {{actor}},
  "at": {{at}}
}`,
  data_issue_change: `{
  "issue": {{issue.id}},
  "summary": {{issue.summary}},
  "status": {{issue.status}},
  "assignee": {{issue.assignee}},
  "comment": {{comment.body}},
  "by": {{comment.author}},
  "at": {{comment.at}}
}`,
  exception_review: `{
  "cycle": {{cycle}},
  "exception": {{key}},
  "status": {{status}},
  "note": {{note}},
  "by": {{by}},
  "at": {{at}}
}`,
  minutes_export: `{
  "cycle": {{cycleName}},
  "format": {{format}},
  "file": {{fileName}},
  "bytes": {{bytes}},
  "sha256": {{sha256}},
  "by": {{by}},
  "at": {{exportedAt}}
}`,
};

/** What each kind is, for people. */
export const KIND_LABELS: Record<Kind, string> = {
  decision_event: 'Decision events (recorded, changed, ranked)',
  data_issue_change: 'Data-issue changes (park, assign, comment, close)',
  exception_review: 'Exception reviews',
  minutes_export: 'Minutes exports',
};
