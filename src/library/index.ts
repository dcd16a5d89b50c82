// The library layer's public API: files → plain Article records, the link graph, and the body
// store that reads bodies when they are shown. No terminal code. The modules that parse (and so
// load marked and yaml) are not re-exported here: they are reached through src/startup.ts.
export type * from './types.js';
export { loadLibrary, loadLibrarySync, readIndexedLibrary, linkIndexedLibrary, isIndexCurrent, type LoadOptions, type IndexedLibrary } from './loadLibrary.js';
export { createBodyStore, type BodyStore } from './bodyStore.js';
export { LibraryPathError, scanLibrary, scanLibrarySync, specialFileKind, formatForExtension, ARTICLE_EXTENSIONS, type ScannedFile, type ScanOptions, type ScanResult, type FileStamp } from './scanLibrary.js';
export { assignIds, type IdentifiedFile } from './articleIds.js';
export { decodeBytes, normalizeLineEnds, DEFAULT_MAX_FILE_BYTES, type DecodeResult } from './decodeText.js';
export { normalizeTitle, stripEnclosingQuotes } from './normalizeTitle.js';
export { RELATED_OPENERS, startsWithRelatedOpener, matchRelatedOpener } from './relatedOpeners.js';
export { escapeMarkdownLine, escapeLinkLabel, markdownDestination } from './escapeMarkdown.js';
export { resolveRef, normalizeUrl, buildRefIndex, type RefCandidate, type RefContext, type RefIndex, type ResolveOptions } from './resolveRef.js';
export { targetKey, relatedNumbers, computeBacklinks } from './linkGraph.js';
export type { FileReader, ReadOutcome } from './readArticleFile.js';
export { fileTitle } from './fileOutcome.js';
export type { ArticleMeta } from './articleMeta.js';
export type { BodyLink, LexedBody, LexProblem } from './bodyLinks.js';
export { openLibraryCache, libraryCacheFile, cacheKey, CACHE_FORMAT, PARSER_VERSION, type LibraryCache, type CachedFile } from './libraryCache.js';
export type { ParsedArticle } from './parsedArticle.js';
export type { RefSpec, RefMode } from './refSpec.js';
export { fileProblem } from './fileProblem.js';
export { isInsideRoot } from './containment.js';
export { createLibraryChannel, isNoChange, libraryChange, type LibraryChange, type LibraryChannel, type LibraryListener, type LibraryUpdate, type LibraryUpdates } from './libraryUpdates.js';
