// The reader's navigation: a pure reducer (navigationReducer.ts dispatches to one module per
// concern), its state types and the selectors the views read.
export * from './commands.js';
export * from './filter.js';
export * from './position.js';
export type { ArticleSearch, ListState, NavigationAction, NavigationEnv, NavigationState, OpenRequest, Overlay, Viewport, Visit } from './navigationState.js';
export { initialNavigationState, navigationReducer } from './navigationReducer.js';
export { articlesInOrder, selectedIndex, visibleArticles } from './articleList.js';
export { currentMatchIndex, searchMatches } from './articleSearch.js';
export { followTarget, titleOf } from './followLinks.js';
export { headingLine, headingSlug } from './headings.js';
export { linksPanelEntries, type PanelEntry, type PanelGroup } from './linksPanel.js';
export { isArticleRead, readingSnapshot } from './readingMarks.js';
export { contextOf } from './screens.js';
export { currentRendered, currentVisit } from './visit.js';
