// One date rule for front matter and saved pages (text/dates.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateProblem, displayDate, normalizeDate } from '../../src/text/dates.js';

test('normalizeDate: ISO kept (time and offset when given), others read, impossible days refused', () => {
  assert.equal(normalizeDate('2025-04-02'), '2025-04-02');
  assert.equal(normalizeDate('2025-4-2'), '2025-04-02');
  assert.equal(normalizeDate('2025-04-02T09:30:00+0200'), '2025-04-02T09:30:00+02:00');
  assert.equal(normalizeDate('2025-04-02 09:30'), '2025-04-02T09:30');
  assert.equal(normalizeDate('2025-04-02T07:30:00.000Z'), '2025-04-02T07:30:00.000Z');
  assert.equal(normalizeDate('Wed, 02 Apr 2025 07:30:00 GMT'), '2025-04-02T07:30:00Z');
  assert.equal(normalizeDate('April 2, 2025'), '2025-04-02');
  assert.equal(normalizeDate('2 April 2025'), '2025-04-02');
  assert.equal(normalizeDate('2025-02-29'), null);
  assert.equal(normalizeDate('2024-02-29'), '2024-02-29');
  assert.equal(normalizeDate('12/03/2025'), null);
  assert.equal(normalizeDate('yesterday'), null);
  assert.equal(normalizeDate(''), null);
});

test('normalizeDate: a day past the month\'s end is refused in every spelling, never rolled over', () => {
  assert.equal(normalizeDate('2025-02-30'), null);
  assert.equal(normalizeDate('2025-04-31T10:00'), null);
  assert.equal(normalizeDate('April 31, 2025'), null);
  assert.equal(normalizeDate('30 February 2024'), null);
  assert.equal(normalizeDate('Wed, 31 Apr 2025 07:30:00 GMT'), null);
  assert.equal(normalizeDate('April 30, 2025'), '2025-04-30');
  // A zone moves the instant to another day: still the day written, so still a date.
  assert.equal(normalizeDate('Wed, 02 Apr 2025 23:30:00 -0500'), '2025-04-03T04:30:00Z');
  assert.equal(normalizeDate('April 2'), null, 'no year: not guessed');
});

test('dateProblem: one wording, naming the date as written', () => {
  assert.equal(dateProblem(' 2025-02-30 '), 'date "2025-02-30" is not a date broadsheet can read');
});

test('displayDate: the day, and HH:MM when a time is given, in the clock as written; anything else as it is', () => {
  assert.equal(displayDate('2025-04-02'), '2025-04-02');
  assert.equal(displayDate('2025-04-02T09:30'), '2025-04-02 09:30');
  assert.equal(displayDate('2025-04-02T09:30:00+02:00'), '2025-04-02 09:30');
  assert.equal(displayDate('2025-04-02T07:30:00.000Z'), '2025-04-02 07:30');
  assert.equal(displayDate('spring 2025'), 'spring 2025');
});
