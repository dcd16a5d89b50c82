import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { README, withKeyTable } from '../../scripts/update-readme.js';

test('the README key list is the key table (run `npm run readme` after changing keys)', () => {
  const readme = readFileSync(README, 'utf8');
  assert.equal(readme, withKeyTable(readme));
});

test('the README gives exactly the two set-up commands', () => {
  const readme = readFileSync(README, 'utf8');
  assert.match(readme, /npm install && npm start/);
  assert.match(readme, /^npm test/m);
});
