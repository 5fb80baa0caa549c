// PDF by printing the minutes' HTML. The service is handed a printer (ServiceContext.printPdf):
// in the Electron window it is webContents.printToPDF (electron/printPdf.ts); in browser mode
// and the CLI it is this one, headless Chromium through playwright-core, the system Chromium
// found as browser mode finds it (findChromium). The page runs no script and loads nothing.
import { AppError } from '../../shared/domain/errors';
import { findChromium } from '../openBrowser';
import { PAGE, pageTemplates } from './minutesHtml';

/** Prints an HTML page to PDF; `title` heads every page. */
export type PdfPrinter = (html: string, title: string) => Promise<Buffer>;

/** What to do when there is no Chromium to print with. */
export function noChromium(): AppError {
  return new AppError('not_found', 'A PDF is printed by Chromium, and no Chromium was found on this machine.', {
    hint:
      'Install it (apt-get install chromium on Debian/Ubuntu) or name a Chromium-based browser with ' +
      'PLANROOM_BROWSER=/path/to/chrome; or export --format md or xlsx.',
  });
}

const inches = (n: number): string => `${n}in`;

export function chromiumPrinter(env: NodeJS.ProcessEnv = process.env): PdfPrinter {
  return async (html, title) => {
    const executablePath = findChromium(env);
    if (!executablePath) throw noChromium();
    // Loaded on first use: only a PDF export needs the browser driver.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath,
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      // Nothing leaves the page: the minutes are self-contained.
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const m = PAGE.marginInches;
      return await page.pdf({
        format: PAGE.format,
        landscape: PAGE.landscape,
        printBackground: true,
        displayHeaderFooter: true,
        ...pageTemplates(title),
        margin: { top: inches(m.top), bottom: inches(m.bottom), left: inches(m.left), right: inches(m.right) },
      });
    } finally {
      await browser.close();
    }
  };
}
