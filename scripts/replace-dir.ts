/**
 * Build output is published whole or not at all: a step writes into a fresh staging directory
 * beside its target (`<target>.tmp-<pid>`) and, once everything in it is complete, swaps it in by
 * renaming. A build killed at any moment leaves the target as it was, plus a staging directory
 * that the next run removes. Builds of one checkout do not run at the same time (they share
 * src/generated/), so every leftover belongs to a run that has ended.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The staging directory of this process for `target`. */
export const stagingDirFor = (target: string): string => `${target}.tmp-${process.pid}`;

/** Where the previous target waits between the two renames of a swap. */
const previousDirFor = (target: string): string => `${stagingDirFor(target)}-previous`;

/**
 * Removes what interrupted runs left beside `target` (every `<target>.tmp-*` except `keep`). If a
 * run was killed between the two renames of its swap, the target is missing and its previous
 * version waits in `<target>.tmp-<pid>-previous`: that is put back first.
 */
export function removeLeftovers(target: string, keep?: string): string[] {
  const parent = dirname(target);
  if (!existsSync(parent)) return [];
  const leftovers = readdirSync(parent)
    .filter((name) => name.startsWith(`${basename(target)}.tmp-`))
    .map((name) => join(parent, name))
    .filter((path) => path !== keep);
  const previous = leftovers.find((path) => path.endsWith('-previous'));
  if (!existsSync(target) && previous) renameSync(previous, target);
  for (const path of leftovers) rmSync(path, { recursive: true, force: true });
  return leftovers;
}

/** Swaps a complete staging directory in for `target`: two renames, then the old one is removed. */
export function replaceDir(staging: string, target: string): void {
  const previous = previousDirFor(target);
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, { recursive: true, force: true });
}
