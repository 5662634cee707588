import assert from 'node:assert/strict';
import { test } from 'node:test';
import { namesPlace, placeNamed } from './place-names.ts';

test('a term names a place by its full name or without its level ending', () => {
  assert.ok(namesPlace('北仑区', '北仑区'));
  assert.ok(namesPlace('北仑', '北仑区'));
  assert.ok(namesPlace('慈溪', '慈溪市'));
  assert.ok(namesPlace('宁海', '宁海县'));
  assert.ok(!namesPlace('北', '北仑区'), 'one character is no name');
  assert.ok(!namesPlace('北仑区政府', '北仑区'));
  assert.ok(!namesPlace('前湾', '前湾新区'), 'only the level ending is dropped');
  assert.deepEqual(placeNamed('慈溪', [{ name: '北仑区' }, { name: '慈溪市' }]), { name: '慈溪市' });
  assert.equal(placeNamed('共同富裕', [{ name: '北仑区' }]), undefined);
});
