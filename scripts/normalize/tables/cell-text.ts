/** The text of one cell printed over several lines (see tables.ts: vertical text, wrapped phrases, lists). */
import { foldWidth } from '../../../src/lib/conventions/widths.ts';
import { HAN_CHAR } from './shared.ts';

/** Joins the lines of one cell (runs of lines separated by blank lines). */
export function cellText(runs: string[][]): { text: string; vertical: boolean } {
  const lines = runs.map((run) => run.map((l) => l.trim()));
  const all = lines.flat();
  const vertical = all.length >= 2 && all.every((l) => HAN_CHAR.test(l));
  if (vertical) return { text: lines.map((run) => run.join('')).join('\n'), vertical };
  return {
    text: lines
      .map(joinPhrase)
      .filter((t, _i, a) => t !== '' || a.length === 1)
      .join('\n'),
    vertical,
  };
}

function joinPhrase(lines: string[]): string {
  let text = '';
  let list = false;
  for (const line of lines) {
    if (line === '') continue;
    if (text === '') text = line;
    else if (list) text += `\n${line}`;
    else text += (/[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(line) ? ' ' : '') + line;
    if (foldWidth(line).endsWith(':')) list = true;
  }
  return text;
}
