/** Fixture tests for the small normalization passes (one describe per pass). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyCorrections } from './apply-corrections.ts';
import { assignIds } from './assign-ids.ts';
import { recogniseBoxes } from './boxes.ts';
import { convertTraditional } from './convert-traditional.ts';
import { extractPreamble } from './extract-preamble.ts';
import { recogniseFigures } from './figures.ts';
import { collectGlossary, linkGlossaryNotes } from './glossary-notes.ts';
import { recogniseHeadings } from './headings.ts';
import { inlineMarkup } from './inline-markup.ts';
import { joinBrokenLines } from './join-broken-lines.ts';
import { markJumpLines } from './jump-lines.ts';
import { markRepeats, tocWithoutRepeats } from './mark-repeats.ts';
import { repairsByPage } from './repairs-by-page.ts';
import { decodeSource } from './read-source.ts';
import { removeTableOfContents } from './remove-table-of-contents.ts';
import { RepairLog } from './repair-log.ts';
import { removeStraySpaces } from './stray-spaces.ts';
import { stripWordBookmarks } from './strip-word-bookmarks.ts';
import { fixture, outline } from './test-helpers.ts';

describe('decodeSource', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  test('accepts UTF-8 text and normalizes line endings', () =>
    assert.equal(decodeSource(bytes('第一章\r\n正文'), 'a.txt'), '第一章\n正文'));
  test('rejects an empty file', () =>
    assert.throws(() => decodeSource(new Uint8Array(), 'a.txt'), /a\.txt: the file is empty/));
  test('rejects NUL bytes', () =>
    assert.throws(() => decodeSource(new Uint8Array([0xe4, 0xb8, 0x80, 0]), 'a.txt'), /NUL bytes/));
  test('rejects invalid UTF-8', () =>
    assert.throws(() => decodeSource(new Uint8Array([0xff, 0xfe, 0x41]), 'a.txt'), /not valid UTF-8/));
  test('rejects a file with no text', () =>
    assert.throws(() => decodeSource(bytes(' \n\t\n'), 'a.txt'), /holds no text/));
});

describe('applyCorrections', () => {
  const correction = {
    find: '二 三五年',
    replace: '二〇三五年',
    count: 1,
    kind: 'lost-glyph' as const,
    reason: 'PDF 丢字',
  };
  test('replaces and records with the line', () => {
    const log = new RepairLog();
    assert.equal(applyCorrections('甲\n到二 三五年', [correction], log, 'x'), '甲\n到二〇三五年');
    assert.equal(log.summaries()[0].details[0].line, 2);
  });
  test('fails naming the field when the count differs', () =>
    assert.throws(
      () => applyCorrections('无', [correction], new RepairLog(), 'doc.txt (document "d")'),
      /doc\.txt \(document "d"\): field "corrections\.0\.find".*occurs 0 time/,
    ));
});

describe('stripWordBookmarks', () => {
  test('removes markers and drops lines left empty', () => {
    const { tree, log } = fixture('[bookmark: _Toc1]第一章 总则\n[bookmark: _Toc2]\n[bookmark: _Hlk3]正文。');
    stripWordBookmarks(tree, log);
    assert.deepEqual(outline(tree), ['p 第一章 总则', 'p 正文。']);
    assert.equal(log.count('word-bookmark'), 3);
  });
});

describe('extractPreamble', () => {
  test('moves the lines before the body into a preamble', () => {
    const { tree } = fixture('政府工作报告\n\n各位代表：\n现在报告。');
    extractPreamble(tree, '各位代表：', 'x');
    assert.deepEqual(outline(tree), ['preamble [政府工作报告]', 'p 各位代表：', 'p 现在报告。']);
  });
  test('fails when the anchor is missing', () =>
    assert.throws(() => extractPreamble(fixture('正文').tree, '无', 'x'), /field "preamble\.until"/));
});

describe('removeTableOfContents', () => {
  test('removes a printed TOC and returns its entries', () => {
    const { tree, log } = fixture('目 录\n第一章 总则\t1\n第一节 目标.....\t3\n\n第一章 总则\n正文。');
    const toc = removeTableOfContents(tree, log);
    assert.deepEqual(
      toc.map((e) => [e.text, e.page]),
      [
        ['第一章 总则', 1],
        ['第一节 目标', 3],
      ],
    );
    assert.deepEqual(outline(tree), ['p 第一章 总则', 'p 正文。']);
  });
});

describe('convertTraditional', () => {
  test('converts only lines in traditional characters', () => {
    const { tree, log } = fixture('第四節 高質量建設“健康慈溪”\n着力发展。');
    convertTraditional(tree, log);
    assert.deepEqual(outline(tree), ['p 第四节 高质量建设“健康慈溪”', 'p 着力发展。']);
    assert.equal(log.count('traditional-to-simplified'), 3);
  });
});

describe('markJumpLines', () => {
  test('turns newspaper jump lines into notes', () => {
    const { tree, log } = fixture('【**紧接第1版**】我们要建设。\n【下转第3版】');
    markJumpLines(tree, log);
    assert.deepEqual(outline(tree), ['jump 紧接第1版', 'p 我们要建设。', 'jump 下转第3版']);
  });
});

describe('recogniseFigures', () => {
  test('an image placeholder takes the caption below it; a caption line alone is a figure too', () => {
    const { tree, log } = fixture('[image: ]\n图1 一核四城六空间\n正文。\n图2 慈溪市铁路规划布局图');
    recogniseFigures(tree, log);
    assert.deepEqual(outline(tree), [
      'figure 图1 一核四城六空间',
      'p 正文。',
      'figure 图2 慈溪市铁路规划布局图',
    ]);
  });
});

describe('recogniseHeadings', () => {
  test('章 > 节 with inconsistent numbering', () => {
    const { tree, log } = fixture('第一章 总则\n第一节 目标\n正文。\n第3节 指导思想\n正文。');
    recogniseHeadings(tree, log);
    assert.deepEqual(outline(tree), [
      'h2 第一章 总则',
      'h3 第一节 目标',
      'p 正文。',
      'h3 第3节 指导思想',
      'p 正文。',
    ]);
  });
  test('run-in headings are split from their paragraph, bold markers dropped', () => {
    const { tree, log } = fixture('三、勇于争先\n（一）**聚力科技创新大突破**。把创新摆在首位。');
    recogniseHeadings(tree, log);
    assert.deepEqual(outline(tree), [
      'h2 三、勇于争先',
      'h3 （一）聚力科技创新大突破。',
      'p 把创新摆在首位。',
    ]);
  });
  test('bare title lines rank above numbered parts; 名 词 解 释 is joined', () => {
    const { tree, log } = fixture(
      '各位代表：\n本届政府工作回顾\n过去五年。\n一、聚焦改革攻坚\n正文。\n名 词 解 释\n1.两业融合。融合发展。',
    );
    recogniseHeadings(tree, log);
    assert.deepEqual(outline(tree), [
      'p 各位代表：',
      'h2 本届政府工作回顾',
      'p 过去五年。',
      'h3 一、聚焦改革攻坚',
      'p 正文。',
      'h2 名词解释',
      'p 1.两业融合。融合发展。',
    ]);
  });
  test('a document numbered by 章 takes no bare title lines', () => {
    const { tree, log } = fixture('第一章 总则\n正文。\n化学需氧量\n正文。');
    recogniseHeadings(tree, log);
    assert.deepEqual(outline(tree), ['h2 第一章 总则', 'p 正文。', 'p 化学需氧量', 'p 正文。']);
  });
  test('a short fragment after an unfinished sentence is not a heading', () => {
    const { tree, log } = fixture('促进民营经济，弘\n扬企业家精神\n正文。');
    recogniseHeadings(tree, log);
    assert.deepEqual(
      outline(tree).map((l) => l[0]),
      ['p', 'p', 'p'],
    );
  });
});

describe('recogniseBoxes', () => {
  test('a 专栏 with bullets ends at a gap of blank lines', () => {
    const { tree } = fixture('\t专栏1：“四城”发展定位\n\n\t· 东部新城。\n· 南部新城。\n\n\n正文继续。');
    recogniseBoxes(tree);
    assert.deepEqual(outline(tree), ['box 专栏1：“四城”发展定位 [东部新城。 | 南部新城。]', 'p 正文继续。']);
  });
  test('a numbered 专栏 runs to the next heading', () => {
    const { tree, log } = fixture(
      '专栏 2：产业链\n\n1. 智能家电。\n\n2. 稀土\n\n永磁材料。\n\n第二节 服务业',
    );
    recogniseHeadings(tree, log);
    recogniseBoxes(tree);
    joinBrokenLines(tree, log);
    assert.deepEqual(outline(tree), [
      'box 专栏 2：产业链 [1. 智能家电。 | 2. 稀土永磁材料。]',
      'h2 第二节 服务业',
    ]);
  });
});

describe('joinBrokenLines', () => {
  test('joins a paragraph broken mid-sentence, keeps real breaks, headings and items apart', () => {
    const { tree, log } = fixture(
      '推动共同富裕。推\n\n进共同富裕示范区建设。\n新段落，\n——打造新城。\n第二章 发展',
    );
    recogniseHeadings(tree, log);
    joinBrokenLines(tree, log);
    assert.deepEqual(outline(tree), [
      'p 推动共同富裕。推进共同富裕示范区建设。',
      'p 新段落，',
      'p ——打造新城。',
      'h2 第二章 发展',
    ]);
    assert.equal(log.count('joined-lines'), 1);
  });
  test('does not join across a recorded gap in the source (a column cut off)', () => {
    const { tree, log } = fixture('重大原则，贯通用\n维、创新优解路径。');
    const second = tree.children[1];
    assert.ok(second.type === 'paragraph');
    second.data = { ...second.data, gapBefore: true };
    joinBrokenLines(tree, log);
    assert.deepEqual(outline(tree), ['p 重大原则，贯通用', 'p 维、创新优解路径。']);
    assert.equal(log.count('joined-lines'), 0);
  });
});

describe('removeStraySpaces', () => {
  test('removes spaces next to Chinese text only', () => {
    assert.deepEqual(removeStraySpaces('高颜值环 境，增加到 15 个，R&D 经费'), {
      text: '高颜值环境，增加到15个，R&D经费',
      removed: 4,
    });
    assert.equal(removeStraySpaces('PM 2.5').text, 'PM 2.5');
  });
});

describe('inlineMarkup', () => {
  test('bold markers become strong; single asterisks stay', () => {
    const { tree, log } = fixture('——**打造全球智造创新之都**。固定资产投资*');
    inlineMarkup(tree, log);
    const p = tree.children[0];
    assert.equal(p.type === 'paragraph' && p.children.map((c) => c.type).join(','), 'text,strong,text');
    assert.equal(p.type === 'paragraph' && (p.children[2] as { value: string }).value, '。固定资产投资*');
  });
});

describe('glossary notes', () => {
  const source =
    '入选“两业融合”1试点，PCT申请1130件，“152”体系与“141”体系10全面贯通，轨道2号线。\n名词解释\n1.两业融合。先进制造业和现代服务业融合发展。\n10.“152”体系与“141”体系全面贯通。说明。\n11.PCT申请。专利申请。';
  test('links each entry from the first place its term carries its number, leaving other numbers alone', () => {
    const { tree, log } = fixture(source);
    recogniseHeadings(tree, log);
    collectGlossary(tree);
    linkGlossaryNotes(tree, log, 'x');
    const p = tree.children[0];
    assert.ok(p.type === 'paragraph');
    const refs = p.children.filter((c) => c.type === 'noteRef').map((c) => (c as { number: number }).number);
    assert.deepEqual(refs, [1, 11, 10]);
    const text = p.children
      .map((c) => ('value' in c ? c.value : `[${(c as { number: number }).number}]`))
      .join('');
    assert.equal(
      text,
      '入选“两业融合”[1]试点，PCT申请[11]30件，“152”体系与“141”体系[10]全面贯通，轨道2号线。',
    );
  });
  test('an entry never referred to fails the build', () => {
    const { tree, log } = fixture('正文没有注码。\n名词解释\n1.两业融合。说明。');
    recogniseHeadings(tree, log);
    collectGlossary(tree);
    assert.throws(
      () => linkGlossaryNotes(tree, log, 'doc.txt'),
      /doc\.txt: 名词解释 entries 1 are never referred to/,
    );
  });
});

describe('ids and repeats', () => {
  test('ids come from the structure, not the wording', () => {
    const { tree, log } = fixture('前言。\n第一章 总则\n甲。\n第一节 目标\n乙。\n丙。\n第二章 发展\n丁。');
    recogniseHeadings(tree, log);
    const toc = assignIds(tree);
    const ids = tree.children.map((n) => (n.type === 'heading' || n.type === 'paragraph' ? n.data?.id : ''));
    assert.deepEqual(ids, ['p1', 's1', 's1-p1', 's1-1', 's1-1-p1', 's1-1-p2', 's2', 's2-p1']);
    assert.deepEqual(
      toc.map((t) => t.id),
      ['s1', 's1-1', 's2'],
    );
  });
  test('a paragraph printed twice is marked as a repeat of the first, ignoring its numbering', () => {
    const { tree, log } = fixture(
      '一、以改革促发展，推动共同富裕全面进展。\n二、以改革促发展，推动共同富裕全面进展。',
    );
    assignIds(tree);
    markRepeats([{ tree, page: '/a/' }], log);
    const [first, second] = tree.children;
    assert.equal(first.type === 'paragraph' && first.data?.repeatOf, undefined);
    assert.equal(second.type === 'paragraph' && second.data?.repeatOf, '#p1');
  });
  test('a short heading is a repeat when the source prints it again with its paragraph, and leaves the TOC', () => {
    const { tree, log } = fixture(
      '三、分类引导施策。\n按照“分类施策、逐项破题”原则妥善处置。\n四、优化空间指标。\n推进工业上楼。\n三、分类引导施策。\n按照“分类施策、逐项破题”原则妥善处置。\n四、优化空间指标。\n另一段新的文字，并不重复。',
    );
    recogniseHeadings(tree, log);
    const toc = assignIds(tree);
    markRepeats([{ tree, page: '/a/' }], log);
    const repeatOf = tree.children.map((n) =>
      n.type === 'heading' || n.type === 'paragraph' ? (n.data?.repeatOf ?? '') : '',
    );
    // The second 三、 comes back with its paragraph; the second 四、 does not (its paragraph is new).
    assert.deepEqual(repeatOf, ['', '', '', '', '#s1', '#s1-p1', '', '']);
    assert.deepEqual(
      tocWithoutRepeats(toc, tree).map((t) => t.text),
      ['三、分类引导施策。', '四、优化空间指标。', '四、优化空间指标。'],
    );
  });
});

describe('repairsByPage', () => {
  test('each page of a compilation lists the repairs in its own lines; a moved headline goes to its article', () => {
    const a = fixture('甲文第一段，\n乙文第一段。').tree; // lines 1–2
    const b = fixture('\n\n\n丙文。').tree; // line 4
    const log = new RepairLog();
    log.add('joined-lines', { line: 2, text: '甲⏎乙' });
    log.add('joined-lines', { line: 5, text: '丙⏎丁' });
    log.add('moved-headline', { line: 1, text: '标题', article: 'b' });
    log.add('word-bookmark', undefined, { count: 7 });
    const [first, second] = repairsByPage([{ tree: a }, { tree: b, article: 'b' }], log.summaries());
    const counts = (list: typeof first) => Object.fromEntries(list.map((r) => [r.kind, r.count]));
    assert.deepEqual(counts(first), { 'joined-lines': 1, 'word-bookmark': 7 });
    assert.deepEqual(counts(second), { 'joined-lines': 1, 'moved-headline': 1, 'word-bookmark': 7 });
  });
});
