/** Reads a source text and rejects files that cannot be a policy text. Errors name the file and the problem. */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Root } from 'mdast';
import type { PassContext } from './pass.ts';

export class SourceError extends Error {
  override name = 'SourceError';
}

/** Byte offset of the first byte that is not UTF-8 (a U+FFFD the file itself holds, EF BF BD, is not one). */
function firstInvalidByte(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  const encoder = new TextEncoder();
  let offset = 0;
  let from = 0;
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) {
    offset += encoder.encode(text.slice(from, at)).length;
    from = at + 1;
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) return offset;
    offset += 3;
  }
  return bytes.length;
}

export function decodeSource(bytes: Uint8Array, label: string): string {
  if (bytes.length === 0) throw new SourceError(`${label}: the file is empty`);
  if (bytes.includes(0))
    throw new SourceError(`${label}: the file contains NUL bytes (binary data, not a text extraction)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    const line = bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1;
    throw new SourceError(
      `${label}: the file is not valid UTF-8: byte ${at} (line ${line}) is the first that does not decode. ` +
        'Convert it to UTF-8, e.g. for a Chinese GB18030/GBK text: iconv -f GB18030 -t UTF-8 file > file.utf8, ' +
        'check file.utf8, then replace the file with it.',
    );
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/[\p{L}\p{N}]/u.test(text))
    throw new SourceError(`${label}: the file holds no text (only whitespace or punctuation)`);
  return text;
}

/**
 * The source text goes into the context, for apply-corrections and parse-lines: a document's
 * files one after another, each starting on a line of its own.
 */
export function readSource(_tree: Root, context: PassContext): void {
  const { files, document } = context;
  const texts = files.map((path) => {
    const label = `${path} (document "${document.slug}")`;
    if (!existsSync(path)) throw new SourceError(`${label}: the source file is missing`);
    return decodeSource(readFileSync(path), label);
  });
  let firstLine = 1;
  context.parts = texts.map((text, i) => {
    const part = { name: basename(files[i]), firstLine };
    firstLine += (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n').length;
    return part;
  });
  context.text = texts
    .map((text, i) => (i < texts.length - 1 && !text.endsWith('\n') ? `${text}\n` : text))
    .join('');
}
