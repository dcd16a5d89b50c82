// Search: inside an article (matches in its rendered lines), across the library (ranked
// full-text with MiniSearch), and the "mentioned in" index. Pure; no terminal code.
export * from './librarySearch.js';
export * from './mentions.js';
export * from './searchFilter.js';
export * from './textSearch.js';
