/**
 * End to end on real texts the seed library does not hold: a library made of content/ and the
 * fixture texts of tests/fixtures/library/ (half-width punctuation, a page extracted as one line,
 * a report in parts and a continuation page alone, new kinds, a 功能区), added as a maintainer adds
 * them (files and YAML, no code change), built as npm run build builds the site, in a temporary
 * directory. Every property of tests/content/checks.ts holds for every document, and the figures
 * in tests/fixtures/library/expected/ hold for the fixture texts.
 */
import { before } from 'node:test';
import { join } from 'node:path';
import { fixtureDir, fixtureProject } from '../support/fixture-library.ts';
import { libraryChecks } from './checks.ts';
import { expectedFigures } from './expected.ts';

const { library, build } = fixtureProject();
before(build, { timeout: 600_000 });

libraryChecks(library);
expectedFigures(library, join(fixtureDir, 'expected'));
