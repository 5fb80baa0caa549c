// Text written into a spreadsheet cell (an XLSX export, a CSV file) made inert: Excel, LibreOffice
// and Sheets read a cell starting with `=`, `+`, `-` or `@` as a formula (and a leading tab or CR
// can hide one), so a decision titled `=HYPERLINK("http://evil","x")` would run when the minutes
// are opened. Such a text gets a leading apostrophe, which shows it as the text it is (OWASP's
// advice for CSV injection). Numbers stay numbers: only text is ever changed. Every spreadsheet
// and CSV writer of the app goes through this one function.

/** The first characters a spreadsheet may read as the start of a formula. */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

/** The text with a leading apostrophe when its first character could start a formula. */
export function inertText(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.includes(text[0]!) ? `'${text}` : text;
}

/** A cell's value as written: numbers as they are, text made inert, nothing as nothing. */
export function spreadsheetValue<T extends string | number | null | undefined>(value: T): T {
  return (typeof value === 'string' ? inertText(value) : value) as T;
}
