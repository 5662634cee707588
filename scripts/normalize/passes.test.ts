/** Fixture tests for the small normalization passes (one describe per pass). */
import type { RootContent } from 'mdast';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toString } from 'mdast-util-to-string';
import * as OpenCC from 'opencc-js';
import { applyCorrections, CorrectionError } from './apply-corrections.ts';
import { assignIds, tableOfContents } from './assign-ids.ts';
import { recogniseBoxes } from './boxes.ts';
import { checkAgainstToc, TocMismatchError } from './check-toc.ts';
import { changedCharacters, convertTraditional } from './convert-traditional.ts';
import { extractPreamble, PreambleError } from './extract-preamble.ts';
import { recogniseFigures } from './figures.ts';
import { collectGlossary } from './glossary.ts';
import { GlossaryError, linkGlossaryNotes } from './glossary-notes.ts';
import { recogniseHeadings } from './headings.ts';
import { inlineMarkup } from './inline-markup.ts';
import { joinBrokenLines } from './join-broken-lines.ts';
import { markJumpLines } from './jump-lines.ts';
import { markRepeats } from './mark-repeats.ts';
import { repairsByPage } from './repairs-by-page.ts';
import { decodeSource, SourceError } from './read-source.ts';
import { removeTableOfContents } from './remove-table-of-contents.ts';
import { RepairLog } from './repair-log.ts';
import { AttributionError, markAttributions } from './attributions.ts';
import { markContinuedParagraphs } from './continued-paragraphs.ts';
import { markCutOffText } from './cut-off-text.ts';
import { noteDifferingCopies } from './differing-copies.ts';
import { placeSourceGaps, SourceGapError } from './source-gaps.ts';
import { CompilationError, splitCompilation } from './split-compilation.ts';
import { removeStraySpaces, removeStraySpacesPass } from './stray-spaces.ts';
import { splitRunOnLines } from './split-run-on-lines.ts';
import { stripWordBookmarks } from './strip-word-bookmarks.ts';
import { documentSchema } from '../manifest/schema.ts';
import { fixture, fixtureDocument, FIXTURE_LABEL, outline } from './test-helpers.ts';

describe('decodeSource', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  test('accepts UTF-8 text and normalizes line endings', () =>
    assert.equal(decodeSource(bytes('第一章\r\n正文'), 'a.txt'), '第一章\n正文'));
  test('rejects an empty file', () => {
    assert.throws(() => decodeSource(new Uint8Array(), 'a.txt'), SourceError);
    assert.throws(() => decodeSource(new Uint8Array(), 'a.txt'), /a\.txt: the file is empty/);
  });
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
    const { tree, context, log } = fixture('甲\n到二 三五年', { corrections: [correction] });
    applyCorrections(tree, context);
    assert.equal(context.text, '甲\n到二〇三五年');
    assert.equal(log.summaries()[0].details[0].line, 2);
  });
  test('fails naming the file, the document and the field when the count differs', () => {
    const { tree, context } = fixture('无', { corrections: [correction] });
    assert.throws(
      () => applyCorrections(tree, context),
      /content\/sources\/x\.txt \(document "x"\): field "corrections\.0\.find".*occurs 0 time/,
    );
    assert.throws(() => applyCorrections(tree, context), CorrectionError);
  });
});

describe('stripWordBookmarks', () => {
  test('removes markers and drops lines left empty', () => {
    const { tree, log, context } = fixture(
      '[bookmark: _Toc1]第一章 总则\n[bookmark: _Toc2]\n[bookmark: _Hlk3]正文。',
    );
    stripWordBookmarks(tree, context);
    assert.deepEqual(outline(tree), ['p 第一章 总则', 'p 正文。']);
    assert.equal(log.count('word-bookmark'), 3);
  });
});

describe('extractPreamble', () => {
  test('moves the lines before the body into a preamble', () => {
    const { tree, context } = fixture('政府工作报告\n\n各位代表：\n现在报告。', {
      preamble: { until: '各位代表：' },
    });
    extractPreamble(tree, context);
    assert.deepEqual(outline(tree), ['preamble [政府工作报告]', 'p 各位代表：', 'p 现在报告。']);
  });
  test('fails when the anchor is missing', () => {
    const { tree, context } = fixture('正文', { preamble: { until: '无' } });
    assert.throws(() => extractPreamble(tree, context), /field "preamble\.until"/);
    assert.throws(() => extractPreamble(tree, context), PreambleError);
  });
});

describe('removeTableOfContents', () => {
  test('removes a printed TOC and returns its entries', () => {
    const { tree, context } = fixture('目 录\n第一章 总则\t1\n第一节 目标.....\t3\n\n第一章 总则\n正文。');
    removeTableOfContents(tree, context);
    assert.deepEqual(
      context.printedToc.map((e) => [e.text, e.page]),
      [
        ['第一章 总则', 1],
        ['第一节 目标', 3],
      ],
    );
    assert.deepEqual(outline(tree), ['p 第一章 总则', 'p 正文。']);
  });
});

describe('checkAgainstToc', () => {
  const toc =
    '目 录\n第一章 总则\t1\n第一节 目标\t3\n第二章 发展\t5\n\n第一章 总则\n正文。\n第1节 目标\n正文。\n';
  const run = (body: string) => {
    const { tree, context, log } = fixture(toc + body);
    removeTableOfContents(tree, context);
    recogniseHeadings(tree, context);
    return { check: () => checkAgainstToc(tree, context), log };
  };
  test('passes when every entry is a heading (第1节 is 第一节), noting where the wording differs', () => {
    const { check, log } = run('第二章 发展壮大\n正文。');
    check();
    const [removed, differs] = log.summaries();
    assert.deepEqual(removed.details, [
      { line: 2, through: 4, text: '原文第 2–4 行的目录 3 条（带页码），已核对与正文标题一致', count: 3 },
    ]);
    assert.equal(removed.count, 3, 'the count counts the entries removed');
    assert.deepEqual(
      differs.details.map((d) => [d.line, d.text]),
      [
        [3, '目录作“第一节 目标”，正文标题作“第1节 目标”'],
        [4, '目录作“第二章 发展”，正文标题作“第二章 发展壮大”'],
      ],
    );
  });
  test('a chapter missing from the headings fails, naming the file, the document and the entry', () => {
    const { check } = run('发展部分\n正文。');
    assert.throws(check, (e: Error) => {
      assert.ok(e instanceof TocMismatchError);
      assert.ok(e.message.startsWith(`${FIXTURE_LABEL}: the printed table of contents lists 3`), e.message);
      assert.match(
        e.message,
        /but 2 were found as headings; first difference at entry 3: TOC "第二章 发展" vs heading "\(none\)"/,
      );
      assert.match(e.message, /"corrections"/);
      return true;
    });
  });
  test('a heading after the last entry fails, naming it', () => {
    const { check } = run('第二章 发展\n正文。\n第三章 保障\n正文。');
    assert.throws(
      check,
      /but 4 were found as headings; first difference at entry 4: TOC "\(none\)" vs heading "第三章 保障"/,
    );
  });
  test('a heading the TOC does not list fails at the first difference', () => {
    const { check } = run('第二节 措施\n正文。\n第二章 发展\n正文。');
    assert.throws(
      check,
      /lists 3 chapters and sections but 4 .* entry 3: TOC "第二章 发展" vs heading "第二节 措施"/,
    );
  });
});

