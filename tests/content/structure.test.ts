/** The structure each source must show on the built site (headings with anchors, tables, notes, no debris). */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { distDir } from '../support/serve-dist.ts';
import { readHtml } from '../support/site-text.ts';

function page(path: string) {
  return readHtml(join(distDir, 'docs', path, 'index.html'));
}
const headings = (path: string, level: string) =>
  selectAll(`.doc-body ${level}`, page(path)).map((h) => ({
    id: h.properties?.id as string | undefined,
    text: toText(h).trim(),
  }));

describe('headings with anchors', () => {
  test('慈溪: the 12 chapters and 46 sections of its table of contents', () => {
    const chapters = headings('cixi-shisiwu-guihua', 'h2');
    const sections = headings('cixi-shisiwu-guihua', 'h3');
    assert.equal(chapters.filter((h) => /^第.+章/.test(h.text)).length, 12);
    assert.equal(sections.filter((h) => /^第.+节/.test(h.text)).length, 46);
    assert.ok([...chapters, ...sections].every((h) => h.id));
    assert.ok(
      sections.some((h) => h.text === '第三节 二〇三五年远景目标'),
      'the lost 〇 is restored',
    );
    assert.ok(
      sections.some((h) => h.text === '第四节 高质量建设“健康慈溪”'),
      'the traditional heading is simplified',
    );
  });
  test('鄞州: 11 chapters, sections numbered either way', () => {
    assert.equal(
      headings('yinzhou-shisiwu-guihua', 'h2').filter((h) => /^第.+章/.test(h.text) && h.id).length,
      11,
    );
    assert.ok(headings('yinzhou-shisiwu-guihua', 'h3').some((h) => h.text === '第3节 指导思想'));
  });
  test('北仑: seven numbered parts, 四 restored', () => {
    const parts = headings('beilun-2022-zhengfu-gongzuo-baogao', 'h3').filter((h) =>
      /^[一二三四五六七]、/.test(h.text),
    );
    assert.deepEqual(
      parts.map((h) => h.text[0]),
      [...'一二三四五六七'],
    );
    assert.ok(parts.every((h) => h.id));
  });
  test('党代会报告: the nine parts （一）…（九）', () => {
    const parts = headings('ningbo-dangdaihui-baogao', 'h3').filter(
      (h) => /^（[一二三四五六七八九]）/.test(h.text) && h.id,
    );
    assert.equal(parts.length, 9);
  });
  test('the newspaper page: five articles, each with its headline', () => {
    const expected = {
      haishu: '以卓越标准、先行姿态坚决扛起改革使命',
      jiangbei: '增强改革定力 强化改革攻坚',
      zhenhai: '打造科创强区 建设品质之城',
      beilun: '勇当进一步全面深化改革探路者 奋力谱写“双一流双示范”建设新篇章',
      yuyao: '全力提升工业用地二次开发水平',
    };
    for (const [slug, headline] of Object.entries(expected)) {
      const h1 = select('h1', page(`jingcai-pianzhang/${slug}`));
      assert.equal(h1 && toText(h1).trim(), headline);
      assert.ok(h1?.properties?.id, `${slug} headline has an anchor`);
    }
  });
});

describe('tables, notes and debris', () => {
  test('the four tables are each one <table>', () => {
    assert.equal(selectAll('.doc-body table', page('yinzhou-shisiwu-guihua')).length, 2);
    assert.equal(selectAll('.doc-body table', page('cixi-shisiwu-guihua')).length, 2);
  });
  test('the 21 glossary notes of 北仑 are each linked from the text and back', () => {
    const tree = page('beilun-2022-zhengfu-gongzuo-baogao');
    const refs = selectAll('a.note-ref', tree);
    assert.equal(refs.length, 21);
    for (const ref of refs) {
      const target = String(ref.properties?.href).slice(1);
      assert.ok(select(`#${target}`, tree), `${target} exists`);
      assert.ok(select(`a.back-ref[href="#${ref.properties?.id}"]`, tree), `entry ${target} links back`);
    }
  });
  test('no extraction debris on any page; special characters appear literally', () => {
    // 整理说明 quotes what was removed (“[bookmark: _Toc…]”); the rest of the page must not hold it.
    const withoutRepairNote = (file: string) => {
      const article = select('article', readHtml(file))!;
      const note = select('#repairs', article);
      if (note) note.children = [];
      return article;
    };
    const all = readdirSync(join(distDir, 'docs'), { recursive: true })
      .filter((f) => String(f).endsWith('index.html'))
      .map((f) => toText(withoutRepairNote(join(distDir, 'docs', String(f)))))
      .join('\n');
    for (const debris of ['[bookmark:', '_Toc', '_Hlk', '[image:', '**'])
      assert.ok(!all.includes(debris), `no ${debris}`);
    for (const literal of ['<3.6', '>1800', '[3750]', '固定资产投资*'])
      assert.ok(all.includes(literal), `${literal} shown literally`);
  });
});
