// Imported before Ink (first import of runReader.tsx). Ink decides once, when it loads, whether
// it runs in CI (`is-in-ci` reads CI / CONTINUOUS_INTEGRATION), and in CI it draws nothing until
// exit. The reader only starts on a terminal, where a person is looking at it, so on a terminal
// those variables are dropped from this process before Ink is loaded.
if (process.stdout.isTTY) {
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
}
export {};
