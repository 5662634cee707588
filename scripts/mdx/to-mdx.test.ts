/** Characters special to MDX come out literally; structure becomes JSX with ids. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '@mdx-js/mdx';
import type { Root } from 'mdast';
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
