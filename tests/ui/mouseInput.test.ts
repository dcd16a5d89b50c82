// SGR mouse reports are taken out of the input before Ink sees it: keys typed around them pass
// through untouched, the wheel and left presses become events, releases and drags do nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { takeMouseReports } from '../../src/ui/mouseInput.js';

test('reports out, keys kept, wheel and clicks read with 0-based cells', () => {
  const { rest, events } = takeMouseReports('j\x1b[<65;10;5M\x1b[<64;1;1Mk\x1b[<0;12;3M\x1b[<0;12;3m\x1b[<32;4;4M\x1b[<2;4;4Mq');
  assert.equal(rest, 'jkq');
  assert.deepEqual(events, [
    { kind: 'wheel', down: true, x: 9, y: 4 },
    { kind: 'wheel', down: false, x: 0, y: 0 },
    { kind: 'click', x: 11, y: 2 },
  ]);
});

test('input without reports is left as it is', () => {
  assert.deepEqual(takeMouseReports('/harbour\r\x1b[A'), { rest: '/harbour\r\x1b[A', events: [] });
});
