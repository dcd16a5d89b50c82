// Ink draws nothing when it believes it runs in CI (FIELD-NOTES). The reader's start drops the
// CI variables before Ink loads, on a terminal only; importing the module changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('importing inkEnvironment leaves the environment alone; letInkDraw drops CI only on a terminal', async () => {
  process.env.CI = 'true';
  process.env.CONTINUOUS_INTEGRATION = '1';
  const { letInkDraw } = await import('../../src/ui/inkEnvironment.js');
  assert.equal(process.env.CI, 'true', 'no side effect at import');
  assert.equal(process.env.CONTINUOUS_INTEGRATION, '1');

  const piped: NodeJS.ProcessEnv = { CI: 'true', CONTINUOUS_INTEGRATION: '1' };
  letInkDraw({ isTTY: false }, piped);
  assert.deepEqual(piped, { CI: 'true', CONTINUOUS_INTEGRATION: '1' }, 'not a terminal: kept');

  const onTerminal: NodeJS.ProcessEnv = { CI: 'true', CONTINUOUS_INTEGRATION: '1', HOME: '/h' };
  letInkDraw({ isTTY: true }, onTerminal);
  assert.deepEqual(onTerminal, { HOME: '/h' });
});