describe('convertTraditional', () => {
  test('converts only lines in traditional characters', () => {
    const { tree, log, context } = fixture('第四節 高質量建設“健康慈溪”\n着力发展。');
    convertTraditional(tree, context);
    assert.deepEqual(outline(tree), ['p 第四节 高质量建设“健康慈溪”', 'p 着力发展。']);
    assert.equal(log.count('traditional-to-simplified'), 3);
    assert.deepEqual(log.summaries()[0].details, [{ line: 1, text: '3 字：節→节 質→质 設→设', count: 3 }]);
  });
  test("a line's text is the converter's output; the record counts every changed character, listing each once", () => {
    const text = `${'我們的發展，'.repeat(5)}简体文字𠮷。`;
    const { tree, log, context } = fixture(text);
    convertTraditional(tree, context);
    assert.equal(toString(tree.children[0]), OpenCC.Converter({ from: 't', to: 'cn' })(text));
    assert.deepEqual(log.summaries()[0].details[0].text, '10 字：們→们 發→发');
    assert.equal(log.count('traditional-to-simplified'), 10);
  });
  test('changedCharacters pairs the characters of both texts by position, as the per-character spread did', () => {
    // The former implementation, quadratic in the line length: the reference on short lines.
    const spread = (text: string, converted: string) =>
      [...text]
        .map((ch, i) => (ch !== [...converted][i] ? `${ch}→${[...converted][i]}` : ''))
        .filter(Boolean);
    const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
    const pool = [...'們发發展臺台灣湾𠮷 a，。里裡後后著着'];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let n = 0; n < 200; n++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 40) },
        () => pool[Math.floor(random() * pool.length)],
      ).join('');
      const converted = toSimplified(text);
      assert.deepEqual(changedCharacters(text, converted), spread(text, converted), text);
    }
  });
});

describe('splitCompilation', () => {
  const articles = [
    { slug: 'a', district: 'haishu', headline: '甲文标题', byline: '甲区中心组' },
    { slug: 'b', district: 'beilun', headline: '乙文标题', byline: '乙区中心组' },
  ];
  const segments = [
    { from: '编者按：', to: '' },
    { from: '乙文标题', headlineOf: 'b', reason: '乙文标题排在甲文之前' },
    { from: '甲文标题', to: 'a' },
    { from: '乙区中心组', to: 'b' },
    { from: '续文', to: 'a', reason: '甲文续栏' },
  ];
  const page =
    '报头\n编者按：本版刊发两篇文章。\n乙文标题\n甲文标题\n甲区中心组\n甲文正文，\n乙区中心组\n乙文正文。\n续文接上栏。';
  const split = (segmentList: unknown[], text = page) => {
    const { tree, context, log } = fixture(text, { compilation: { articles, segments: segmentList } });
    splitCompilation(tree, context);
    return { tree, context, log };
  };

  test('the page keeps its own text; each article gets its lines, without the headline and byline printed in place', () => {
    const { tree, context } = split(segments);
    assert.deepEqual(outline(tree), ['p 报头', 'p 编者按：本版刊发两篇文章。']);
    assert.deepEqual(
      context.articles.map((a) => [a.article.slug, outline(a.tree)]),
      [
        ['a', ['p 甲文正文，', 'p 续文接上栏。']],
        ['b', ['p 乙文正文。']],
      ],
    );
  });
  test('a headline printed away from its article is moved to it, and the move recorded with its line and article', () => {
    const { context, log } = split(segments);
    assert.deepEqual(
      context.articles.map((a) => a.headlineMoved),
      [false, true],
    );
    const moved = log.summaries().find((s) => s.kind === 'moved-headline');
    assert.deepEqual(moved?.details, [{ line: 3, text: '“乙文标题”：乙文标题排在甲文之前', article: 'b' }]);
    assert.deepEqual(log.summaries().find((s) => s.kind === 'column-continuation')?.details, [
      { line: 9, text: '甲文续栏' },
    ]);
  });
  test('errors name the file, the document and the segment field', () => {
    const fails = (segmentList: unknown[], pattern: RegExp, text?: string) =>
      assert.throws(
        () => split(segmentList, text),
        (e: Error) =>
          e instanceof CompilationError && e.message.startsWith(FIXTURE_LABEL) && pattern.test(e.message),
      );
    fails(
      segments.map((s, i) => (i === 2 ? { ...s, from: '丙文标题' } : s)),
      /field "compilation\.segments\.2\.from": no line \(occurrence 1\) starts with "丙文标题"/,
    );
    fails(
      [segments[0], segments[2], segments[1], ...segments.slice(3)],
      /field "compilation\.segments\.2": segments must follow the source order/,
    );
    fails(
      segments.map((s, i) => (i === 1 ? { ...s, headlineOf: 'a' } : s)),
      /field "compilation\.segments\.1\.headlineOf": the line is not the headline of "a"/,
    );
    fails(
      segments.filter((_, i) => i !== 2),
      /field "compilation\.segments\.1": a headlineOf segment must be the single headline line/,
    );
    fails(segments.slice(0, 3), /article "b" received no text from compilation\.segments/);
  });
});

