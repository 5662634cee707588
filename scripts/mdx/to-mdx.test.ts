/** Characters special to MDX come out literally; structure becomes JSX with ids. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import { SOURCE_GAP_KINDS, SOURCE_GAP_MARKERS } from '../normalize/source-gap-kinds.ts';
import { toMdx } from './to-mdx.ts';

const tree: Root = {
  type: 'root',
  children: [
    { type: 'heading', depth: 2, children: [{ type: 'text', value: '第一章 总则' }], data: { id: 's1' } },
    {
      type: 'paragraph',
      children: [{ type: 'text', value: '失业率<3.6，总值>1800，投资[3750]，固定资产投资*，{x} <script>' }],
      data: { id: 's1-p1' },
    },
  ],
};

test('MDX special characters are escaped and survive compilation literally', async () => {
  const mdx = toMdx(tree, { title: '测试' });
  assert.match(mdx, /^---\ntitle: 测试\n---/);
  assert.match(mdx, /<h2 id="s1">第一章 总则<\/h2>/);
  const compiled = String(await compile(mdx, { development: false }));
  for (const literal of ['失业率<3.6', '总值>1800', '投资[3750]', '固定资产投资*', '{x} <script>']) {
    assert.ok(
      compiled.includes(JSON.stringify(literal).slice(1, -1)) ||
        compiled.includes(literal.replace('<', '\\u003c')),
      `compiled MDX keeps ${literal}`,
    );
  }
});

test('a gap in the source is one marker of its kind, outside the search index, never part of a paragraph', () => {
  for (const kind of SOURCE_GAP_KINDS) {
    const mdx = toMdx(
      {
        type: 'root',
        children: [
          { type: 'paragraph', children: [{ type: 'text', value: '贯通用' }], data: { id: 'p1' } },
          { type: 'sourceGap', kind, reason: '两栏之间的文字不在原文中', data: { line: 3 } },
        ],
      },
      { title: '测试' },
    );
    assert.ok(
      mdx.includes(
        `<p id="p1">贯通用</p>\n\n<p class="source-gap" role="note" data-search-ignore="all">〔${SOURCE_GAP_MARKERS[kind]}〕</p>`,
      ),
      `${kind}: ${mdx}`,
    );
  }
});

test('a fold counts the blocks whose numbering differs, and a copy printed first reads as the same text, not a repeat', () => {
  const repeat = (id: string, marker: string, printedBefore?: true, renumbered?: true) => ({
    type: 'heading' as const,
    depth: 2 as const,
    children: [{ type: 'text' as const, value: `${marker}以改革促发展。` }],
    data: {
      id,
      repeatOf: {
        href: '/docs/x/b/#s1',
        page: '乙文',
        ...(renumbered && { renumbered }),
        ...(printedBefore && { printedBefore }),
      },
    },
  });
  const summary = (children: Root['children']) =>
    /<summary>(.*)<\/summary>/.exec(toMdx({ type: 'root', children }, {}))![1];
  assert.equal(
    summary([repeat('s1', '一、'), repeat('s2', '九、', undefined, true), repeat('s3', '三、')]),
    '原文在此重复印出乙文的 3 个标题（其中 1 个序号不同），已折叠',
  );
  assert.equal(
    summary([repeat('s1', '一、'), repeat('s2', '二、')]),
    '原文在此重复印出乙文的 2 个标题，已折叠',
  );
  assert.equal(
    summary([repeat('s1', '六、', true, true), repeat('s2', '七、', true, true)]),
    '原文在此印出的 2 个标题与乙文相同（其中 2 个序号不同），已折叠',
  );
});
