// The layer boundaries of docs/architecture.md are ESLint rules (eslint.config.js). These tests
// prove that a deliberate violation in each layer fails the lint, and that the rule allows the
// imports each layer is meant to make.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ESLint } from 'eslint'

const eslint = new ESLint()

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  assert.ok(result, 'ESLint returned a result')
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

const violations: [string, string, RegExp][] = [
  ['src/domain/screening/x.ts', "import { findPatient } from '../../db/repositories/patients.js'", /domain/],
  ['src/domain/qi/x.ts', "import { readFileSync } from 'node:fs'", /no I\/O/],
  ['src/domain/qi/x.ts', "import type { Kysely } from 'kysely'", /no I\/O/],
  ['src/domain/qi/x.ts', "import { randomUUID } from 'node:crypto'", /randomness/],
  ['src/domain/qi/x.ts', "import { recordScreening } from '../../app/screening/record-screening.js'", /domain/],
  ['src/db/repositories/x.ts', "import { render } from '../../web/plugins/views.js'", /data access/],
  ['src/db/repositories/x.ts', "import { found } from '../../app/errors.js'", /data access/],
  ['src/app/screening/x.ts', "import { currentUser } from '../../web/plugins/auth.js'", /use cases/],
  ['src/app/screening/x.ts', "import { seedDemo } from '../../db/seed/demo.js'", /use cases/],
  ['src/web/routes/x/index.ts', "import { toCsv } from '../../../cli/csv-table.js'", /web/],
  ['src/web/app.ts', "import { demoStaffAccounts } from '../db/seed/demo.js'", /web/],
  ['src/fhir/x.ts', "import { findPatient } from '../db/repositories/patients.js'", /FHIR/]
]

describe('layer boundaries', () => {
  for (const [file, code, message] of violations) {
    test(`refuses in ${file}: ${code}`, async () => {
      const found = await restrictedImports(file, `${code}\nexport const x = 1\n`)
      assert.equal(found.length, 1, `expected one boundary error, got ${JSON.stringify(found)}`)
      assert.match(found[0] ?? '', message)
    })
  }

  const allowed: [string, string][] = [
    ['src/domain/area/x.ts', "import { createHash } from 'node:crypto'"],
    ['src/domain/area/x.ts', "import { BARRIERS } from '../shared/barriers.js'"],
    ['src/app/screening/x.ts', "import { findPatient } from '../../db/repositories/patients.js'"],
    ['src/web/routes/x/index.ts', "import { recordScreening } from '../../../app/screening/record-screening.js'"],
    ['src/cli/commands/x.ts', "import { seedDemo } from '../../db/seed/demo.js'"]
  ]
  for (const [file, code] of allowed) {
    test(`allows in ${file}: ${code}`, async () => {
      assert.deepEqual(await restrictedImports(file, `${code}\nexport const x = 1\n`), [])
    })
  }
})
