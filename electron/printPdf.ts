// The Electron window's PDF printer (ServiceContext.printPdf): the minutes' HTML in a hidden,
// sandboxed window with JavaScript off, printed by webContents.printToPDF with the same paper,
// margins, header (the cycle's name) and footer (Page N of M) as headless Chromium (exports/pdf.ts).
import { BrowserWindow } from 'electron';
import { secureWebPreferences } from './shell/webPreferences';
import type { PdfPrinter } from './exports/pdf';
import { PAGE, pageTemplates } from './exports/minutesHtml';

export const electronPrinter: PdfPrinter = async (html, title) => {
  const win = new BrowserWindow({
    show: false,
    // No preload (the page gets no API) and no JavaScript (the minutes are static HTML).
    webPreferences: secureWebPreferences({ javascript: false }),
  });
  try {
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.on('will-navigate', (e) => e.preventDefault());
    // A data URL: the page is never written to disk.
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await win.webContents.printToPDF({
      pageSize: PAGE.format,
      landscape: PAGE.landscape,
      printBackground: true,
      displayHeaderFooter: true,
      ...pageTemplates(title),
      margins: PAGE.marginInches,
    });
  } finally {
    win.destroy();
  }
};
