// The sources layer: what feeds, exports, bookmarks and URL lists say, parsed from their text
// alone (pure; fetching and writing are in commands/importSources.ts). It imports only text/.
export type { SourceItem, SourceKind, SourceList, FeedDirectory } from './types.js';
export { SourceFormatError } from './types.js';
export { detectSource } from './detectSource.js';
export { parseSourceList } from './parseSourceList.js';
export { parseOpmlText } from './opml.js';
export { parseOmnivoreMetadata, type OmnivoreItem } from './omnivore.js';
export { itemKeys, normalizeUrl } from './itemKey.js';
export { escapeHtml } from './escapeHtml.js';
