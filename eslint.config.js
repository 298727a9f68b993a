// Lint: typescript-eslint's recommended rules, and the key boundary of the architecture: the pure
// parts (domain, extract, standards) import no I/O, no store and no server.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const IO_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'http', 'node:http',
  'https', 'node:https', 'child_process', 'node:child_process', 'pg', '@electric-sql/pglite', 'fastify'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', '.scratch/', 'docs/openapi.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/extract/**/*.ts', 'src/standards/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: IO_MODULES.map((name) => ({ name, message: 'domain, extract and standards are pure: no I/O here.' })),
        patterns: [{ group: ['**/store/**', '**/server/**', '**/cli/**'], message: 'the pure core does not depend on the shells.' }],
      }],
    },
  },
);
