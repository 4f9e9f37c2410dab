// Type-aware lint. The one architectural rule is enforced here: the analyzer is pure.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'build/**', 'scripts/*.cjs', 'eslint.config.mjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['src/analyzer/**/*.ts', 'src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['botbuilder*', 'botframework-*', 'restify', 'pino', 'better-sqlite3', '@azure/*'], message: 'The analyzer is pure: no bot, server, storage or logging imports.' },
          { group: ['node:fs', 'fs', 'node:fs/*', 'fs/*', 'node:net', 'node:http', 'node:https', 'node:child_process', 'node:process'], message: 'The analyzer is pure: no disk, network or process access.' },
          { group: ['../bot/*', '../../bot/*', '../cards/*', '../../cards/*', '../cli/*', '../../cli/*', '../config/*', '../../config/*'], message: 'analyzer may not depend on outer layers.' },
        ],
      }],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
