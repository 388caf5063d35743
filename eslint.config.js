// Lint, and the architecture: core imports nothing of the extension; content, background, popup,
// options, screen and viewer never import each other; ui/ (DOM pieces they share) imports only core and platform;
// only platform/ imports webextension-polyfill.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const contexts = ['content', 'background', 'popup', 'options', 'screen', 'viewer'];

function restrict(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }] };
}

export default tseslint.config(
  // tests/pages are fixture pages served to browsers, not project code.
  { ignores: ['dist/', 'build/', 'node_modules/', 'artifacts/', 'tests/pages/', 'scratch/'] /* scratch: local experiments, git-ignored */ },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never innerHTML: build nodes and set textContent.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never insertAdjacentHTML.' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/platform/**'],
    rules: restrict(['webextension-polyfill'], 'Use src/platform/: it is the only module that imports the polyfill.'),
  },
  {
    files: ['src/core/**/*.ts'],
    rules: restrict(['**/platform/**', '**/ui/**', ...contexts.map((c) => `**/${c}/**`), 'webextension-polyfill'], 'core/ is pure: no extension or DOM code.'),
  },
  {
    files: ['src/ui/**/*.ts'],
    rules: restrict(
      [...contexts.map((c) => `**/${c}/**`), 'webextension-polyfill'],
      'ui/ is DOM UI the contexts share: it may import core/ and platform/, never an extension context.',
    ),
  },
  ...contexts.map((context) => ({
    files: [`src/${context}/**/*.ts`],
    rules: restrict(
      [...contexts.filter((c) => c !== context).map((c) => `**/${c}/**`), 'webextension-polyfill'],
      `${context}/ must not import another extension context; share code through core/ or platform/.`,
    ),
  })),
);
