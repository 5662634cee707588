/**
 * Converts lines written in traditional characters to simplified ones with OpenCC (t → cn).
 * Only lines the converter changes are touched, and each is recorded with the characters changed.
 */
import type { Root } from 'mdast';
import * as OpenCC from 'opencc-js';
import type { RepairLog } from './repair-log.ts';
import { isParagraph, setText, textOf } from './tree.ts';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

export function convertTraditional(tree: Root, log: RepairLog): void {
  for (const node of tree.children) {
    const lines = node.type === 'preamble' ? node.children : isParagraph(node) ? [node] : [];
    for (const line of lines) {
      const text = textOf(line);
      const simplified = toSimplified(text);
      if (simplified === text) continue;
      const changed = [...text]
        .map((ch, i) => (ch !== [...simplified][i] ? `${ch}→${[...simplified][i]}` : ''))
        .filter(Boolean);
      setText(line, simplified);
      log.add(
        'traditional-to-simplified',
        {
          line: line.data?.line,
          text: `${changed.length} 字：${[...new Set(changed)].slice(0, 12).join(' ')}${changed.length > 12 ? ' …' : ''}`,
        },
        { count: changed.length },
      );
    }
  }
}
