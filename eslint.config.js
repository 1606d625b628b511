// ESLint: typescript-eslint's recommended rules plus the layer boundaries of docs/architecture.md.
// The boundaries are `no-restricted-imports` patterns per folder; test/quality/boundaries.test.ts proves
// that a deliberate violation fails.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

/** What each layer may not import. Patterns are matched against the import string. */
const io = [
  'node:fs',
  'node:fs/*',
  'node:net',
  'node:http',
  'node:https',
  'node:child_process',
  'node:os',
  'node:process',
  'fs',
  'fs/*',
  'pg',
  'kysely',
  '@electric-sql/*',
  'fastify',
  'fastify-*',
  '@fastify/*',
  'nunjucks',
  'pino'
]
const layer = (name, patterns, message) => ({ group: patterns, message: `${name}: ${message}` })

/** Hashing is pure; randomness is not (the domain takes ids and tokens as values). */
const domainRandomness = [
  {
    name: 'node:crypto',
    importNames: ['randomUUID', 'randomInt', 'randomBytes', 'getRandomValues'],
    message: 'domain: no randomness in the domain (pass values in)'
  }
]

export const boundaries = {
  'src/domain/**': [
    layer(
      'domain',
      ['**/db/**', '**/web/**', '**/cli/**', '**/app/**', '**/fhir/**', '**/security/**', '**/config', '**/config.js'],
      'pure logic imports nothing of ours outside domain/'
    ),
    layer('domain', io, 'no I/O in the domain (pass values in)')
  ],
  'src/app/**': [
    layer(
      'app',
      ['**/web/**', '**/cli/**', '**/db/seed/**'],
      'use cases do not know about the web, the CLI or the demo seed'
    )
  ],
  'src/db/**': [
    layer(
      'db',
      ['**/web/**', '**/cli/**', '**/app/**'],
      'data access does not import the web, the CLI or the use cases'
    )
  ],
  'src/fhir/**': [
    layer('fhir', ['**/web/**', '**/cli/**', '**/db/**', '**/app/**'], 'FHIR mapping is pure: resources in, values out')
  ],
  'src/security/**': [
    layer('security', ['**/web/**', '**/cli/**', '**/db/**', '**/app/**'], 'security primitives stand alone')
  ],
  'src/web/**': [layer('web', ['**/cli/**', '**/db/seed/**'], 'the web does not import the CLI or the demo seed')]
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'test-results/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }
      ],
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-console': 'off'
    }
  },
  ...Object.entries(boundaries).map(([files, patterns]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': ['error', { patterns, paths: files === 'src/domain/**' ? domainRandomness : [] }]
    }
  })),
  {
    // Migrations are frozen in time and typed `Kysely<any>` on purpose (docs/decisions, STYLE.md).
    files: ['src/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  },
  {
    // Reference values are copied digit for digit from R and PHE outputs; the extra digits document the source.
    files: ['src/domain/area/inequalities/**', 'test/**'],
    rules: { 'no-loss-of-precision': 'off' }
  },
  {
    files: ['src/web/static/**/*.js'],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' }
  },
  {
    files: ['test/browser/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } }
  }
)
