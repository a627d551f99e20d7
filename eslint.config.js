// One lint configuration for the whole repository (extension, meeting server, shared, e2e, scripts).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'tools/**',
      '.data/**',
      '.output/**',
      '.wxt/**',
      '**/dist/**',
      'test-results/**',
      'test-reports/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'User text is never injected as HTML.',
        },
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'User text is never injected as HTML.',
        },
      ],
    },
  },
  // Layers read top to bottom: an import never goes from a lower layer to a higher one.
  // Extension: base/ (words, hash router, live queries, pdf.js) and db/ import nothing else of the
  // extension; the feature folders build on them and never import the page shell (ui/) or the
  // entrypoints; the shell and the entrypoints assemble everything. Tests may reach across.
  {
    files: ['extension/base/**/*.{ts,tsx}', 'extension/db/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./shared/)',
              message:
                'extension/base and extension/db are the lowest layer: import only from their own folder, shared/ and packages.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'extension/{annotations,backup,export,import,meeting,notes,packages,search,testing}/**/*.{ts,tsx}',
    ],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(ui|entrypoints)(/|$)',
              message:
                'A feature folder does not import the page shell (extension/ui) or an entrypoint: move what both need to extension/base.',
            },
          ],
        },
      ],
    },
  },
  // shared/ is below both clients and the server.
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(extension|meeting-server)(/|$)',
              message: 'shared/ is used by every side and imports none of them.',
            },
          ],
        },
      ],
    },
  },
  // The meeting web client: its components never import the pages that mount them, and the client
  // never imports the server's code or the extension.
  {
    files: ['meeting-server/web/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(App|Room|Lobby|main)$',
              message: 'Components do not import the pages that mount them.',
            },
            {
              regex: '^\\.\\./\\.\\./\\.\\./(src|\\.\\./extension)(/|$)',
              message: 'The web client does not import the server or the extension.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['meeting-server/web/src/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./(src|\\.\\./extension)(/|$)',
              message: 'The web client does not import the server or the extension.',
            },
          ],
        },
      ],
    },
  },
);
