/**
 * Removes spaces the extraction left next to Chinese text (`高颜值环 境`, `增加到 15 个`).
 * Chinese running text has no word spaces; headings keep theirs, since a space can separate two phrases there.
 */
import type { PhrasingContent, Root } from 'mdast';
import type { PassContext } from './pass.ts';
import type { RepairLog } from './repair-log.ts';

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’';
const STRAY = new RegExp(
  `(?<=[${CJK}])[ \\u00a0\\u3000\\t]+(?=\\S)|(?<=\\S)[ \\u00a0\\u3000\\t]+(?=[${CJK}])`,
  'gu',
);

export function removeStraySpaces(text: string): { text: string; removed: number } {
  let removed = 0;
  const result = text.replace(STRAY, () => {
    removed++;
    return '';
  });
  return { text: result, removed };
}

function cleanPhrasing(children: PhrasingContent[], log: RepairLog, line?: number): void {
  for (const child of children) {
    if (child.type === 'text') {
      const { text, removed } = removeStraySpaces(child.value);
      if (removed) {
        child.value = text;
        log.add('stray-space', line ? { line, text: `${removed} 处` } : undefined, { count: removed });
      }
    } else if ('children' in child) cleanPhrasing(child.children as PhrasingContent[], log, line);
  }
}

export function removeStraySpacesPass(tree: Root, { log }: PassContext): void {
  for (const node of tree.children) {
    if (node.type === 'paragraph') cleanPhrasing(node.children, log, node.data?.line);
    if (node.type === 'box')
      for (const item of node.children) cleanPhrasing(item.children, log, item.data?.line);
    if (node.type === 'sourceTable') {
      const clean = (value: string): string => {
        const { text, removed } = removeStraySpaces(value);
        if (removed) log.add('stray-space', undefined, { count: removed });
        return text;
      };
      node.caption = clean(node.caption);
      if (node.note) node.note = clean(node.note);
      for (const row of [...node.head, ...node.body]) for (const cell of row) cell.text = clean(cell.text);
    }
  }
}