describe('placeSourceGaps', () => {
  const articles = [{ slug: 'a', district: 'haishu', headline: '甲文标题', byline: '甲区中心组' }];
  const compilation = {
    articles,
    segments: [
      { from: '编者按：', to: '' },
      { from: '甲文标题', to: 'a' },
    ],
  };
  const text =
    '编者按：本版刊发一篇文章。\n甲文标题\n甲区中心组\n一、第一部分，贯通用\n维、创新路径。\n末段结束';

  test('a recorded gap stands before or after its line, on the page that holds the line, with its line and reason in the log', () => {
    const { tree, context, log } = fixture(text, {
      compilation,
      sourceGaps: [
        { kind: 'column-cut', before: '维、', reason: '两栏之间的文字不在原文中' },
        { kind: 'ends-mid-text', after: '末段', reason: '原文在此结束' },
      ],
    });
    splitCompilation(tree, context);
    placeSourceGaps(tree, context);
    assert.deepEqual(outline(tree), ['p 编者按：本版刊发一篇文章。']);
    assert.deepEqual(outline(context.articles[0].tree), [
      'p 一、第一部分，贯通用',
      'sourceGap column-cut',
      'p 维、创新路径。',
      'p 末段结束',
      'sourceGap ends-mid-text',
    ]);
    assert.deepEqual(log.summaries().find((s) => s.kind === 'source-gap')?.details, [
      { line: 5, text: '原文此处缺一段分栏文字：两栏之间的文字不在原文中' },
      { line: 6, text: '原文到此为止，其后的文字不在原文中：原文在此结束' },
    ]);
  });
  test('a text that starts or ends mid-text: the gap needs no line, it stands before the body or after its last line', () => {
    const { tree, context } = fixture('标题\n各位代表：\n正文开头不完整。\n最后一句在', {
      preamble: { until: '各位代表：' },
      sourceGaps: [
        { kind: 'starts-mid-text', reason: '只收了报告的中间部分' },
        { kind: 'ends-mid-text', reason: '文本止于此' },
      ],
    });
    extractPreamble(tree, context);
    placeSourceGaps(tree, context);
    assert.deepEqual(outline(tree), [
      'preamble [标题]',
      'sourceGap starts-mid-text',
      'p 各位代表：',
      'p 正文开头不完整。',
      'p 最后一句在',
      'sourceGap ends-mid-text',
    ]);
  });
  test('only a start or an end of the text may go without a line', () => {
    const problem = (gap: Record<string, string>) =>
      documentSchema.safeParse({ ...fixtureDocument(), sourceGaps: [gap] }).error?.issues[0]?.message;
    assert.match(problem({ kind: 'column-cut', reason: '缺一栏' }) ?? '', /needs "before" or "after"/);
    assert.match(
      problem({ kind: 'ends-mid-text', before: '甲', after: '甲', reason: '止' }) ?? '',
      /not both/,
    );
    assert.equal(problem({ kind: 'ends-mid-text', reason: '止' }), undefined);
  });
  test('a recorded gap whose line is not found names the field', () => {
    const { tree, context } = fixture(text, {
      sourceGaps: [{ kind: 'part-missing', before: '第三部分', reason: '缺第二部分' }],
    });
    assert.throws(
      () => placeSourceGaps(tree, context),
      (error: Error) =>
        error instanceof SourceGapError &&
        error.message.startsWith(FIXTURE_LABEL) &&
        error.message.includes('field "sourceGaps.0.before"'),
    );
  });
});

describe('splitRunOnLines', () => {
  // The opening of a real 宁波日报 continuation page (2024年1月23日) that was extracted as one line.
  const page =
    '【上接第1版】 我们主要抓了八方面工作。 (一)提信心稳增长,经济运行持续回升向好 实施提信心扩需求增动能72条,精准有力打好拼经济组合拳。全面落实降本减负一揽子政策。 (二)强化科技创新,新发展动能加速积蓄 切实把增强科技创新能力摆在更加突出的位置,出台科技新政15条。';
  test('a page extracted as one line is split at its headings and after their titles', () => {
    const { tree, context, log } = fixture(page);
    splitRunOnLines(tree, context);
    assert.deepEqual(outline(tree), [
      'p 【上接第1版】 我们主要抓了八方面工作。',
      'p (一)提信心稳增长,经济运行持续回升向好',
      'p 实施提信心扩需求增动能72条,精准有力打好拼经济组合拳。全面落实降本减负一揽子政策。',
      'p (二)强化科技创新,新发展动能加速积蓄',
      'p 切实把增强科技创新能力摆在更加突出的位置,出台科技新政15条。',
    ]);
    assert.ok(
      tree.children.every((p) => p.type === 'paragraph' && p.data?.line === 1),
      'every piece keeps its source line',
    );
    assert.equal(log.count('run-on-line'), 4);
  });
  test('then the headings are headings and the spaces that separated them are not stray', () => {
    const { tree, context, log } = fixture(page);
    for (const pass of [
      splitRunOnLines,
      markJumpLines,
      recogniseHeadings,
      joinBrokenLines,
      removeStraySpacesPass,
    ])
      pass(tree, context);
    assert.deepEqual(outline(tree).slice(0, 5), [
      'jump 上接第1版',
      'p 我们主要抓了八方面工作。',
      'h2 (一)提信心稳增长,经济运行持续回升向好',
      'p 实施提信心扩需求增动能72条,精准有力打好拼经济组合拳。全面落实降本减负一揽子政策。',
      'h2 (二)强化科技创新,新发展动能加速积蓄',
    ]);
    assert.equal(log.count('stray-space'), 0);
  });
  test('a heading right after a jump line starts a unit', () => {
    const { tree, context } = fixture('【上接第2版】(二)完善创新生态 突出人工智能这个关键变量。');
    splitRunOnLines(tree, context);
    assert.deepEqual(outline(tree), [
      'p 【上接第2版】',
      'p (二)完善创新生态',
      'p 突出人工智能这个关键变量。',
    ]);
  });
  test('lines of an ordinary text are left as they are', () => {
    for (const line of [
      '三、勇于争先创优滨海 加快打造现代化滨海 大都市标志性成果',
      '第一章 全面开启社会主义现代化建设新征程',
      '（一）聚力科技创新大突破。把创新摆在首位。',
      '1\t（一）指标\t2020年',
      '增强改革定力 强化改革攻坚',
      '【**紧接第1版**】我们所要建设的现代化滨海大都市。',
    ]) {
      const { tree, context } = fixture(line);
      splitRunOnLines(tree, context);
      assert.deepEqual(outline(tree), [`p ${line}`], line);
    }
  });
});

describe('markJumpLines', () => {
  test('turns newspaper jump lines into notes', () => {
    const { tree, context } = fixture('【**紧接第1版**】我们要建设。\n【下转第3版】');
    markJumpLines(tree, context);
    assert.deepEqual(outline(tree), ['jump 紧接第1版', 'p 我们要建设。', 'jump 下转第3版']);
  });
  test('square and round brackets of either width, the note as printed', () => {
    const { tree, context } = fixture('［上接第２版］我们要建设。(下转第3版)\n（转第4版）');
    markJumpLines(tree, context);
    assert.deepEqual(outline(tree), ['jump 上接第２版', 'p 我们要建设。', 'jump 下转第3版', 'jump 转第4版']);
  });
});

