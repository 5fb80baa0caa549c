// The IANA time zones the browser knows, for the time zone fields (suggestions: the API checks).
const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
export const TIME_ZONES: readonly string[] = supported ? supported('timeZone') : ['UTC'];

/** The zone this browser runs in: the default of a new cycle. */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
