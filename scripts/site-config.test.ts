/** SITE_URL and BASE_PATH → Astro's site and base; a bad value fails naming its variable. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { siteConfig, SiteConfigError } from './site-config.ts';

test('no configuration: no public URL, the site at /', () => {
  assert.deepEqual(siteConfig({}), { site: undefined, base: '/' });
  assert.deepEqual(siteConfig({ SITE_URL: ' ', BASE_PATH: '' }), { site: undefined, base: '/' });
});

test('BASE_PATH alone: paths under it, still no absolute address', () => {
  for (const value of ['/ningbo-policy/', 'ningbo-policy', '/ningbo-policy', '//a/b//'])
    assert.equal(siteConfig({ BASE_PATH: value }).base, value === '//a/b//' ? '/a/b/' : '/ningbo-policy/');
  assert.equal(siteConfig({ BASE_PATH: '/x/' }).site, undefined);
});

test('SITE_URL gives the public root; its path is the base unless BASE_PATH says the same', () => {
  assert.deepEqual(siteConfig({ SITE_URL: 'https://zhengce.nb.test' }), {
    site: 'https://zhengce.nb.test/',
    base: '/',
  });
  assert.deepEqual(siteConfig({ SITE_URL: 'https://host.test/lib/' }), {
    site: 'https://host.test/lib/',
    base: '/lib/',
  });
  assert.deepEqual(siteConfig({ SITE_URL: 'https://host.test', BASE_PATH: '/lib' }), {
    site: 'https://host.test/lib/',
    base: '/lib/',
  });
  assert.deepEqual(
    siteConfig({ SITE_URL: 'https://host.test/lib', BASE_PATH: 'lib/' }).site,
    'https://host.test/lib/',
  );
});

test('a bad value fails, naming the variable and what to do', () => {
  const fails = (env: Record<string, string>, pattern: RegExp) =>
    assert.throws(
      () => siteConfig(env),
      (e: unknown) => e instanceof SiteConfigError && pattern.test(e.message),
    );
  fails({ SITE_URL: 'zhengce.nb.test' }, /^SITE_URL="zhengce\.nb\.test" is not an absolute URL.*https:\/\//);
  fails({ SITE_URL: 'ftp://host.test/' }, /^SITE_URL=.*scheme must be https: or http:/);
  fails({ SITE_URL: 'https://host.test/?a=1' }, /^SITE_URL=.*no query/);
  fails({ BASE_PATH: '/政策/' }, /^BASE_PATH="\/政策\/": the segment "政策"/);
  fails({ BASE_PATH: '/a/../b/' }, /^BASE_PATH=.*segment "\.\."/);
  fails(
    { SITE_URL: 'https://host.test/a/', BASE_PATH: '/b/' },
    /ends in the path \/a\/, but BASE_PATH=.*says \/b\//,
  );
});
