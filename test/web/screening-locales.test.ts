// Every screening text key (questionnaire texts and result keys) exists in every language file;
// placeholders match the English; right-to-left languages are marked as such.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { screeningEnglishText, SCREENING_RESULT_KEYS } from '../../src/domain/screening/index.js'
import { PATIENT_LANGUAGES } from '../../src/web/routes/screening/languages.js'

const dir = join(import.meta.dirname, '../../src/web/locales/screening')
const files = readdirSync(dir).filter((f) => f.endsWith('.json'))
const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>
const en = read('en.json')

test('English plus at least five languages, one of them right-to-left, and every offered language has a file', () => {
  assert.ok(files.length >= 6, files.join())
  assert.ok(PATIENT_LANGUAGES.some((l) => l.dir === 'rtl'))
  for (const l of PATIENT_LANGUAGES) assert.ok(files.includes(`${l.code}.json`), l.code)
})

test('every questionnaire text key and result key is in every language file, with the same placeholders', () => {
  const required = [
    ...Object.keys(screeningEnglishText()),
    ...SCREENING_RESULT_KEYS,
    ...Object.keys(en).filter((k) => k !== 'reviewed' && !k.startsWith('screening.easy.'))
  ]
  for (const file of files) {
    const messages = read(file)
    for (const key of required) {
      assert.equal(typeof messages[key], 'string', `${file}: ${key}`)
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join()
      assert.equal(placeholders(messages[key] as string), placeholders(en[key] as string), `${file}: ${key}`)
    }
    if (file !== 'en.json') assert.equal(messages.reviewed, false, `${file} is a translation we wrote ourselves`)
  }
})

test('the English catalogue matches the definition', () => {
  for (const [key, text] of Object.entries(screeningEnglishText())) assert.equal(en[key], text, key)
})
