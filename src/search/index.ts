// Search: inside an article (matches in its rendered lines), across the library (ranked
// full-text over a compact inverted index kept between runs), and the "mentioned in" index.
export * from './librarySearch.js';
export * from './mentions.js';
export * from './searchFilter.js';
export * from './textSearch.js';
