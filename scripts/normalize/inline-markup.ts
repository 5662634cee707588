/** Turns the newspaper text's Markdown bold markers (**…**) into emphasis nodes instead of literal asterisks. */
import type { PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { PassContext } from './pass.ts';
import type { RepairLog } from './repair-log.ts';

const BOLD = /\*\*(.+?)\*\*/gu;

function parseBold(value: string): { children: PhrasingContent[]; count: number } {
  const children: PhrasingContent[] = [];
  let last = 0;
  let count = 0;
  for (const match of value.matchAll(BOLD)) {
    if (match.index > last) children.push({ type: 'text', value: value.slice(last, match.index) });
    children.push({ type: 'strong', children: [{ type: 'text', value: match[1] }] });
    last = match.index + match[0].length;
    count++;
  }
  if (last < value.length) children.push({ type: 'text', value: value.slice(last) });
  return { children, count };
}

function expand(children: PhrasingContent[], line: number | undefined, log: RepairLog): PhrasingContent[] {
  return children.flatMap((child) => {
    if (child.type !== 'text' || !child.value.includes('**')) return [child];
    const { children: parts, count } = parseBold(child.value);
    if (count) {
      const bold = parts.flatMap((p) => (p.type === 'strong' ? [`“${toString(p)}”`] : []));
      log.add('bold-markers', { line, text: bold.join(''), count });
    }
    return parts;
  });
}

export function inlineMarkup(tree: Root, { log }: PassContext): void {
  for (const node of tree.children) {
    if (node.type === 'paragraph' || node.type === 'heading')
      node.children = expand(node.children, node.data?.line, log);
    if (node.type === 'box')
      for (const item of node.children) item.children = expand(item.children, item.data?.line, log);
  }
}
