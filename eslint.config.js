import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', '.cohortlens/**', '**/*.py'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through the platform config loader, not process.env.',
        },
      ],
    },
  },
  {
    // The engine is pure: no I/O, no other workspaces.
    files: ['packages/engine/src/**/*.ts'],
    ignores: ['packages/engine/src/**/*.test.ts', 'packages/engine/src/parallel/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:fs*',
                'node:net',
                'node:http*',
                'node:child_process',
                'fs',
                'fs/*',
                'pg',
                '@electric-sql/*',
              ],
              message: 'The engine does no I/O.',
            },
            { group: ['@cohortlens/*'], message: 'The engine imports no other workspace.' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/platform/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@cohortlens/cli', '@cohortlens/server', '@cohortlens/dashboard'],
              message: 'Dependencies point one way: engine <- platform <- apps.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/bench/**', 'scripts/**', '**/config/load-config.ts', '**/config/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