describe('recogniseFigures', () => {
  test('an image placeholder takes the caption below it; a caption line alone is a figure too', () => {
    const { tree, context } = fixture('[image: ]\n图1 一核四城六空间\n正文。\n图2 慈溪市铁路规划布局图');
    recogniseFigures(tree, context);
    assert.deepEqual(outline(tree), [
      'figure 图1 一核四城六空间',
      'p 正文。',
      'figure 图2 慈溪市铁路规划布局图',
    ]);
  });
});

describe('recogniseHeadings', () => {
  test('章 > 节 with inconsistent numbering', () => {
    const { tree, context } = fixture('第一章 总则\n第一节 目标\n正文。\n第3节 指导思想\n正文。');
    recogniseHeadings(tree, context);
    assert.deepEqual(outline(tree), [
      'h2 第一章 总则',
      'h3 第一节 目标',
      'p 正文。',
      'h3 第3节 指导思想',
      'p 正文。',
    ]);
  });
  test('an article titled 第1条 is a heading under its chapter; an article that holds sentences is text', () => {
    const { tree, context } = fixture(
      '第一章总则\n第1条   编制目的\n为落实规划纲要，特此编制本规划。\n第二条 本办法自发布之日起施行。',
    );
    recogniseHeadings(tree, context);
    joinBrokenLines(tree, context);
    assert.deepEqual(outline(tree), [
      'h2 第一章总则',
      'h3 第1条   编制目的',
      'p 为落实规划纲要，特此编制本规划。',
      'p 第二条 本办法自发布之日起施行。',
    ]);
  });
  test('half-width numbering is numbering: (二) is （二）, printed as the source prints it', () => {
    const { tree, context } = fixture(
      '一、总体要求\n(一)指导思想\n正文。\n(二)完善创新生态\n正文。\n（三）强化保障。加强组织领导。',
    );
    recogniseHeadings(tree, context);
    assert.deepEqual(outline(tree), [
      'h2 一、总体要求',
      'h3 (一)指导思想',
      'p 正文。',
      'h3 (二)完善创新生态',
      'p 正文。',
      'h3 （三）强化保障。',
      'p 加强组织领导。',
    ]);
  });
  test('a bare title follows a line ending with a half-width ; or : as after ；：', () => {
    const { tree, context } = fixture('各项工作稳步推进;\n本届政府工作回顾\n过去五年:\n今后五年工作\n正文。');
    recogniseHeadings(tree, context);
    assert.deepEqual(
      outline(tree).map((l) => l.split(' ')[0]),
      ['p', 'h2', 'p', 'h2', 'p'],
    );
  });
  test('run-in headings are split from their paragraph, bold markers dropped', () => {
    const { tree, context } = fixture('三、勇于争先\n（一）**聚力科技创新大突破**。把创新摆在首位。');
    recogniseHeadings(tree, context);
    assert.deepEqual(outline(tree), [
      'h2 三、勇于争先',
      'h3 （一）聚力科技创新大突破。',
      'p 把创新摆在首位。',
    ]);
  });
  test('bare title lines rank above numbered parts; 名 词 解 释 is joined', () => {
    const { tree, context } = fixture(
      '各位代表：\n本届政府工作回顾\n过去五年。\n一、聚焦改革攻坚\n正文。\n名 词 解 释\n1.两业融合。融合发展。',
    );
    recogniseHeadings(tree, context);
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
    const { tree, context } = fixture('第一章 总则\n正文。\n化学需氧量\n正文。');
    recogniseHeadings(tree, context);
    assert.deepEqual(outline(tree), ['h2 第一章 总则', 'p 正文。', 'p 化学需氧量', 'p 正文。']);
  });
  test('a short fragment after an unfinished sentence is not a heading', () => {
    const { tree, context } = fixture('促进民营经济，弘\n扬企业家精神\n正文。');
    recogniseHeadings(tree, context);
    assert.deepEqual(
      outline(tree).map((l) => l[0]),
      ['p', 'p', 'p'],
    );
  });
});

describe('recogniseBoxes', () => {
  test('a half-width colon opens a 专栏 as a full-width one does', () => {
    const { tree, context } = fixture('专栏1:产业链\n1.智能家电。\n2.稀土永磁。\n\n\n正文。');
    recogniseBoxes(tree, context);
    assert.deepEqual(outline(tree), ['box 专栏1:产业链 [1.智能家电。 | 2.稀土永磁。]', 'p 正文。']);
    assert.equal(tree.children[0].type === 'box' && tree.children[0].ordered, true);
  });
  test('a 专栏 with bullets ends at a gap of blank lines', () => {
    const { tree, context } = fixture(
      '\t专栏1：“四城”发展定位\n\n\t· 东部新城。\n· 南部新城。\n\n\n正文继续。',
    );
    recogniseBoxes(tree, context);
    assert.deepEqual(outline(tree), ['box 专栏1：“四城”发展定位 [东部新城。 | 南部新城。]', 'p 正文继续。']);
  });
  test('a numbered 专栏 runs to the next heading', () => {
    const { tree, context } = fixture(
      '专栏 2：产业链\n\n1. 智能家电。\n\n2. 稀土\n\n永磁材料。\n\n第二节 服务业',
    );
    recogniseHeadings(tree, context);
    recogniseBoxes(tree, context);
    joinBrokenLines(tree, context);
    assert.deepEqual(outline(tree), [
      'box 专栏 2：产业链 [1. 智能家电。 | 2. 稀土永磁材料。]',
      'h2 第二节 服务业',
    ]);
  });
});

