// Every role of the light theme is readable on white (WCAG AA, 4.5:1, xterm's palette), none
// relies on dim (which a light terminal may render as pale grey); the dark theme is the look
// broadsheet always had; `none` has no colour at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DARK_THEME, LIGHT_THEME, NO_THEME, parseLook, sgr, sgrOf } from '../../src/render/theme.js';
import { ROLES, STYLE } from '../../src/render/styles.js';
import { contrastOn, sgrColours, WHITE } from '../helpers/contrast.js';

test('light: every role, its SGR code read back, is at least 4.5:1 on white, and none is dim', () => {
  for (const role of ROLES) {
    const look = LIGHT_THEME[role];
    if (!look) continue;
    assert.notEqual(look.dim, true, `${role} is not dim`);
    const sequence = sgrOf(0, look);
    const [colours] = sgrColours(sequence);
    if (look.inverse && look.fg === undefined && look.bg === undefined) continue; // the terminal's own colours swapped
    const ratio = contrastOn(colours, WHITE);
    assert.ok(ratio !== null && ratio >= 4.5, `${role} (${JSON.stringify(sequence)}) is ${ratio?.toFixed(2)}:1 on white`);
  }
});

test('dark keeps the SGR broadsheet always wrote; light differs; none has no colour', () => {
  assert.equal(sgr(STYLE.linkArticle, DARK_THEME), '\x1b[4;36m');
  assert.equal(sgr(STYLE.h1, DARK_THEME), '\x1b[1;4;35m');
  assert.equal(sgr(STYLE.highlight, DARK_THEME), '\x1b[43;30m');
  assert.equal(sgr(STYLE.meta, DARK_THEME), '\x1b[2m');
  assert.notEqual(sgr(STYLE.linkArticle, LIGHT_THEME), sgr(STYLE.linkArticle, DARK_THEME));
  assert.equal(sgr(STYLE.h1, NO_THEME), '\x1b[1;4m');
  assert.equal(sgr(STYLE.code, NO_THEME), '');
});

test('colours as written in the config file', () => {
  assert.deepEqual(parseLook('blue'), { fg: 4 });
  assert.deepEqual(parseLook('bright-red'), { fg: 9 });
  assert.deepEqual(parseLook('white on blue'), { fg: 7, bg: 4 });
  assert.deepEqual(parseLook('on 229'), { bg: 229 });
  assert.deepEqual(parseLook('grey dim'), { fg: 8, dim: true });
  assert.equal(parseLook('chartreuse'), null);
  assert.equal(parseLook('red blue'), null);
  assert.equal(parseLook('256'), null);
});
