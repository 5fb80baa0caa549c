// Streams one XML part of a workbook through saxes (the XML parser exceljs itself uses), chunk
// by chunk. Handlers are synchronous; a handler that finds a problem records it with fail() and
// the next chunk is not parsed. saxes expands only XML's own five entities and character
// references, never DTD entities, so an entity-expansion bomb is a parse error.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../../shared/domain/errors';
import type { WorkbookZip } from './xlsxZip';

export interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** A tag's name without its namespace prefix: some writers emit <x:row>. */
const local = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

export class XmlStream {
  private readonly parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  private readonly decoder = new StringDecoder('utf8');
  private failure: unknown;

  constructor(
    private readonly file: string,
    private readonly part: string,
    handlers: XmlHandlers,
  ) {
    const { open, close, text } = handlers;
    if (open) {
      this.parser.on('opentag', (t: SaxesTagPlain) => {
        if (this.failure === undefined) open(local(t.name), t.attributes);
      });
    }
    if (close) {
      this.parser.on('closetag', (t: SaxesTagPlain) => {
        if (this.failure === undefined) close(local(t.name));
      });
    }
    if (text) {
      const onText = (s: string) => {
        if (this.failure === undefined) text(s);
      };
      this.parser.on('text', onText);
      this.parser.on('cdata', onText);
    }
    this.parser.on('error', (e) => this.fail(this.xmlError(e)));
  }

  /** Stops parsing with this error: write() and end() throw it. */
  fail(e: unknown): void {
    if (this.failure === undefined) this.failure = e;
  }

  write(chunk: Buffer): void {
    this.parser.write(this.decoder.write(chunk));
    this.check();
  }

  end(): void {
    this.parser.write(this.decoder.end());
    this.parser.close();
    this.check();
  }

  private check(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  private xmlError(e: Error): AppError {
    return new AppError(
      'import_failed',
      `The workbook's part ${this.part} is not well-formed XML: ${e.message.slice(0, 200)}`,
      { where: { file: this.file }, hint: 'The file is damaged or not a real .xlsx: save it again from Excel.' },
    );
  }
}

/** Parses a whole part with the handlers; a part the zip lacks is parsed as nothing. */
export async function parsePart(zip: WorkbookZip, file: string, part: string, handlers: XmlHandlers): Promise<void> {
  if (!zip.has(part)) return;
  const xml = new XmlStream(file, part, handlers);
  for await (const chunk of zip.read(part)) xml.write(chunk);
  xml.end();
}
