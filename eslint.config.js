import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const sources = ['src', 'sim', 'scripts', '__tests__', 'demo', 'bench'].map(
  (dir) => `${dir}/**/*.{ts,mts,js,mjs}`,
);

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'coverage/']),
  {
    files: [...sources, '*.{js,ts}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: globals.node,
    },
    rules: {
      // A leading underscore marks a parameter that an interface requires but the code ignores.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Stripping ANSI colour codes from clusteradm output matches ESC on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests and the local simulation handle loosely typed Kubernetes and AWS payloads.
    files: ['__tests__/**', 'sim/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
]);
