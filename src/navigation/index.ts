// The reader's navigation: a pure reducer over a state whose slices each have one owner
// (see navigationState.ts), the command vocabulary the key table binds, the list filter seam,
// and the selectors the views read.
export * from './commands.js';
export * from './filter.js';
export type { ArticleSearch, CommandHandler, ListState, NavigationAction, NavigationEnv, NavigationState, OpenRequest, Overlay, Picker, Viewport, Visit } from './navigationState.js';
export { currentVisit } from './navigationState.js';
export { contextOf, initialNavigationState, navigationReducer } from './navigationReducer.js';
export { currentRendered } from './viewport.js';
export { followTarget, headingLine, relatedNumbers, titleOf } from './history.js';
export { articlesInOrder, selectedIndex, visibleArticles } from './articleList.js';
export { currentMatchIndex, searchMatches } from './articleSearch.js';
export { linksPanelEntries, type PanelEntry, type PanelGroup } from './overlays.js';
export { isArticleRead, readingSnapshot } from './readingMarks.js';
export { anchorAt, lineOfAnchor, type ReadingAnchor } from './libraryChanged.js';
export { isArticleSaved, savedArticles } from './bookmarks.js';
export { chainProgressOf, chainProgressText, type ChainProgress, type ChainProgressOf } from './chainProgress.js';
export { pickerEntries, type PickerEntry } from './pickers.js';
export { sourceLineAt, type EditRequest } from './editing.js';