describe('joinBrokenLines', () => {
  test('joins a paragraph broken mid-sentence, keeps real breaks, headings and items apart', () => {
    const { tree, log, context } = fixture(
      '推动共同富裕。推\n\n进共同富裕示范区建设。\n新段落，\n——打造新城。\n第二章 发展',
    );
    recogniseHeadings(tree, context);
    joinBrokenLines(tree, context);
    assert.deepEqual(outline(tree), [
      'p 推动共同富裕。推进共同富裕示范区建设。',
      'p 新段落，',
      'p ——打造新城。',
      'h2 第二章 发展',
    ]);
    assert.equal(log.count('joined-lines'), 1);
  });
  test('half-width punctuation: , continues a sentence, ; and : end one, (1) 2. 注: start a unit', () => {
    const { tree, log, context } = fixture(
      '推动共同富裕,推\n进示范区建设;\n主要目标:\n加快发展,\n(1)推进项目建设,\n2.建设产业园区,\n注:数据为初步统计。',
    );
    joinBrokenLines(tree, context);
    assert.deepEqual(outline(tree), [
      'p 推动共同富裕,推进示范区建设;',
      'p 主要目标:',
      'p 加快发展,',
      'p (1)推进项目建设,',
      'p 2.建设产业园区,',
      'p 注:数据为初步统计。',
    ]);
    assert.equal(log.count('joined-lines'), 1);
  });
  test('a run of broken lines becomes one paragraph; each join is recorded with the text on both sides', () => {
    const { tree, log, context } = fixture('  推动，\n共同\n富裕示范区建设取得\n新进展。');
    joinBrokenLines(tree, context);
    assert.deepEqual(outline(tree), ['p   推动，共同富裕示范区建设取得新进展。']);
    assert.deepEqual(
      log.summaries()[0].details.map((d) => [d.line, d.text]),
      [
        [2, '推动，⏎共同'],
        [3, '推动，共同⏎富裕示范区建设取'],
        [4, '裕示范区建设取得⏎新进展。'],
      ],
    );
  });
  test('a join whose two characters the source prints nowhere else, but with one between, is marked, the character not supplied', () => {
    const { tree, context, log } = fixture(
      '重要回信精神，全\n落实省委全会部署。\n全面落实总体国家安全观。\n二是打\n造样板。打造样板。',
    );
    joinBrokenLines(tree, context);
    const [first, second, third] = tree.children;
    assert.equal(toString(first), '重要回信精神，全落实省委全会部署。', 'the text stays as printed');
    assert.deepEqual(first.type === 'paragraph' && first.children.map((c) => c.type), [
      'text',
      'probableLoss',
      'text',
    ]);
    assert.equal(second.type === 'paragraph' && second.children.length, 1);
    assert.equal(toString(third), '二是打造样板。打造样板。', '打造 is printed elsewhere: no mark');
    assert.equal(third.type === 'paragraph' && third.children.length, 1);
    const [loss] = log.summaries().find((s) => s.kind === 'probable-lost-character')!.details;
    assert.equal(loss.line, 2);
    assert.match(loss.text, /原文别处作“全面落”/);
  });
  test('a recorded continuation joins a paragraph to one ending a sentence, with its reason', () => {
    const { tree, context, log } = fixture(
      '深入推进制造业高质量发展。加快培育产业链。\n加强产业政策引导，力促突破。\n另起一段。',
      {
        continuedParagraphs: [{ from: '加强产业政策引导', reason: '此段没有小标题，接续上一段' }],
      },
    );
    markContinuedParagraphs(tree, context);
    joinBrokenLines(tree, context);
    assert.deepEqual(outline(tree), [
      'p 深入推进制造业高质量发展。加快培育产业链。加强产业政策引导，力促突破。',
      'p 另起一段。',
    ]);
    assert.deepEqual(log.summaries().find((s) => s.kind === 'continued-paragraph')?.details, [
      { line: 2, text: '加快培育产业链。⏎加强产业政策引导：此段没有小标题，接续上一段' },
    ]);
  });
  test('a line starting with a decimal continues the sentence', () => {
    const { tree, context } = fixture('人均可支配收入增长\n6.7%。');
    joinBrokenLines(tree, context);
    assert.deepEqual(outline(tree), ['p 人均可支配收入增长6.7%。']);
  });
  test('does not join across a recorded gap in the source (a column cut off)', () => {
    const { tree, log, context } = fixture('重大原则，贯通用\n维、创新优解路径。', {
      sourceGaps: [{ kind: 'column-cut', before: '维、', reason: '两栏之间的文字不在原文中' }],
    });
    placeSourceGaps(tree, context);
    joinBrokenLines(tree, context);
    assert.deepEqual(outline(tree), ['p 重大原则，贯通用', 'sourceGap column-cut', 'p 维、创新优解路径。']);
    assert.equal(log.count('joined-lines'), 0);
  });
});

describe('markCutOffText', () => {
  const run = (text: string) => {
    const { tree, context, log } = fixture(text);
    markJumpLines(tree, context);
    recogniseHeadings(tree, context);
    joinBrokenLines(tree, context);
    markCutOffText(tree, context);
    return { tree, log };
  };
  test('an unfinished paragraph before a heading, or at the end, is cut off; a skipped number at the same place is one gap', () => {
    const { tree, log } = run(
      '一、以改革强创新。\n甲段。\n二、以改革促开放，提升营商好生态。打\n四、以改善助统筹。\n乙段。\n五、以改革固根本。\n坚持“民',
    );
    assert.deepEqual(outline(tree).slice(3), [
      'p 打',
      'sourceGap fragment-cut',
      'h2 四、以改善助统筹。',
      'p 乙段。',
      'h2 五、以改革固根本。',
      'p 坚持“民',
      'sourceGap fragment-cut',
    ]);
    const gap = tree.children[4];
    assert.deepEqual(gap.type === 'sourceGap' && gap.missing, ['三、']);
    assert.deepEqual(
      log
        .summaries()
        .find((s) => s.kind === 'source-gap')
        ?.details.map((d) => [d.line, d.text]),
      [
        [
          3,
          '原文在此中断，其后的文字不在原文中（包括“三、”部分）：此段止于“打”，句子没有写完，版面在此截断；本文中其后是标题“四、以改善助统筹。”（原文第 4 行），序号由“二、”跳到“四、”。',
        ],
        [
          7,
          '原文在此中断，其后的文字不在原文中：此段止于“坚持“民”，句子没有写完，版面在此截断；本文到此结束。',
        ],
      ],
    );
  });
  test('a skipped number alone is a numbering gap before its heading; a late start, a restart and a jump line are not gaps', () => {
    const { tree, log } = run(
      '三、第三部分。\n甲段。\n（一）甲。\n丙段。\n（三）丙。\n丁段。\n四、第四部分。\n一、重新编号。\n戊段，【下转第3版】',
    );
    assert.deepEqual(
      outline(tree).filter((line) => line.startsWith('sourceGap')),
      ['sourceGap numbering-gap'],
    );
    const at = tree.children.findIndex((n) => n.type === 'sourceGap');
    assert.equal(toString(tree.children[at + 1] as never), '（三）丙。');
    assert.equal(log.count('source-gap'), 1);
  });
});

