// The commands the reader understands, and the contexts keys are read in. The key table
// (src/ui/keys.ts) binds keys to these; the navigation reducer carries them out.

/** Where a key is read: a screen, or a prompt/overlay that takes the keys while it is open. */
export type Context = 'list' | 'article' | 'filter' | 'search' | 'number' | 'address' | 'toc' | 'links' | 'help' | PickerContext;

/** The screens of places to go (navigation/pickers.ts): recent visits, bookmarks, tags. */
export type PickerContext = 'visits' | 'saved' | 'tags';

export const CONTEXTS: readonly Context[] = ['list', 'article', 'filter', 'search', 'number', 'address', 'toc', 'links', 'help', 'visits', 'saved', 'tags'];

/** Contexts that are prompts: printable keys and Backspace edit; only Enter, Esc and Ctrl-C act. */
export const PROMPT_CONTEXTS: readonly Context[] = ['filter', 'search', 'number', 'address'];

export const COMMANDS = [
  // article: moving
  'lineDown',
  'lineUp',
  'pageDown',
  'pageUp',
  'halfDown',
  'halfUp',
  'top',
  'bottom',
  // list
  'listDown',
  'listUp',
  'listPageDown',
  'listPageUp',
  'listTop',
  'listBottom',
  'openSelected',
  'openFilter',
  'clearFilter',
  // links
  'nextLink',
  'previousLink',
  'followLink',
  'followNumber',
  'nextArticle',
  'previousArticle',
  // history
  'back',
  'forward',
  // screens
  'toList',
  'help',
  'closeHelp',
  'helpDown',
  'helpUp',
  'quitFromList',
  'quit',
  // prompts
  'promptType',
  'promptDelete',
  'promptAccept',
  'promptCancel',
  'promptSelectDown',
  'promptSelectUp',
  // search in the article
  'openSearch',
  'searchNext',
  'searchPrevious',
  // overlays: table of contents and links panel
  'openToc',
  'openLinks',
  'overlayDown',
  'overlayUp',
  'overlayAccept',
  'overlayClose',
  // outside the reader
  'openExternal',
  'copyLink',
  'copySource',
  'editArticle',
  // pages read in place
  'readLink',
  'keepArticle',
  'openAddress',
  // reading state
  'toggleRead',
  'nextUnread',
  // keeping one's place: recent visits, bookmarks, tags (pickers.ts, bookmarks.ts)
  'openVisits',
  'openSaved',
  'openTags',
  'toggleBookmark',
  'pickerDown',
  'pickerUp',
  'pickerAccept',
  'pickerClose',
] as const;

export type Command = (typeof COMMANDS)[number];
