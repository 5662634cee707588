/** The text of one cell printed over several lines (see tables.ts: vertical text, wrapped phrases, lists). */
import { foldWidth } from '../../../src/lib/conventions/widths.ts';
import { HAN_CHAR } from './shared.ts';

/**
 * Joins the lines of one cell (runs of lines separated by blank lines). Vertical text that the
 * cell prints again, run after run (高水平开放 twice in one merged label cell), is shown once:
 * `repeated` says how many times it was printed.
 */
export function cellText(runs: string[][]): { text: string; vertical: boolean; repeated?: number } {
  const lines = runs.map((run) => run.map((l) => l.trim()));
  const all = lines.flat();
  const vertical = all.length >= 2 && all.every((l) => HAN_CHAR.test(l));
  if (vertical) {
    const words = lines.map((run) => run.join('')).filter((w) => w !== '');
    if (words.length > 1 && words.every((w) => w === words[0]))
      return { text: words[0], vertical, repeated: words.length };
    return { text: words.join('\n'), vertical };
  }
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
