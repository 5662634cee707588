import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bucketOf,
  ByteReader,
  ByteWriter,
  pageOf,
  readBucket,
  readPostings,
  sectionNumber,
  shardOf,
  SHARDS_PER_PAGE,
  SLOTS_PER_SHARD,
  tokenOf,
  writeBucket,
  writePosting,
} from './index-format.ts';

test('varints read back what was written, up to 2⁵³', () => {
  const values = [0, 1, 127, 128, 300, 2 ** 31 - 1, 2 ** 31, 2 ** 32 + 5, 2 ** 48 + 0x4e2d4e2d, 2 ** 53 - 1];
  const w = new ByteWriter();
  for (const v of values) w.uint(v);
  const r = new ByteReader(w.result());
  assert.deepEqual(
    values.map(() => r.uint()),
    values,
  );
  assert.ok(r.done);
  assert.throws(() => new ByteReader(new Uint8Array([0x80])).uint(), RangeError, 'a cut varint is an error');
});

test('postings read back, with or without their position bits', () => {
  const postings = [
    { section: 3, own: 2, tail: 0, heading: true, positions: 0b101 },
    { section: 70_000, own: 0, tail: 4, heading: false, positions: 0xff },
    { section: 70_001, own: 300, tail: 1, heading: false, positions: 0b10000000 },
  ];
  for (const withPositions of [true, false]) {
    const w = new ByteWriter();
    let previous = -1;
    for (const p of postings) {
      writePosting(w, previous, p.section, p.own, p.tail, p.heading, withPositions ? p.positions : undefined);
      previous = p.section;
    }
    assert.deepEqual(
      readPostings(w.result(), withPositions),
      postings.map((p) => ({ ...p, positions: withPositions ? p.positions : 0xff })),
    );
  }
});

test('a bucket holds inline lists and references to list files', () => {
  const inline = new Uint8Array([1, 4]);
  const bytes = writeBucket([
    { token: 0x4e2d, sections: 1, postings: inline },
    { token: 2 ** 48 + 7, sections: 900, postings: new Uint8Array(0), list: 12 },
  ]);
  const read = readBucket(bytes);
  assert.deepEqual([...read.get(0x4e2d)!.inline!], [1, 4]);
  assert.deepEqual(read.get(2 ** 48 + 7), { sections: 900, list: 12 });
  assert.throws(() => readBucket(bytes.subarray(0, bytes.length - 1)), RangeError);
});

test('a section number gives its page and shard, in reading order', () => {
  const a = sectionNumber(2, SHARDS_PER_PAGE - 1, SLOTS_PER_SHARD - 1);
  const b = sectionNumber(3, 0, 0);
  assert.ok(a < b);
  assert.deepEqual([pageOf(a), pageOf(b)], [2, 3]);
  assert.equal(shardOf(sectionNumber(5, 1, 0)), shardOf(sectionNumber(5, 1, SLOTS_PER_SHARD - 1)));
  assert.notEqual(shardOf(sectionNumber(5, 1, 0)), shardOf(sectionNumber(5, 2, 0)));
});

test('tokens of one, two and three characters never share a number', () => {
  const cps = Array.from('中文字𠀀', (c) => c.codePointAt(0)!);
  const seen = new Set<number>();
  for (let at = 0; at < cps.length; at++)
    for (let length = 1; length <= 3; length++) {
      const t = tokenOf(cps, at, length);
      if (t === undefined) continue;
      assert.ok(!seen.has(t));
      assert.ok(Number.isSafeInteger(t));
      seen.add(t);
    }
  assert.equal(tokenOf(cps, 1, 3), undefined, 'three characters with one outside the BMP are no token');
  assert.equal(tokenOf(cps, 3, 2), undefined, 'past the end');
  // The largest pair stays below the smallest three-character token.
  assert.ok(tokenOf([0x10ffff, 0x10ffff], 0, 2)! < tokenOf([0, 0, 0], 0, 3)!);
});

test('the bucket of a token is fixed by its number (the build and the browser agree)', () => {
  assert.equal(bucketOf(0x4e2d, 1), 0);
  const spread = new Set(Array.from({ length: 1000 }, (_, i) => bucketOf(0x4e00 + i, 64)));
  assert.ok(spread.size > 48, `1000 tokens in ${spread.size} of 64 buckets`);
  assert.equal(bucketOf(2 ** 48 + 123_456_789, 1009), bucketOf(2 ** 48 + 123_456_789, 1009));
});
