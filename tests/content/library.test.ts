/**
 * The seed library (content/, built into dist/ by npm run build): every property of
 * tests/content/checks.ts for every document, and the figures kept in tests/content/expected/
 * about the seed documents.
 */
import { join } from 'node:path';
import { seedLibrary } from '../support/library.ts';
import { libraryChecks } from './checks.ts';
import { expectedFigures } from './expected.ts';

libraryChecks(seedLibrary);
expectedFigures(seedLibrary, join(import.meta.dirname, 'expected'));
