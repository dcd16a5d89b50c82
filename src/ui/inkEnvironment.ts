// Ink decides once, when it is first loaded, whether it runs in CI (`is-in-ci` reads CI and
// CONTINUOUS_INTEGRATION), and in CI it draws nothing until it exits (FIELD-NOTES: "In CI, Ink
// draws nothing"). The reader only starts on a terminal, where a person is looking at it, so
// runReader calls this before it loads Ink. An explicit call, not a side effect of importing a
// module: nothing else (list, show, the tests that import UI code) has its environment changed.

/** On a terminal, drop the CI variables from this process so the Ink loaded next draws. */
export function letInkDraw(stdout: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): void {
  if (!stdout.isTTY) return;
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
}
