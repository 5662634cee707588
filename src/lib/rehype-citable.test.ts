/**
 * Fixtures for rehype-citable: markup in → HTML out, in both shapes the plugin meets (hast elements
 * and MDX JSX elements, tests/support/rehype-shapes.ts); both must give the expected HTML.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromHtmlShape as htmlShape, fromMdxShape as mdxShape } from '../../tests/support/rehype-shapes.ts';
import rehypeCitable from './rehype-citable.ts';

const fromHtmlShape = (html: string) => htmlShape(rehypeCitable, html);
const fromMdxShape = (mdx: string) => mdxShape(rehypeCitable, mdx);

/** The control the plugin appends, spelled out. */
const cite = (id: string, symbol: '#' | '¶', label: string) =>
  `<a class="cite" href="#${id}" aria-label="${label}" title="${label}" data-symbol="${symbol}"` +
  ` data-search-ignore="all"></a>`;

const fixtures: { name: string; input: string; output: string }[] = [
  {
    name: 'headings h2–h4 get a “#” control; h1 and h5 do not',
    input:
      '<h1 id="top">宁波市文件</h1><h2 id="s1">一、总体要求</h2><h3 id="s1-1">（一）指导思想</h3>' +
      '<h4 id="s1-1-1">1. 基本原则</h4><h5 id="s1-1-1-1">（1）细目</h5>',
    output:
      '<h1 id="top">宁波市文件</h1>' +
      `<h2 id="s1">一、总体要求${cite('s1', '#', '复制本节链接')}</h2>` +
      `<h3 id="s1-1">（一）指导思想${cite('s1-1', '#', '复制本节链接')}</h3>` +
      `<h4 id="s1-1-1">1. 基本原则${cite('s1-1-1', '#', '复制本节链接')}</h4>` +
      '<h5 id="s1-1-1-1">（1）细目</h5>',
  },
  {
    name: 'a paragraph gets a “¶” control after its inline content, whatever its class',
    input:
      '<p id="s1-p1">坚持<strong>稳中求进</strong>，见<a href="#g1">注</a></p>' +
      '<p class="jump-note" id="n1" role="note">【下转第3版】</p>',
    output:
      `<p id="s1-p1">坚持<strong>稳中求进</strong>，见<a href="#g1">注</a>${cite('s1-p1', '¶', '复制本段链接')}</p>` +
      `<p class="jump-note" id="n1" role="note">【下转第3版】${cite('n1', '¶', '复制本段链接')}</p>`,
  },
  {
    name: 'a 专栏 box and its items get controls; its title does not',
    input:
      '<aside class="box" id="b1" aria-labelledby="b1-title"><p class="box-title" id="b1-title">专栏1 重点项目</p>' +
      '<ul><li id="b1-i1">港口建设</li></ul><p id="b1-p1">说明</p></aside>',
    output:
      '<aside class="box" id="b1" aria-labelledby="b1-title"><p class="box-title" id="b1-title">专栏1 重点项目</p>' +
      `<ul><li id="b1-i1">港口建设${cite('b1-i1', '¶', '复制本条链接')}</li></ul>` +
      `<p id="b1-p1">说明${cite('b1-p1', '¶', '复制本段链接')}</p>` +
      `${cite('b1', '¶', '复制本专栏链接')}</aside>`,
  },
  {
    name: 'a table figure gets a table control, another figure a figure control; captions get none',
    input:
      '<figure class="table-figure" id="t1"><figcaption id="t1-caption">表1 指标</figcaption>' +
      '<table><tbody><tr><td>1</td></tr></tbody></table></figure>' +
      '<figure class="figure-placeholder" id="f1"><figcaption>图1 区位</figcaption></figure>',
    output:
      '<figure class="table-figure" id="t1"><figcaption id="t1-caption">表1 指标</figcaption>' +
      `<table><tbody><tr><td>1</td></tr></tbody></table>${cite('t1', '¶', '复制本表链接')}</figure>` +
      `<figure class="figure-placeholder" id="f1"><figcaption>图1 区位</figcaption>${cite('f1', '¶', '复制本图链接')}</figure>`,
  },
  {
    name: 'glossary entries are list items',
    input: '<ol class="glossary" id="glossary"><li id="g1" value="1"><dfn>两业融合</dfn>。定义</li></ol>',
    output:
      '<ol class="glossary" id="glossary">' +
      `<li id="g1" value="1"><dfn>两业融合</dfn>。定义${cite('g1', '¶', '复制本条链接')}</li></ol>`,
  },
  {
    name: 'no control without an id, with an empty id, or on a tag that is not a passage',
    input:
      '<p>无编号</p><p id="">空编号</p><h2>无编号标题</h2><div id="d1">块</div><aside id="a1">非专栏</aside>' +
      '<section class="preamble" id="front"><p id="f1">首部<span id="x">行内</span></p></section>',
    output:
      '<p>无编号</p><p id="">空编号</p><h2>无编号标题</h2><div id="d1">块</div><aside id="a1">非专栏</aside>' +
      `<section class="preamble" id="front"><p id="f1">首部<span id="x">行内</span>${cite('f1', '¶', '复制本段链接')}</p></section>`,
  },
];

for (const { name, input, output } of fixtures) {
  test(`${name} (hast elements)`, () => {
    assert.equal(fromHtmlShape(input), output);
  });
  test(`${name} (MDX JSX elements)`, async () => {
    assert.equal(await fromMdxShape(input), output);
  });
}

test('MDX: `className` counts like `class`', async () => {
  assert.equal(
    await fromMdxShape(
      '<aside className="box wide" id="b2"><p className="box-title" id="b2-title">专栏2</p></aside>',
    ),
    `<aside class="box wide" id="b2"><p class="box-title" id="b2-title">专栏2</p>${cite('b2', '¶', '复制本专栏链接')}</aside>`,
  );
});

test('MDX: an id known only when the page renders (expression, spread) gets no control', async () => {
  assert.equal(
    await fromMdxShape(`<p id={'s1-p1'}>表达式</p><p {...{ id: 's1-p2' }}>展开</p>`),
    '<p id="s1-p1">表达式</p><p id="s1-p2">展开</p>',
  );
});

test('MDX: a fragment is not a passage, the passages in it are', async () => {
  assert.equal(
    await fromMdxShape('<><p id="s1-p1">片段中的段落</p></>'),
    `<p id="s1-p1">片段中的段落${cite('s1-p1', '¶', '复制本段链接')}</p>`,
  );
});

test('MDX: Markdown syntax becomes hast elements beside the JSX ones; without an id it gets no control', async () => {
  assert.equal(
    await fromMdxShape('## 标题\n\n<h2 id="s2">二、标题</h2>\n\n正文段落\n'),
    `<h2>标题</h2><h2 id="s2">二、标题${cite('s2', '#', '复制本节链接')}</h2><p>正文段落</p>`,
  );
});
