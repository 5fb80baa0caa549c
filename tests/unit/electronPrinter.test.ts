// The Electron window's PDF printer without an Electron binary: BrowserWindow is replaced by a
// recorder, so the test checks what the printer asks of Electron (a hidden sandboxed window with
// JavaScript off, the page as a data URL, the shared paper and page templates) and that the
// window is destroyed whether printing works or not.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const made: FakeWindow[] = [];
class FakeWindow {
  options: unknown;
  url = '';
  printed: unknown;
  destroyed = false;
  fail = false;
  webContents = {
    setWindowOpenHandler: vi.fn(),
    on: vi.fn(),
    printToPDF: async (o: unknown) => {
      this.printed = o;
      if (this.fail) throw new Error('printing failed');
      return Buffer.from('%PDF-1.7 fake');
    },
  };
  constructor(options: unknown) {
    this.options = options;
    made.push(this);
  }
  async loadURL(url: string) {
    this.url = url;
  }
  destroy() {
    this.destroyed = true;
  }
}
vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

const { electronPrinter } = await import('../../electron/printPdf');
const { PAGE } = await import('../../electron/exports/minutesHtml');

describe('electronPrinter', () => {
  beforeEach(() => {
    made.length = 0;
  });

  it('prints the HTML in a hidden sandboxed window with JavaScript off, with the page templates', async () => {
    const pdf = await electronPrinter('<h1>Minutes: Dec <S&OP></h1>', 'Dec <S&OP>');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const w = made[0]!;
    expect(w.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    expect(w.url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(w.url.split(',')[1]!, 'base64').toString('utf8')).toBe('<h1>Minutes: Dec <S&OP></h1>');
    expect(w.printed).toMatchObject({
      pageSize: PAGE.format,
      landscape: PAGE.landscape,
      displayHeaderFooter: true,
      margins: PAGE.marginInches,
    });
    const { headerTemplate, footerTemplate } = w.printed as { headerTemplate: string; footerTemplate: string };
    expect(headerTemplate).toContain('Dec &#60;S&#38;OP&#62;');
    expect(headerTemplate).not.toContain('<S&OP>');
    expect(footerTemplate).toContain('class="pageNumber"');
    expect(footerTemplate).toContain('class="totalPages"');
    expect(w.webContents.setWindowOpenHandler).toHaveBeenCalled();
    expect(w.destroyed).toBe(true);
  });

  it('destroys the window when printing fails, and passes the failure on', async () => {
    const printing = electronPrinter('<p>x</p>', 'x');
    made[0]!.fail = true;
    await expect(printing).rejects.toThrow('printing failed');
    expect(made[0]!.destroyed).toBe(true);
  });
});
