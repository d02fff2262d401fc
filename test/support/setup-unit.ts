// IndexedDB for Dexie in Node; extension APIs come from WXT's fake-browser (WxtVitest).
import 'fake-indexeddb/auto';