/** A compilation page of two articles (甲 by 甲区中心组, 乙 by 乙区中心组) with attributions, through the passes before those that read attributions. */
function attributedCompilation(page: string, attributions: unknown[]) {
  const compilation = {
    articles: [
      { slug: 'a', district: 'haishu', headline: '甲文标题', byline: '甲区中心组' },
      { slug: 'b', district: 'beilun', headline: '乙文标题', byline: '乙区中心组' },
    ],
    segments: [
      { from: '甲文标题', to: 'a' },
      { from: '乙区中心组', to: 'b' },
    ],
  };
  const { tree, context, log } = fixture(page, { compilation, attributions });
  splitCompilation(tree, context);
  for (const article of context.articles) recogniseHeadings(article.tree, context);
  markAttributions(tree, context);
  for (const article of context.articles) assignIds(article.tree, context);
  markRepeats(tree, context);
  return { tree, context, log };
}

describe('markAttributions', () => {
  const page = [
    '甲文标题',
    '甲区中心组',
    '一、甲文自己的一节。',
    '我们将牢牢把握改革方向。慈溪是经济大市、人口大市，坚决做到“两个维护”。',
    '二、以改革促发展，推动共同富裕。推进共同富裕示范区建设，持续扩大中等收入群体。',
    '乙区中心组',
    '乙文导语。',
    '一、以改革促发展，推动共同富裕。推进共同富裕示范区建设，持续扩大中等收入群体。',
  ].join('\n');
  const attributions = [
    {
      from: '慈溪是经济大市',
      to: '坚决做到“两个维护”。',
      district: 'cixi',
      belongsTo: '慈溪市的文章',
      reason: '这几句说的是慈溪。',
    },
    {
      from: '二、以改革促发展',
      to: '持续扩大中等收入群体。',
      article: 'b',
      reason: '乙文导语之后从“一、”编起。',
    },
  ];
  const run = (list: unknown[] = attributions) => {
    const { context, log } = attributedCompilation(page, list);
    const [a, b] = context.articles.map((x) => x.tree);
    return { a, b, log };
  };

  test('a passage inside a paragraph is wrapped and noted, kept where printed', () => {
    const { a } = run();
    const at = a.children.findIndex((n) => n.type === 'paragraph' && toString(n).startsWith('我们将'));
    const note = a.children[at - 1];
    assert.equal(note.type, 'editorNote');
    assert.match(
      note.type === 'editorNote' ? note.text : '',
      /疑属慈溪市的文章.*这几句说的是慈溪。本站按原文的位置保留/,
    );
    const paragraph = a.children[at];
    assert.deepEqual(paragraph.type === 'paragraph' && paragraph.children.map((c) => [c.type, toString(c)]), [
      ['text', '我们将牢牢把握改革方向。'],
      ['attributed', '慈溪是经济大市、人口大市，坚决做到“两个维护”。'],
    ]);
    assert.deepEqual(paragraph.type === 'paragraph' && paragraph.data?.attributedTo, {
      district: 'cixi',
      attribution: 0,
    });
  });
  test('a passage that belongs to another article is folded where printed, shown there, and both pages explain', () => {
    const { a, b, log } = run();
    const printed = a.children.filter((n) => n.type === 'heading' || n.type === 'paragraph').slice(-2);
    assert.deepEqual(
      printed.map((n) => (n.type === 'heading' || n.type === 'paragraph' ? n.data?.repeatOf?.href : '')),
      ['/docs/x/b/#s1', '/docs/x/b/#s1-p1'],
      'the copy printed in 甲 points to 乙’s',
    );
    assert.deepEqual(
      printed.map((n) => (n.type === 'heading' || n.type === 'paragraph') && n.data?.repeatOf?.printedBefore),
      [true, true],
      '甲’s copy comes first in the source: it is the same text as 乙’s, not a repeat of it',
    );
    const shown = b.children.filter((n) => n.type === 'heading' || n.type === 'paragraph');
    assert.ok(shown.every((n) => !(n.type === 'heading' || n.type === 'paragraph') || !n.data?.repeatOf));
    const there = b.children[b.children.findIndex((n) => n.type === 'heading') - 1];
    assert.equal(there.type, 'editorNote', '乙 explains where else its text stands');
    assert.deepEqual(
      log
        .summaries()
        .filter((s) => s.kind === 'attributed-passage' || s.kind === 'printed-elsewhere')
        .map((s) => [s.kind, s.details.map((d) => d.line)]),
      [
        ['attributed-passage', [4, 5]],
        ['printed-elsewhere', [8]],
      ],
    );
  });
  test('an attribution whose words are not in the source names its field', () => {
    assert.throws(
      () => run([{ from: '宁波是港口城市', district: 'cixi', belongsTo: '某文', reason: '理由。' }]),
      (error: Error) =>
        error instanceof AttributionError && error.message.includes('field "attributions.0.from"'),
    );
  });
});

describe('noteDifferingCopies', () => {
  test('a section of an attributed passage that its article prints in other words stays, and each page notes and links the other', () => {
    const page = [
      '甲文标题',
      '甲区中心组',
      '一、甲文自己的一节。甲文自己的文字，写甲区的做法。',
      '二、以改革促发展，推动共同富裕。推进共同富裕示范区建设，持续扩大中等收入群体。',
      '三、以改革促生态，推动绿色发展。坚持生态优先理念，推动生态文明建设取得进展。',
      '乙区中心组',
      '乙文导语。',
      '一、以改革促发展，推动共同富裕。推进共同富裕示范区建设，持续扩大中等收入群体。',
      '二、以改革促生态，推动绿色发展。坚持生态优先理念，推动绿色发展取得进展。',
    ].join('\n');
    const attributions = [
      {
        from: '二、以改革促发展',
        to: '推动生态文明建设取得进展。',
        article: 'b',
        reason: '乙文导语之后从“一、”编起。',
      },
    ];
    const { tree, context, log } = attributedCompilation(page, attributions);
    noteDifferingCopies(tree, context);
    const [a, b] = context.articles.map((x) => x.tree);
    const noteBefore = (children: RootContent[], heading: string) => {
      const at = children.findIndex((n) => n.type === 'heading' && toString(n).startsWith(heading));
      const note = children[at - 1];
      assert.equal(note?.type, 'editorNote', `a note stands before ${heading}`);
      return note.type === 'editorNote' ? note : undefined;
    };
    const away = noteBefore(a.children, '三、')!;
    assert.match(
      away.text,
      /^以下“三、”一节（原文第 5 行）也在上文编者注所说疑属乙区中心组文章的文字之中。该文另有标题相同的“二、”一节（原文第 9 行）/,
    );
    assert.deepEqual(away.links, [{ text: '“二、”', href: '/docs/x/b/#s2' }]);
    const home = noteBefore(b.children, '二、')!;
    assert.match(home.text, /^本文的“二、”一节在甲区中心组文章之中另有一种印法（原文第 5 行，序号为“三、”）/);
    assert.deepEqual(home.links, [{ text: '“三、”', href: '/docs/x/a/#s3' }]);
    assert.deepEqual(
      log
        .summaries()
        .find((s) => s.kind === 'differing-copy')
        ?.details.map((d) => d.line),
      [5, 9],
    );
  });
});

