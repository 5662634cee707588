/** Reads a source text and rejects files that cannot be a policy text. Errors name the file and the problem. */
import { existsSync, readFileSync } from 'node:fs';

export class SourceError extends Error {
  override name = 'SourceError';
}

export function decodeSource(bytes: Uint8Array, label: string): string {
  if (bytes.length === 0) throw new SourceError(`${label}: the file is empty`);
  if (bytes.includes(0))
    throw new SourceError(`${label}: the file contains NUL bytes (binary data, not a text extraction)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SourceError(`${label}: the file is not valid UTF-8`);
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/[\p{L}\p{N}]/u.test(text))
    throw new SourceError(`${label}: the file holds no text (only whitespace or punctuation)`);
  return text;
}

export function readSource(path: string, label = path): string {
  if (!existsSync(path)) throw new SourceError(`${label}: the source file is missing`);
  return decodeSource(readFileSync(path), label);
}
