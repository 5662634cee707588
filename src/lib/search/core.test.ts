import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countTokens, TokenCounter } from '../../../scripts/build-search-index.ts';
import {
  byRank,
  excerptParts,
  lookupOrder,
  rank,
  searchIndex,
  verify,
  type IndexReader,
  type SearchResult,
} from './core.ts';
import { readPostings, sectionNumber, type TokenEntry } from './index-format.ts';
import type { SectionText } from './section-text.ts';
import { normalize, queryTerms } from './text.ts';

/** Sections shaped as the build writes them; text as sources print it (spaces, both widths). */
const head: SectionText = {
  url: '/docs/report/#top',
  title: '政府工作报告',
  heading: '',
  crumbs: '北仑区 › 政府工作报告',
  page: 'report',
  order: sectionNumber(0, 0, 0),
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
  order: sectionNumber(0, 0, 1),
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

  test('a match in the heading brings the body’s paragraphs around their hits; or its opening when it has none', () => {
    const r = verify(section, variantsOf('过去一年'))!;
    assert.equal(r.block.id, 's1', 'the first hit is in the heading');
    assert.deepEqual(
      r.body.map((b) => [b.id, b.hits.length]),
      [['s1-p1', 0]],
      'no body paragraph holds it: the first one, unmarked',
    );
    const both = verify(section, [['工作回顾', '专精特新']])!;
    assert.equal(both.block.id, 's1');
    assert.deepEqual(
      both.body.map((b) => b.id),
      ['s1-p1', 's1-p2'],
    );
    assert.ok(both.body.every((b) => b.hits.length === 1));
    assert.deepEqual(verify(section, variantsOf('专精特新'))!.body, [], 'a first hit in the body: no more');
  });

  test('a match that starts in the section may end in the next; one that starts there is not counted', () => {
    const r = verify(head, variantsOf('奋力攻坚。一、过去'))!;
    assert.equal(r.count, 1);
    assert.equal(verify(head, variantsOf('一、过去一年')), undefined);
  });
});

describe('rank', () => {
  test('heading hits first (a page head’s: its title), then more hits, then reading order', () => {
    const results = [head, section].map((s) => verify(s, variantsOf('过去一年'))!);
    assert.deepEqual(
      rank(results).map((r) => r.url.split('#')[1]),
      ['s1', 'p1'],
      'the section whose heading holds the term first',
    );
    assert.equal(verify(head, variantsOf('政府工作'))!.headingHit, true, 'a page head: its title');
    assert.equal(verify(head, variantsOf('审议'))!.headingHit, false);
    const byCount = [head, section].map((s) => verify(s, variantsOf('，'))!);
    assert.deepEqual(
      byCount.map((r) => r.count),
      [4, 2],
    );
    assert.deepEqual(
      rank(byCount.toReversed()).map((r) => r.count),
      [4, 2],
    );
    const tie = [section, head].map((s) => ({
      ...verify(s, variantsOf('工作'))!,
      headingHit: false,
      count: 1,
    }));
    assert.deepEqual(
      rank(tie).map((r) => r.order),
      [head.order, section.order],
      'then reading order',
    );
  });
});

// ── The query over an index built from sections in memory, by the build's own code ─────────────

/** A library of sections: four pages, each a run of sections, built into posting lists as the build does. */
function library(pages: string[][]): { reader: IndexReader; texts: SectionText[]; reads: string[] } {
  const texts: SectionText[] = [];
  pages.forEach((page, p) =>
    page.forEach((text, i) =>
      texts.push({
        url: `/docs/p${p}/#s${i}`,
        title: `第${p}篇`,
        heading: i ? `第${i}节` : '',
        crumbs: '宁波市',
        page: `p${p}`,
        order: sectionNumber(p, Math.floor(i / 2), i % 2),
        blocks: [[`s${i}-p1`, text]],
        tail: normalize(page.slice(i + 1).join('')).slice(0, 199),
      }),
    ),
  );
  const counter = new TokenCounter();
  for (const t of texts)
    countTokens(counter, t.order, normalize(t.blocks[0][1]), t.tail, normalize(t.heading || t.title));
  const lists = new Map<number, { sections: number; postings: Uint8Array; ownFile: boolean }>();
  for (const l of counter.lists()) lists.set(l.token, l);
  const reads: string[] = [];
  const reader: IndexReader = {
    async entries(tokens) {
      reads.push(`entries ${tokens.length}`);
      return new Map(
        tokens.map((t): [number, TokenEntry | undefined] => {
          const l = lists.get(t);
          return [
            t,
            l &&
              (l.ownFile ? { sections: l.sections, list: t } : { sections: l.sections, inline: l.postings }),
          ];
        }),
      );
    },
    async postings(token, entry) {
      reads.push(`postings ${token}`);
      return readPostings(entry.inline ?? lists.get(token)!.postings, !!entry.inline);
    },
    async text(n) {
      reads.push(`text ${n}`);
      const t = texts.find((x) => x.order === n);
      if (!t) throw new Error(`no section ${n}`);
      return t;
    },
  };
  return { reader, texts, reads };
}

