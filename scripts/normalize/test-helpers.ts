/** Fixture helpers for the pass tests: build a tree from source-like text and read it back compactly. */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { documentSchema, type DocumentEntry } from '../manifest/schema.ts';
import { createContext, type PassContext } from './pass.ts';
import { parseLines } from './parse-lines.ts';
import type { RepairLog } from './repair-log.ts';

export const FIXTURE_LABEL = 'content/sources/x.txt (document "x")';

/** A manifest entry for fixture text, validated by the real schema; `fields` add or replace fields. */
export function fixtureDocument(fields: Record<string, unknown> = {}): DocumentEntry {
  return documentSchema.parse({
    slug: 'x',
    source: 'x.txt',
    district: 'ningbo',
    title: '测试文本',
    titleSource: 'official',
    kind: '政府工作报告',
    issuer: '测试',
    provenance: '单元测试的示例文字',
    ...fields,
  });
}

/** The tree of `text` as parse-lines makes it, and a context for the passes (its log too). */
export function fixture(
  text: string,
  fields: Record<string, unknown> = {},
): { tree: Root; context: PassContext; log: RepairLog } {
  const context = createContext(fixtureDocument(fields), 'content/sources');
  context.text = text;
  const tree: Root = { type: 'root', children: [] };
  parseLines(tree, context);
  return { tree, context, log: context.log };
}

/** One line per block: `type[:depth] text`. */
export function outline(tree: Root): string[] {
  return tree.children.map((n) => {
    switch (n.type) {
      case 'heading':
        return `h${n.depth} ${toString(n)}`;
      case 'paragraph':
        return `p ${toString(n)}`;
      case 'box':
        return `box ${n.title} [${n.children.map((c) => toString(c)).join(' | ')}]`;
      case 'figure':
        return `figure ${n.caption}`;
      case 'jumpNote':
        return `jump ${n.value}`;
      case 'preamble':
        return `preamble [${n.children.map((c) => toString(c)).join(' | ')}]`;
      case 'sourceGap':
        return `sourceGap ${n.kind}`;
      case 'glossary':
        return `glossary ${n.entries.map((e) => `${e.number}.${e.term}`).join(' ')}`;
      default:
        return n.type;
    }
  });
}
