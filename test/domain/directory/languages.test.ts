// A service's languages by name, and the language someone typed (code, English name or the language's own name).
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { findServiceLanguage, languageNames, parseLanguageList } from '../../../src/domain/directory/languages.js'

describe('directory languages', () => {
  test('names, English first, never codes', () => {
    assert.deepEqual(languageNames(['tr', 'pl', 'en', 'syl', 'bfi']), [
      'English',
      'Turkish',
      'Polish',
      'Sylheti',
      'British Sign Language'
    ])
    assert.deepEqual(languageNames([]), ['English'])
  })

  test('a code or a name, in any case, in English or in the language itself', () => {
    for (const typed of ['tr', 'TR', 'Turkish', 'turkish', ' Türkçe ', 'türkçe'])
      assert.equal(findServiceLanguage(typed), 'tr')
    assert.equal(findServiceLanguage('Polski'), 'pl')
    assert.equal(findServiceLanguage('Bengali'), 'bn')
    assert.equal(findServiceLanguage('Sylheti'), 'syl')
    assert.equal(findServiceLanguage('British Sign Language'), 'bfi')
    assert.equal(findServiceLanguage('Welsh'), 'cy')
    assert.equal(findServiceLanguage('English'), 'en')
  })

  test('nothing for what names no language; a service-only code still counts', () => {
    assert.equal(findServiceLanguage('Klingon'), null)
    assert.equal(findServiceLanguage('zz'), null)
    assert.equal(findServiceLanguage(''), null)
    assert.equal(findServiceLanguage('Cantonese'), 'zh')
    assert.equal(findServiceLanguage('Hakka'), null)
    assert.equal(findServiceLanguage('Hakka', ['hak']), 'hak')
  })

  test('a staff list: names or codes by commas, space-separated codes, English left out, unknowns named', () => {
    assert.deepEqual(parseLanguageList('Turkish, pl, Yiddish'), { ok: true, codes: ['tr', 'pl', 'yi'] })
    assert.deepEqual(parseLanguageList('tr pl'), { ok: true, codes: ['tr', 'pl'] })
    assert.deepEqual(parseLanguageList('English, Turkish, tr'), { ok: true, codes: ['tr'] })
    assert.deepEqual(parseLanguageList(''), { ok: true, codes: [] })
    assert.deepEqual(parseLanguageList('Turkish, Klingon'), { ok: false, unknown: ['Klingon'] })
  })
})