/** Every result of a query, page by page. */
async function all(pages: Awaited<ReturnType<typeof searchIndex>>, size = 3): Promise<SearchResult[]> {
  const out: SearchResult[] = [];
  while (!pages.done) out.push(...(await pages.next(size)));
  return out;
}

describe('searchIndex', () => {
  const pages = [
    ['发展规划纲要', '坚持创新发展，推动高质量发展', '发展是第一要务。高质量发展'],
    ['创新驱动', '数字经济发展', '推进数字经济和实体经济融合，数字经济'],
    ['沙漠', '治理体系', '数字化改革，经济运行'],
    ['数字', '经济', '数字经', '济'],
  ];

  test('results come in rank order, a page at a time, and are exactly the sections holding the query', async () => {
    const { reader, texts } = library(pages);
    for (const q of ['发展', '数字经济', '高质量发展', '经', '数字 经济', '数字经济发展', '，', '济数']) {
      const terms = variantsOf(q);
      const expected = rank(texts.map((t) => verify(t, terms)).filter((r) => r !== undefined));
      const got = await all(await searchIndex(terms, reader));
      assert.deepEqual(
        got.map((r) => r.url),
        expected.map((r) => r.url),
        q,
      );
      for (let i = 1; i < got.length; i++) assert.ok(byRank(got[i - 1], got[i]) < 0, `${q}: rank order`);
    }
  });

  test('a match running on into the next sections is found where it starts (数字经 + 济)', async () => {
    const { reader } = library(pages);
    const got = await all(await searchIndex(variantsOf('数字经济'), reader));
    assert.ok(
      got.some((r) => r.url.startsWith('/docs/p3/') && r.block.id === 's2-p1'),
      'p3 s2 → s3',
    );
  });

  test('a term of up to three characters is counted exactly before any text is read', async () => {
    const { reader, texts, reads } = library(pages);
    for (const q of ['发展', '经', '高质量']) {
      reads.length = 0;
      const terms = variantsOf(q);
      const results = await searchIndex(terms, reader);
      const holding = texts.map((t) => verify(t, terms)).filter((r) => r !== undefined);
      assert.deepEqual(results.count(), {
        sections: holding.length,
        exact: true,
        unchecked: 0,
        pages: new Set(holding.map((r) => r.page)).size,
        hits: holding.reduce((n, r) => n + r.count, 0),
      });
      assert.ok(!reads.some((r) => r.startsWith('text')), `${q}: no text read to count`);
      // The first page reads the texts of what it shows, and nothing more.
      const first = await results.next(1);
      assert.deepEqual(
        reads.filter((r) => r.startsWith('text')),
        first.map((r) => `text ${r.order}`),
        q,
      );
    }
  });

  test('a longer term counts at least what it has checked, says how many are left, and is exact at the end', async () => {
    const { reader, texts } = library(pages);
    const terms = variantsOf('数字经济');
    const results = await searchIndex(terms, reader);
    const truth = texts.filter((t) => verify(t, terms)).length;
    const first = await results.next(1);
    const count = results.count();
    assert.equal(first.length, 1);
    assert.ok(count.sections >= 1 && count.sections <= truth);
    assert.equal(count.exact, count.unchecked === 0);
    assert.ok(count.sections + count.unchecked >= truth, 'the unchecked sections cover the rest');
    await all(results);
    assert.deepEqual([results.count().sections, results.count().exact], [truth, true]);
  });

  test('a term whose three-character pieces no section holds reads no list and no text', async () => {
    const { reader, reads } = library(pages);
    const results = await searchIndex(variantsOf('治理沙漠体系'), reader);
    assert.deepEqual(await results.next(20), []);
    assert.ok(results.done);
    assert.deepEqual(results.count(), { sections: 0, exact: true, unchecked: 0, pages: 0, hits: 0 });
    assert.ok(
      reads.every((r) => r.startsWith('entries')),
      `only bucket lookups: ${reads.join(', ')}`,
    );
  });

  test('filters keep the sections of the pages they list', async () => {
    const { reader } = library(pages);
    const got = await all(await searchIndex(variantsOf('数字'), reader, (s) => s >= sectionNumber(3, 0, 0)));
    assert.ok(got.length > 0 && got.every((r) => r.page === 'p3'));
  });

  test('grouped by document: documents in the rank of their best section, each with its best sections', async () => {
    const { reader, texts } = library(pages);
    for (const q of ['发展', '数字经济', '经', '数字 经济', '济']) {
      const terms = variantsOf(q);
      const ranked = rank(texts.map((t) => verify(t, terms)).filter((r) => r !== undefined));
      for (const perDocument of [1, 2, Infinity]) {
        const taken = new Map<string, SearchResult[]>();
        for (const r of ranked) {
          const group = taken.get(r.page) ?? [];
          if (group.length < perDocument) group.push(r);
          taken.set(r.page, group);
        }
        const got = await all(await searchIndex(terms, reader, undefined, { perDocument }));
        assert.deepEqual(
          got.map((r) => r.url),
          [...taken.values()].flat().map((r) => r.url),
          `${q}, ${perDocument} a document`,
        );
      }
    }
  });

  test('counts per page: exact from the index, or at least what is checked, exact once settled', async () => {
    const { reader, texts } = library(pages);
    for (const q of ['发展', '数字经济', '经济运行']) {
      const terms = variantsOf(q);
      const truth = new Map<number, { sections: number; hits: number; unchecked: number }>();
      for (const r of texts.map((t) => verify(t, terms)).filter((r) => r !== undefined)) {
        const page = Math.floor(r.order / sectionNumber(1, 0, 0));
        const c = truth.get(page) ?? { sections: 0, hits: 0, unchecked: 0 };
        c.sections++;
        c.hits += r.count;
        truth.set(page, c);
      }
      const results = await searchIndex(terms, reader, undefined, { perDocument: 1 });
      await results.next(1);
      for (const [page, c] of results.byPage()) {
        const t = truth.get(page) ?? { sections: 0, hits: 0 };
        assert.ok(c.sections <= t.sections && c.sections + c.unchecked >= t.sections, `${q}: page ${page}`);
        if (!c.unchecked) assert.deepEqual(c, { ...t, unchecked: 0 }, `${q}: page ${page} exact`);
      }
      await results.settle(Infinity);
      assert.equal(results.count().exact, true, q);
      assert.deepEqual(new Map([...results.byPage()].filter(([, c]) => c.sections)), truth, q);
    }
  });

  test('a text that fails to load drops its results, and is reported', async () => {
    const { reader } = library(pages);
    const failing: IndexReader = {
      ...reader,
      text: async (n) => (n === sectionNumber(1, 0, 1) ? Promise.reject(new Error('gone')) : reader.text(n)),
    };
    const results = await searchIndex(variantsOf('数字经济'), failing);
    const got = await all(results);
    assert.ok(!got.some((r) => r.order === sectionNumber(1, 0, 1)));
    assert.ok(got.length > 0);
    assert.deepEqual(
      results.unreadable.map((u) => u.section),
      [sectionNumber(1, 0, 1)],
    );
  });
});

describe('lookupOrder', () => {
  test('the ends first, then ever finer halves; every item once', () => {
    assert.deepEqual(lookupOrder([0, 1, 2, 3, 4, 5, 6, 7, 8]), [0, 8, 4, 2, 6, 1, 3, 5, 7]);
    assert.deepEqual(lookupOrder(['a']), ['a']);
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
