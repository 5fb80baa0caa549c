// Which form field an error names, as the Pull-from form's fields are named. The contract's
// refusals name "connection.tables.items.paging.pageSize"; the service's own name "headers" or
// "schedule". The form shows one message per field, paging's under the table's paging row.
import type { AppErrorShape } from '../../../shared/domain/errors';

type Err = Pick<AppErrorShape, 'where' | 'message'>;

export const formFieldOf = (e: Err): string | undefined =>
  e.where?.field
    ?.replace(/^connection\./, '')
    .replace(/^(tables\.[a-z_]+\.paging)\..*$/, '$1')
    .replace(/^headers\..*$/, 'headers');

/** Every field the form shows an error beside, for the kind shown; any other goes under the form. */
export function shownFields(kind: string, tables: readonly string[]): Set<string> {
  const always = ['schedule'];
  if (kind === 'folder') return new Set([...always, 'dir']);
  if (kind === 'postgres') {
    return new Set([...always, 'url', 'tls', 'statementTimeoutSeconds', ...tables.map((t) => `queries.${t}`)]);
  }
  const perTable = tables.flatMap((t) => ['url', 'rowsPath', 'paging', 'modifiedSince'].map((f) => `tables.${t}.${f}`));
  return new Set([
    ...always,
    'auth.username',
    'auth.header',
    'headers',
    'timeoutSeconds',
    'retries',
    'maxPageMb',
    ...perTable,
  ]);
}
