// Defined by scripts/build-vscode-tests.mjs: which extension host this build of the suite is for.
declare const RECOVERY_LINT_TEST_HOST: 'node' | 'web';
