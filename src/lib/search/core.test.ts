import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { candidateIds, excerptParts, rank, verify, type TokenLookup } from './core.ts';
import type { SectionText } from './section-text.ts';
import { indexTokens, normalize, queryTerms } from './text.ts';

/** Sections shaped as the build writes them; text as sources print it (spaces, both widths). */
const head: SectionText = {
  url: '/docs/report/#top',
  title: '政府工作报告',
  heading: '',
  crumbs: '北仑区 › 政府工作报告',
  page: 'report',
  order: 0,
  blocks: [
    ['front-p1', '政府工作报告'],
    [
      'p1',
      '各位代表：现在，我代表区人民政府向大会报告工作，请予审议，并请区政协委员提出意见。过去一年，我们奋力攻坚。',
    ],
  ],
  tail: '一、过去一年工作回顾',
};
const section: SectionText = {
  url: '/docs/report/#s1',
  title: '政府工作报告',
  heading: '一、过去一年工作回顾',
  crumbs: '北仑区 › 政府工作报告',
  page: 'report',
  order: 1,
  blocks: [
    ['s1', '一、过去一年工作回顾'],
    ['s1-p1', '新增 专精特新 企业 12 家,（二）完善创新生态，GDP 增长 6.7%。'],
    ['s1-p2', '培育专精特新“小巨人”企业１０家。'],
  ],
  tail: '二、今年工作安排',
};
const variantsOf = (q: string) => queryTerms(q).map((t) => [t]);
const printed = (r: NonNullable<ReturnType<typeof verify>>) =>
  r.block.hits.map((h) => r.block.text.slice(h.start, h.end));

describe('verify', () => {
  test('a hit across spaces is counted once and marked as printed, in the block where it starts', () => {
    const r = verify(section, variantsOf('专精特新企业'))!;
    assert.equal(r.count, 1);
    assert.equal(r.block.id, 's1-p1');
    assert.deepEqual(printed(r), ['专精特新 企业']);
  });

  test('full-width and half-width forms find each other; the mark keeps the printed form', () => {
    for (const q of ['(二)完善', '（二）完善', '（二)完善']) {
      const r = verify(section, variantsOf(q))!;
      assert.ok(r, q);
      assert.deepEqual(printed(r), ['（二）完善'], q);
    }
    assert.deepEqual(printed(verify(section, variantsOf('家，（二）'))!), ['家,（二）']);
    assert.deepEqual(printed(verify(section, variantsOf('企业10家'))!), ['企业１０家']);
    assert.deepEqual(printed(verify(section, variantsOf('"小巨人"'))!), ['“小巨人”']);
    assert.deepEqual(printed(verify(section, variantsOf('ｇｄｐ'))!), ['GDP']);
    assert.deepEqual(printed(verify(section, variantsOf('6.7％'))!), ['6.7%']);
  });

  test('every hit in the section counts; the link goes to the block of the first', () => {
    const r = verify(section, variantsOf('专精特新'))!;
    assert.equal(r.count, 2);
    assert.equal(r.block.id, 's1-p1');
    assert.equal(r.url, `/docs/report/?highlight=${encodeURIComponent('专精特新')}#s1-p1`);
    assert.deepEqual(printed(r), ['专精特新']);
  });

  test('every term must occur in the section; any variant of a term will do', () => {
    assert.ok(verify(section, variantsOf('专精特新 小巨人')));
    assert.equal(verify(section, variantsOf('专精特新 审议')), undefined);
    const r = verify(section, [['專精特新', '专精特新'], ['小巨人']])!;
    assert.deepEqual(r.highlight, ['专精特新', '小巨人']);
  });

  test('a match that starts in the section may end in the next; one that starts there is not counted', () => {
    const r = verify(head, variantsOf('奋力攻坚。一、过去'))!;
    assert.equal(r.count, 1);
    assert.equal(verify(head, variantsOf('一、过去一年')), undefined);
  });
});

describe('rank', () => {
  test('heading hits first, then title hits, then more hits, then reading order', () => {
    const results = [head, section].map((s) => verify(s, variantsOf('过去一年'))!);
    assert.deepEqual(
      rank(results).map((r) => r.url.split('#')[1]),
      ['s1', 'p1'],
      'the section whose heading holds the term first',
    );
    const byCount = [head, section].map((s) => verify(s, variantsOf('，'))!);
    assert.deepEqual(
      byCount.map((r) => r.count),
      [4, 2],
    );
    assert.deepEqual(
      rank(byCount.toReversed()).map((r) => r.count),
      [4, 2],
    );
    const titled = [head, section].map((s) => verify(s, variantsOf('工作'))!);
    assert.ok(
      titled.every((r) => r.score > byCount[0].score),
      'a title hit outranks any number of hits',
    );
    const tie = [section, head].map((s) => verify(s, variantsOf('工作'))!);
    assert.deepEqual(
      rank(tie.map((r) => ({ ...r, score: 1 }))).map((r) => r.order),
      [0, 1],
    );
  });
});

describe('candidateIds', () => {
  const sections = { head, section };
  /** Pagefind's contract over the real tokens: every word of the query is a prefix of a token of the record. */
  const lookup: TokenLookup = async (query) =>
    Object.entries(sections)
      .filter(([, s]) => {
        const tokens = indexTokens(normalize(s.blocks.map(([, t]) => t).join('')) + s.tail).split(' ');
        return query === null || query.split(' ').every((w) => tokens.some((t) => t.startsWith(w)));
      })
      .map(([id]) => id);

  test('the records holding every term are among the candidates, records without one are not', async () => {
    assert.deepEqual(await candidateIds(variantsOf('专精特新'), lookup), ['section']);
    assert.deepEqual(await candidateIds(variantsOf('专精特新 审议'), lookup), []);
    assert.deepEqual(await candidateIds(variantsOf('报告'), lookup), ['head']);
    assert.deepEqual((await candidateIds(variantsOf('工作'), lookup)).sort(), ['head', 'section']);
    assert.deepEqual(await candidateIds([['審議', '审议']], lookup), ['head']);
  });

  test('a term of punctuation only looks up every record', async () => {
    assert.deepEqual((await candidateIds(variantsOf('，'), lookup)).sort(), ['head', 'section']);
  });
});

describe('excerptParts', () => {
  const block = { id: 'p', text: '甲'.repeat(100) + '专精特新' + '乙'.repeat(200) + '专精特新', hits: [] };

  test('the text around the first hit, marked, with an ellipsis where the block goes on', () => {
    const hits = [
      { start: 100, end: 104 },
      { start: 304, end: 308 },
    ];
    const parts = excerptParts({ ...block, hits }, 10, 20);
    assert.deepEqual(parts, [
      { text: '…' },
      { text: '甲'.repeat(10) },
      { text: '专精特新', mark: true },
      { text: '乙'.repeat(20) },
      { text: '…' },
    ]);
  });

  test('a short block is shown whole, every hit in it marked', () => {
    const hits = [
      { start: 0, end: 2 },
      { start: 4, end: 6 },
    ];
    assert.deepEqual(excerptParts({ id: 'p', text: '专精特新专精', hits }), [
      { text: '专精', mark: true },
      { text: '特新' },
      { text: '专精', mark: true },
    ]);
  });
});
