import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMdxRenderer } from './render-mdx.ts';
import { rehypePlugins, remarkPlugins } from './markdown-plugins.ts';

const bare = createMdxRenderer({ remarkPlugins: [], rehypePlugins: [] });

test('a paragraph holding only a JSX element is that element, its Markdown rendered', () => {
  assert.equal(bare('<p id="s1-p1">甲 *乙* 丙</p>\n'), '<p id="s1-p1">甲 <em>乙</em> 丙</p>');
});

test('a multi-line container keeps its blocks; attributes are HTML attributes', () => {
  const mdx =
    '<aside class="box" aria-labelledby="b1-t">\n  <p id="b1-t" class="box-title">专栏1</p>\n\n  <ul>\n    <li id="b1-i1">一</li>\n  </ul>\n</aside>\n';
  assert.equal(
    bare(mdx),
    '<aside class="box" aria-labelledby="b1-t"><p id="b1-t" class="box-title">专栏1</p><ul><li id="b1-i1">一</li></ul></aside>',
  );
  assert.equal(
    bare('<table><tbody><tr><td colspan="2" rowspan="3">x</td></tr></tbody></table>\n'),
    '<table><tbody><tr><td colspan="2" rowspan="3">x</td></tr></tbody></table>',
  );
});

test('characters special to MDX come out as the text they stand for', () => {
  assert.equal(
    bare('<p id="p1">R&D 经费 \\<3.6 \\{x\\} 投资\\*</p>\n'),
    '<p id="p1">R&amp;D 经费 &lt;3.6 {x} 投资*</p>',
  );
});

test("the site's plugins run: a citable paragraph gets its link, a heading its phrase breaks", () => {
  const render = createMdxRenderer({ remarkPlugins, rehypePlugins: rehypePlugins({ base: '/base/' }) });
  const html = render(
    '<h2 id="s1">本届政府工作回顾</h2>\n\n<p id="s1-p1">见<a href="/docs/x/#p2">前文</a></p>\n',
  );
  assert.match(html, /<h2 id="s1">[^<]*<wbr>/u);
  assert.match(html, /<a class="cite" href="#s1-p1"/u);
  assert.match(html, /href="\/base\/docs\/x\/#p2"/u);
});

test('a component, an expression or an expression attribute fails with its line', () => {
  assert.throws(() => bare('<p id="p1">一</p>\n\n<Chart />\n'), /line 3: <Chart> is not an HTML tag/u);
  assert.throws(() => bare('<p id="p1">一</p>\n\n{1 + 1}\n'), /line 3: an MDX expression/u);
  assert.throws(() => bare('<p id={x}>一</p>\n'), /line 1: <p> has an attribute written as an expression/u);
  assert.throws(
    () => bare('import x from "y"\n\n<p id="p1">一</p>\n'),
    /line 1: an MDX expression or import/u,
  );
  assert.throws(() => bare('<p id="p1">一</p>\n\n<p id="p2">二</q>\n'), /^Error: line 3:\d+: /u);
});
