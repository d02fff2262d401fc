import type { Options, SearchOptions } from 'minisearch';

/** One document per preset in the MiniSearch index. */
export interface SearchDoc {
  id: number; // position in the bundle's preset array: small ids keep the index small
  name: string;
  aliases: string;
  category: string;
  platforms: string;
}

// Typos grow with word length: "minecarft" (2 edits) and "fortnight" (3) still find their game,
// while short words stay exact so "ark" does not match "arma".
function allowedEdits(term: string): number {
  if (term.length <= 3) return 0;
  if (term.length <= 5) return 1;
  if (term.length <= 8) return 2;
  return 3;
}

export const SEARCH_SEARCH_OPTIONS: SearchOptions = {
  boost: { name: 3, aliases: 2.5, platforms: 0.5, category: 0.5 },
  // Only the word being typed is a prefix: "apex l" finds "Apex Legends", not everything with an l.
  prefix: (_term, i, terms) => i === terms.length - 1,
  fuzzy: (term) => allowedEdits(term),
  maxFuzzy: 3,
  combineWith: 'AND',
  weights: { fuzzy: 0.3, prefix: 0.6 },
};

/** Identical at build time (scripts/build-data.ts) and load time (the popup), or loadJSON misreads the index. */
export const SEARCH_INDEX_OPTIONS: Options<SearchDoc> = {
  fields: ['name', 'aliases', 'category', 'platforms'],
  storeFields: [],
  // Split on anything but letters and digits so "cs2", "7-days" and "call-of-duty" tokenise alike.
  tokenize: (text) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean),
  processTerm: (term) => term.toLowerCase(),
  searchOptions: SEARCH_SEARCH_OPTIONS,
};
