// The Easy Read pictures: every question Easy Read asks has one, every file shipped is used and listed in the
// symbols README with its licence, the files are small optimised SVGs, and Easy Read wording is English only.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import {
  askedInEasyRead,
  CHANNEL_SYMBOLS,
  EASY_READ_LANGUAGES,
  easyReadKey,
  OPTION_SYMBOLS,
  QUESTION_SYMBOLS,
  START_LINES,
  SYMBOL_NAMES
} from '../../src/web/routes/screening/easy-read.js'
import { questionItems } from '../../src/web/routes/screening/question-fields.js'
import { ANSWER_SETS, EHEALS_LINK_IDS } from '../../src/domain/screening/index.js'
import { translate } from '../../src/web/i18n.js'

const dir = join(import.meta.dirname, '../../src/web/static/symbols')
const files = readdirSync(dir).filter((f) => f.endsWith('.svg'))
const readme = readFileSync(join(dir, 'README.md'), 'utf8')
const handoutTemplates = ['_handout-easy-body.njk'].map((f) =>
  readFileSync(join(import.meta.dirname, '../../src/web/views/screening', f), 'utf8')
)
const handoutModel = readFileSync(
  join(import.meta.dirname, '../../src/web/routes/screening/handout-easy-view-model.ts'),
  'utf8'
)

test('every question Easy Read asks has a picture; the eHEALS items are never asked', () => {
  const asked = questionItems()
    .map(({ item }) => item.linkId)
    .filter(askedInEasyRead)
  for (const id of asked) assert.ok(QUESTION_SYMBOLS[id], `${id} has no picture`)
  for (const id of EHEALS_LINK_IDS) assert.equal(askedInEasyRead(id), false, id)
  assert.equal(asked.length, 24)
})

test('answer pictures cover every option of their answer set, or none', () => {
  for (const [set, pictures] of Object.entries(OPTION_SYMBOLS)) {
    assert.deepEqual(
      Object.keys(pictures!).sort(),
      Object.keys(ANSWER_SETS[set as keyof typeof ANSWER_SETS]).sort(),
      set
    )
  }
})

test('every shipped picture is used, named in SYMBOL_NAMES and listed in the README with its Mulberry source', () => {
  const used = new Set<string>([
    ...Object.values(QUESTION_SYMBOLS),
    ...Object.values(OPTION_SYMBOLS).flatMap((o) => Object.values(o!)),
    ...Object.values(CHANNEL_SYMBOLS),
    ...START_LINES.map((l) => l.symbol),
    ...[...handoutModel.matchAll(/'([a-z-]+)'\)/g)].map((m) => m[1]!).filter((n) => files.includes(`${n}.svg`)),
    'yes' // the thank-you page (self-screen/message.njk)
  ])
  assert.deepEqual(files.map((f) => f.replace(/\.svg$/, '')).sort(), [...SYMBOL_NAMES].sort())
  for (const f of files) {
    assert.ok(used.has(f.replace(/\.svg$/, '')), `${f} is shipped but not used`)
    assert.match(readme, new RegExp(`\\| \`${f}\` \\| \`[^\`]+\\.svg\` \\|`), `${f} is not listed in the README`)
  }
  assert.match(readme, /CC BY-SA 4\.0/)
  assert.match(readme, /https:\/\/creativecommons\.org\/licenses\/by-sa\/4\.0\//)
  assert.match(readme, /https:\/\/github\.com\/mulberrysymbols\/mulberry-symbols/)
  assert.ok(handoutTemplates.every((t) => t.includes('symbolCredit.licence')))
})

test('the pictures are small optimised SVGs with a viewBox and no script', () => {
  let total = 0
  for (const f of files) {
    const svg = readFileSync(join(dir, f), 'utf8')
    const size = statSync(join(dir, f)).size
    total += size
    assert.ok(size <= 10 * 1024, `${f} is ${size} bytes`)
    assert.match(svg, /^<svg [^>]*viewBox="0 0 \d+ \d+"/, f)
    assert.doesNotMatch(svg, /<script|on\w+=|href="http/i, f)
  }
  assert.ok(total <= 200 * 1024, `${total} bytes in all`)
})

test('Easy Read wording is English only: other languages use their standard words, never English Easy Read', () => {
  assert.deepEqual(EASY_READ_LANGUAGES, ['en'])
  assert.equal(easyReadKey('en', 'screening.q.devices.text'), 'screening.easy.q.devices.text')
  assert.equal(easyReadKey('en', 'screening.ui.back'), 'screening.ui.back')
  for (const lang of ['ar', 'ur', 'pl', 'tr', 'es']) {
    assert.equal(easyReadKey(lang, 'screening.q.devices.text'), 'screening.q.devices.text', lang)
    assert.notEqual(translate(lang, easyReadKey(lang, 'screening.q.devices.text')), 'Which of these can you use?')
  }
  assert.equal(translate('en', easyReadKey('en', 'screening.ui.select-all')), 'You can choose more than one.')
})
