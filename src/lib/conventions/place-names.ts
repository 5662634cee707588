/**
 * Names of administrative divisions: 北仑区, 慈溪市, 宁海县 end in the level they are (区, 市, 县);
 * readers often write a place without it (北仑, 慈溪). A term names a place when it is the full name,
 * or the name without that ending, if at least two characters remain.
 */
const LEVEL_ENDING = /[区市县]$/u;

export function namesPlace(term: string, name: string): boolean {
  if (term === name) return true;
  const bare = name.replace(LEVEL_ENDING, '');
  return bare !== name && Array.from(bare).length >= 2 && term === bare;
}

/** The first of the places (in their order) the term names, if any. */
export function placeNamed<T extends { name: string }>(term: string, places: readonly T[]): T | undefined {
  return places.find((p) => namesPlace(term, p.name));
}