describe('removeStraySpaces', () => {
  test('a space before a heading marker or a jump line separates structure and stays', () => {
    assert.deepEqual(removeStraySpaces('专栏内容 (二)强化科技创新'), {
      text: '专栏内容 (二)强化科技创新',
      removed: 0,
      places: [],
    });
    assert.deepEqual(removeStraySpaces('文字 【下转第3版】'), {
      text: '文字 【下转第3版】',
      removed: 0,
      places: [],
    });
    assert.deepEqual(removeStraySpaces('回升 向好 二、'), {
      text: '回升向好 二、',
      removed: 1,
      places: ['回升 向好'],
    });
  });
  test('removes spaces next to Chinese text only', () => {
    assert.deepEqual(removeStraySpaces('高颜值环 境，增加到 15 个，R&D 经费，不确定， 经济'), {
      text: '高颜值环境，增加到15个，R&D经费，不确定，经济',
      removed: 5,
      // Each place as printed, with two characters on each side: 整理说明 shows them.
      places: ['值环 境，', '加到 15', '15 个，', '&D 经费', '定， 经济'],
    });
    assert.equal(removeStraySpaces('PM 2.5').text, 'PM 2.5');
  });
});

describe('removeStraySpacesPass', () => {
  test('a paragraph’s leading spaces are removed and recorded with its line', () => {
    const { tree, context, log } = fixture('甲段。\n    展望二〇三五年，鄞州将率先建成。');
    removeStraySpacesPass(tree, context);
    assert.equal(toString(tree.children[1]), '展望二〇三五年，鄞州将率先建成。');
    assert.deepEqual(
      log
        .summaries()
        .find((s) => s.kind === 'stray-space')
        ?.details.map((d) => [d.line, d.text, d.count]),
      [[2, '“    展望”', 1]],
    );
  });
});

describe('inlineMarkup', () => {
  test('bold markers become strong; single asterisks stay', () => {
    const { tree, context } = fixture('——**打造全球智造创新之都**。固定资产投资*');
    inlineMarkup(tree, context);
    const p = tree.children[0];
    assert.equal(p.type === 'paragraph' && p.children.map((c) => c.type).join(','), 'text,strong,text');
    assert.equal(p.type === 'paragraph' && (p.children[2] as { value: string }).value, '。固定资产投资*');
  });
});

