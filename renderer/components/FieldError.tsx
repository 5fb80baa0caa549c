import type { AppErrorShape } from '../../shared/domain/errors';

/** The message under a field: the service's refusal when it names that field (where.field), else nothing. */
export function FieldError({
  id,
  field,
  error,
  fieldOf = (e) => e.where?.field,
}: {
  id: string;
  field: string;
  error: Pick<AppErrorShape, 'where' | 'message'> | null;
  /** How the error's field reads in this form (a form may drop a prefix such as "connection."). */
  fieldOf?: (e: Pick<AppErrorShape, 'where' | 'message'>) => string | undefined;
}) {
  const mine = error !== null && fieldOf(error) === field;
  return mine ? (
    <span id={id} className="field-note field-error" role="alert">
      {error.message}
    </span>
  ) : null;
}
