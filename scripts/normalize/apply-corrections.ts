/** Applies a document's recorded text corrections (data in content/) to its raw text. */
import type { Root } from 'mdast';
import type { PassContext } from './pass.ts';

export class CorrectionError extends Error {
  override name = 'CorrectionError';
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Corrects the source text in the context, before it is parsed. */
export function applyCorrections(_tree: Root, context: PassContext): void {
  const { document, log, label } = context;
  let result = context.text;
  document.corrections.forEach((correction, i) => {
    const found = result.split(correction.find).length - 1;
    if (found !== correction.count) {
      throw new CorrectionError(
        `${label}: field "corrections.${i}.find" (${JSON.stringify(correction.find)})` +
          ` occurs ${found} time(s) in the source; the manifest expects ${correction.count}. ` +
          'Copy "find" from the source exactly (line breaks included),' +
          ' or set "count" to the number of times it should occur.',
      );
    }
    let from = 0;
    for (let n = 0; n < found; n++) {
      const at = result.indexOf(correction.find, from);
      // The reason is this correction's own, so it goes with its entry, not with its kind.
      log.add(correction.kind, {
        line: lineOf(result, at + (correction.find.startsWith('\n') ? 1 : 0)),
        text: `${correction.find.trim()} → ${correction.replace.trim()}：${correction.reason}`,
      });
      result = result.slice(0, at) + correction.replace + result.slice(at + correction.find.length);
      from = at + correction.replace.length;
    }
  });
  context.text = result;
}
