// The reader's navigation: a pure reducer and its selectors (see navigationReducer.ts).
export * from './commands.js';
export * from './filter.js';
export * from './navigationReducer.js';
export * from './position.js';