describe('glossary notes', () => {
  const source =
    '入选“两业融合”1试点，PCT申请1130件，“152”体系与“141”体系10全面贯通，轨道2号线。\n名词解释\n1.两业融合。先进制造业和现代服务业融合发展。\n10.“152”体系与“141”体系全面贯通。说明。\n11.PCT申请。专利申请。';
  test('links each entry from the first place its term carries its number, leaving other numbers alone', () => {
    const { tree, context } = fixture(source);
    recogniseHeadings(tree, context);
    collectGlossary(tree, context);
    linkGlossaryNotes(tree, context);
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
  test('entries and their glued numbers in either width: 1. or １．, "quoted" or “quoted”', () => {
    const { tree, context } = fixture(
      '入选"两业融合"1试点,PCT申请１１30件。\n名词解释\n1.两业融合。先进制造业和现代服务业融合发展。\n１１．PCT申请。专利申请。',
    );
    recogniseHeadings(tree, context);
    collectGlossary(tree, context);
    linkGlossaryNotes(tree, context);
    assert.deepEqual(outline(tree).slice(1), ['h2 名词解释', 'glossary 1.两业融合 11.PCT申请']);
    const p = tree.children[0];
    assert.ok(p.type === 'paragraph');
    const text = p.children
      .map((c) => ('value' in c ? c.value : `[${(c as { number: number }).number}]`))
      .join('');
    assert.equal(text, '入选"两业融合"[1]试点,PCT申请[11]30件。');
  });
  test('an entry never referred to fails the build', () => {
    const { tree, context } = fixture('正文没有注码。\n名词解释\n1.两业融合。说明。');
    recogniseHeadings(tree, context);
    collectGlossary(tree, context);
    assert.throws(
      () => linkGlossaryNotes(tree, context),
      /content\/sources\/x\.txt \(document "x"\): 名词解释 entries 1 are never referred to/,
    );
    assert.throws(() => linkGlossaryNotes(tree, context), GlossaryError);
  });
});

describe('ids and repeats', () => {
  test('ids come from the structure, not the wording', () => {
    const { tree, context } = fixture(
      '前言。\n第一章 总则\n甲。\n第一节 目标\n乙。\n丙。\n第二章 发展\n丁。',
    );
    recogniseHeadings(tree, context);
    assignIds(tree, context);
    const toc = tableOfContents(tree);
    const ids = tree.children.map((n) => (n.type === 'heading' || n.type === 'paragraph' ? n.data?.id : ''));
    assert.deepEqual(ids, ['p1', 's1', 's1-p1', 's1-1', 's1-1-p1', 's1-1-p2', 's2', 's2-p1']);
    assert.deepEqual(
      toc.map((t) => t.id),
      ['s1', 's1-1', 's2'],
    );
  });
  test('tables are in the TOC by caption, one level below the heading they stand under', () => {
    const { tree, context } = fixture('第一章 总则\n甲。\n第一节 目标\n乙。');
    recogniseHeadings(tree, context);
    const table = (caption: string) => ({ type: 'sourceTable' as const, caption, head: [], body: [] });
    tree.children.splice(4, 0, table('表1：指标'));
    tree.children.splice(2, 0, table('表0：总表'));
    tree.children.unshift(table('表A：前表'));
    assignIds(tree, context);
    assert.deepEqual(tableOfContents(tree), [
      { id: 't1', depth: 2, text: '表A：前表', kind: 'table' },
      { id: 's1', depth: 2, text: '第一章 总则' },
      { id: 's1-t1', depth: 3, text: '表0：总表', kind: 'table' },
      { id: 's1-1', depth: 3, text: '第一节 目标' },
      { id: 's1-1-t1', depth: 4, text: '表1：指标', kind: 'table' },
    ]);
  });
  test('a paragraph printed twice is marked as a repeat of the first, ignoring its numbering, and the record says only the numbering differs', () => {
    const { tree, context, log } = fixture(
      '一、以改革促发展，推动共同富裕全面进展。\n二、以改革促发展，推动共同富裕全面进展。\n二、以改革促发展，推动共同富裕全面进展。',
    );
    assignIds(tree, context);
    markRepeats(tree, context);
    const [first, second, third] = tree.children;
    assert.equal(first.type === 'paragraph' && first.data?.repeatOf, undefined);
    assert.deepEqual(second.type === 'paragraph' && second.data?.repeatOf, { href: '#p1', renumbered: true });
    assert.deepEqual(third.type === 'paragraph' && third.data?.repeatOf, { href: '#p1', renumbered: true });
    assert.deepEqual(
      log.summaries()[0].details.map((d) => d.text),
      [
        '二、以改革促发展，推动共同富…：除序号（“二、”与“一、”）外，与第 1 行相同',
        '二、以改革促发展，推动共同富…：除序号（“二、”与“一、”）外，与第 1 行相同',
      ],
    );
  });
  test('a heading whose section is new is not a repeat, though its wording was printed before', () => {
    const { tree, context } = fixture(
      '八、以改革促生态，推动绿色发展。\n坚持生态优先理念，推动生态文明建设取得实质性进展。\n十六、以改革促生态，推动绿色发展。\n坚持生态优先理念，推动绿色发展取得实质性进展。\n十七、以改革促生态，推动绿色发展。\n坚持生态优先理念，推动绿色发展取得实质性进展。',
    );
    recogniseHeadings(tree, context);
    assignIds(tree, context);
    markRepeats(tree, context);
    const repeatOf = tree.children.map((n) =>
      n.type === 'heading' || n.type === 'paragraph' ? (n.data?.repeatOf?.href ?? '') : '',
    );
    // 十六、's paragraph is new: 十六、 stays a heading of its own. 十七、 repeats 十六、 with its paragraph.
    assert.deepEqual(repeatOf, ['', '', '', '', '#s2', '#s2-p1']);
    assert.deepEqual(
      tableOfContents(tree).map((t) => t.text),
      ['八、以改革促生态，推动绿色发展。', '十六、以改革促生态，推动绿色发展。'],
    );
  });
  test('a fragment the source cuts off at the start of a section printed before is a truncated repeat, with its heading', () => {
    const { tree, context, log } = fixture(
      // As the newspaper prints them: each heading runs into its paragraph.
      '一、以改革促民生。坚持“民生无小事”理念，推动民生改善。\n二、以改革促开放。坚持“开放合作”理念。\n一、以改革促民生。坚持“民\n二、以改革促法治。坚持“民',
    );
    recogniseHeadings(tree, context);
    markCutOffText(tree, context);
    assignIds(tree, context);
    markRepeats(tree, context);
    const repeatOf = tree.children.map((n) =>
      n.type === 'heading' || n.type === 'paragraph' ? JSON.stringify(n.data?.repeatOf ?? '') : n.type,
    );
    // The second 一、 and its fragment fold as the start of the first; the fragment under 二、以改革促法治
    // starts no section printed before (its heading's wording is new), so it stays.
    assert.deepEqual(repeatOf, [
      ...['""', '""', '""', '""'],
      JSON.stringify({ href: '#s1' }),
      JSON.stringify({ href: '#s1-p1', truncated: true }),
      'sourceGap',
      ...['""', '""', 'sourceGap'],
    ]);
    assert.ok(
      log
        .summaries()
        .find((s) => s.kind === 'repeated-paragraph')!
        .details.some(
          (d) => d.line === 3 && d.text === '坚持“民…：原文只印出开头即中断，与第 1 行一段的开头相同',
        ),
    );
    assert.deepEqual(
      tableOfContents(tree).map((t) => t.text),
      ['一、以改革促民生。', '二、以改革促开放。', '二、以改革促法治。'],
    );
  });
  test('a short heading is a repeat when the source prints it again with its paragraph, and leaves the TOC', () => {
    const { tree, context } = fixture(
      '三、分类引导施策。\n按照“分类施策、逐项破题”原则妥善处置。\n四、优化空间指标。\n推进工业上楼。\n三、分类引导施策。\n按照“分类施策、逐项破题”原则妥善处置。\n四、优化空间指标。\n另一段新的文字，并不重复。',
    );
    recogniseHeadings(tree, context);
    assignIds(tree, context);
    markRepeats(tree, context);
    const repeatOf = tree.children.map((n) =>
      n.type === 'heading' || n.type === 'paragraph' ? (n.data?.repeatOf?.href ?? '') : '',
    );
    // The second 三、 comes back with its paragraph; the second 四、 does not (its paragraph is new).
    assert.deepEqual(repeatOf, ['', '', '', '', '#s1', '#s1-p1', '', '']);
    assert.deepEqual(
      tableOfContents(tree).map((t) => t.text),
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
    log.add('word-bookmark', { line: 1, text: '[bookmark: _Toc1]', count: 7 });
    const [first, second] = repairsByPage([{ tree: a }, { tree: b, article: 'b' }], log.summaries());
    const counts = (list: typeof first) => Object.fromEntries(list.map((r) => [r.kind, r.count]));
    assert.deepEqual(counts(first), { 'joined-lines': 1, 'word-bookmark': 7 });
    assert.deepEqual(counts(second), { 'joined-lines': 1, 'moved-headline': 1 });
  });
  test('each entry links to the passage holding its line, which links back; page-wide repairs link to the title', () => {
    const { tree, context } = fixture('目 录\n第一章 总则\t1\n\n第一章 总则\n甲文第一段，\n乙文第一段。');
    removeTableOfContents(tree, context);
    recogniseHeadings(tree, context);
    joinBrokenLines(tree, context);
    assignIds(tree, context);
    context.log.add('lost-glyph', { line: 2, text: '目录里补回的字' });
    const [repairs] = repairsByPage([{ tree }], context.log.summaries());
    assert.deepEqual(
      repairs.map((r) => [r.kind, r.count, r.entries.map((e) => [e.id, e.line, e.target])]),
      [
        ['joined-lines', 1, [['fix-1', 6, 's1-p1']]],
        ['lost-glyph', 1, [['fix-2', 2, 'top']]],
        ['table-of-contents', 1, [['fix-3', 2, 'top']]],
      ],
    );
    const [heading, joined] = tree.children;
    assert.equal(heading.type === 'heading' && heading.data?.repairs, undefined);
    assert.deepEqual(joined.type === 'paragraph' && joined.data?.repairs, ['fix-1']);
  });
});
