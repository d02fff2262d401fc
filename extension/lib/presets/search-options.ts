import type { Options, SearchOptions } from 'minisearch';

/** One document per preset in the MiniSearch index. */
export interface SearchDoc {
  id: number; // position in the bundle's preset array: small ids keep the index small
  name: string;
  aliases: string;
  category: string;
  platforms: string;
}

// Typos grow with word length: "minecarft" (2 edits) still finds its game, while short words
// stay exact so "ark" does not match "arma". Two edits at most keeps fuzzy lookups cheap.
function allowedEdits(term: string): number {
  if (term.length <= 3) return 0;
  if (term.length <= 5) return 1;
  return 2;
}

/**
 * Lower case, and spellings that sound alike folded together on both sides of the index
 * ("fortnight" → "fortnite", "fantom" ~ "phantom"), the misspellings people make most.
 */
export function normaliseTerm(term: string): string {
  return term.toLowerCase().replace(/ight/g, 'ite').replace(/ph/g, 'f');
}

export const SEARCH_SEARCH_OPTIONS: SearchOptions = {
  boost: { name: 3, aliases: 2.5, platforms: 0.5, category: 0.5 },
  // Only the word being typed is a prefix: "apex l" finds "Apex Legends", not everything with an l.
  prefix: (_term, i, terms) => i === terms.length - 1,
  fuzzy: (term) => allowedEdits(term),
  maxFuzzy: 2,
  combineWith: 'AND',
  weights: { fuzzy: 0.3, prefix: 0.6 },
};

/** Identical at build time (scripts/build-data.ts) and load time (the popup), or loadJSON misreads the index. */
export const SEARCH_INDEX_OPTIONS: Options<SearchDoc> = {
  fields: ['name', 'aliases', 'category', 'platforms'],
  storeFields: [],
  // Split on anything but letters and digits so "cs2", "7-days" and "call-of-duty" tokenise alike.
  tokenize: (text) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean),
  processTerm: normaliseTerm,
  searchOptions: SEARCH_SEARCH_OPTIONS,
};
