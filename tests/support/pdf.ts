/**
 * What Chromium prints: a page printed to PDF (A4, the browser's own print layout), read back with
 * pdf.js as the text on each sheet and where it stands.
 */
import type { Page } from 'playwright';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A run of text on a sheet: x from the left edge, y from the top edge, in PDF points. */
export interface PrintedText {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface PrintedSheet {
  width: number;
  height: number;
  texts: PrintedText[];
  /** The sheet's text, runs joined in order. */
  text: string;
}

/** Prints the page as Chromium does (media print, A4, its margins) and reads the sheets back. */
export async function printToSheets(page: Page): Promise<PrintedSheet[]> {
  const pdf = await page.pdf({
    format: 'A4',
    margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' },
  });
  return readSheets(pdf);
}

async function readSheets(pdf: Uint8Array): Promise<PrintedSheet[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const sheets: PrintedSheet[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const sheet = await document.getPage(n);
    const { width, height } = sheet.getViewport({ scale: 1 });
    const content = await sheet.getTextContent();
    const texts = content.items.flatMap((item) =>
      'str' in item && item.str.trim() !== ''
        ? [
            {
              text: item.str.normalize('NFKC'),
              x: item.transform[4],
              // PDF y runs up from the bottom; the run's top edge, measured from the sheet's top.
              y: height - item.transform[5] - item.height,
              width: item.width,
              height: item.height,
            },
          ]
        : [],
    );
    sheets.push({ width, height, texts, text: texts.map((t) => t.text).join('') });
  }
  await document.destroy();
  return sheets;
}
