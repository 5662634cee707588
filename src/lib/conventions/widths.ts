/**
 * Punctuation, letter and digit widths. Sources print either form (`（二）` from Word, `(二)` from a
 * web page or OCR), and readers type either (with or without an input method). Pages keep the form
 * the source prints; recognition (headings, lists, notes, tables, line joins) and search compare
 * text folded to one form: the ASCII one.
 *
 * Folded: the full-width forms U+FF01–U+FF5E (，：；（）％０Ａ …) to ASCII, the ideographic space to
 * a space, the full-width currency and sign forms U+FFE0–U+FFE6, and curly quotes to straight ones
 * (an input method types “”‘’, a keyboard without one types "').
 * Not folded: punctuation with no ASCII twin (。、《》【】…), which is the same whatever the typing.
 * Every character folds to exactly one UTF-16 unit, so offsets in folded text are offsets in the original.
 */

const SPECIAL: Record<string, string> = {
  '\u3000': ' ',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '\uffe0': '¢',
  '\uffe1': '£',
  '\uffe2': '¬',
  '\uffe3': '¯',
  '\uffe4': '¦',
  '\uffe5': '¥',
  '\uffe6': '₩',
};

const FOLDABLE = /[\uff01-\uff5e\u3000“”‘’\uffe0-\uffe6]/gu;

/** One character's folded form (itself when it has no narrower twin). */
export function foldWidthChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return SPECIAL[ch] ?? ch;
}

/** The text with every full-width form folded to its ASCII twin; same length, same offsets. */
export function foldWidth(text: string): string {
  return text.replace(FOLDABLE, foldWidthChar);
}
