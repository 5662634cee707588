/**
 * Traditional-character queries find what their simplified form finds, whichever standard they
 * are written in (OpenCC traditional, Taiwan, Hong Kong): checked on every window of the built
 * site's text, converted to traditional by opencc-js, then back by the search page's own code.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Converter } from 'opencc-js';
import { readSite } from '../../scripts/search-records.ts';
import {
  loadConverters,
  mayBeTraditional,
  simplifiedForms,
  STANDARDS,
} from '../../src/lib/search/simplify.ts';
import { normalize } from '../../src/lib/search/text.ts';
import { distDir } from '../support/serve-dist.ts';

const converters = await loadConverters();

test('Taiwan and Hong Kong character forms and phrase-level choices come back to the site text', () => {
  const cases: Record<string, string> = {
    堅持著: '坚持着', // Taiwan 著 for 着: t→cn keeps 著 (a simplified character too)
    衞生: '卫生', // Hong Kong 衞
    佔生產總值: '占生产总值',
    關於單家: '关于单家', // s→t reads 单于 as a phrase (單于); character by character undoes it
    建設慈谿工業: '建设慈溪工业',
  };
  for (const [traditional, simplified] of Object.entries(cases)) {
    assert.ok(
      simplifiedForms(traditional, converters).includes(simplified),
      `${traditional} → ${simplifiedForms(traditional, converters).join(' / ')}`,
    );
  }
});

test('a simplified term is among its own forms', () => {
  for (const term of ['专精特新', '着力', '显著', '于是', 'ipv6'])
    assert.ok(simplifiedForms(term, converters).includes(term), term);
});

test('every window of the site text, written in t, tw or hk characters, finds its simplified form again; the gate is sound', () => {
  const standards = STANDARDS;
  const toTraditional = standards.map((to) => Converter({ from: 'cn', to }));
  const texts = readSite(distDir).flatMap((p) =>
    p.records.flatMap((r) => r.blocks.map((b) => normalize(b.text))),
  );
  let tried = 0;
  const missed: string[] = [];
  for (const text of texts) {
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i += 3) {
      for (const len of [2, 4, 6]) {
        if (i + len > chars.length) continue;
        const window = chars.slice(i, i + len).join('');
        // The gate that spares the converter download is sound: a term it lets through converts to itself.
        if (!mayBeTraditional(window))
          assert.deepEqual(simplifiedForms(window, converters), [window], window);
        for (const [k, convert] of toTraditional.entries()) {
          const traditional = convert(window);
          if (traditional === window) continue;
          tried++;
          assert.ok(
            mayBeTraditional(traditional),
            `${traditional} (${standards[k]}) must load the converter`,
          );
          if (!simplifiedForms(traditional, converters).includes(window))
            missed.push(`${standards[k]}: ${traditional} ≠ ${window}`);
        }
      }
    }
  }
  assert.ok(tried > 100_000, `only ${tried} windows tried`);
  // s→t rewrites a few words rather than characters (坐标 → 座標); t→s cannot know the original.
  assert.ok(
    missed.length / tried < 1e-4,
    `${missed.length} of ${tried} missed:\n${[...new Set(missed)].slice(0, 30).join('\n')}`,
  );
});
