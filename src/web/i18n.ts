/**
 * Words behind keys. Each language is a JSON file in web/locales; English is the fallback
 * for a missing key or an unknown language. Messages are templates: "Enter {label}".
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

type Messages = Record<string, string>
const localesDir = join(dirname(fileURLToPath(import.meta.url)), 'locales')

function flatten(tree: Record<string, unknown>, prefix = '', out: Messages = {}): Messages {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out[path] = value
    else if (value && typeof value === 'object') flatten(value as Record<string, unknown>, path, out)
  }
  return out
}

/**
 * Catalogues are `locales/<lang>.json` and `locales/<area>/<lang>.json`, merged per language,
 * so each area of the service keeps its own words. A top-level `reviewed: false` in a file
 * marks a machine or unchecked translation (shown to staff with the English source).
 */
const catalogues = new Map<string, Messages>()
export const unreviewed = new Set<string>()

function load(dir: string, area: string | null): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      load(join(dir, entry.name), entry.name)
      continue
    }
    if (!entry.name.endsWith('.json')) continue
    const lang = entry.name.replace(/\.json$/, '')
    const tree = JSON.parse(readFileSync(join(dir, entry.name), 'utf8')) as Record<string, unknown>
    if (tree.reviewed === false) unreviewed.add(area ? `${area}/${lang}` : lang)
    delete tree.reviewed
    catalogues.set(lang, { ...(catalogues.get(lang) ?? {}), ...flatten(tree) })
  }
}
load(localesDir, null)

export function languages(): string[] {
  return [...catalogues.keys()].sort()
}

export function translate(lang: string, key: string, vars: Record<string, string | number> = {}): string {
  const template = catalogues.get(lang)?.[key] ?? catalogues.get('en')?.[key] ?? key
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}

export function hasKey(lang: string, key: string): boolean {
  return catalogues.get(lang)?.[key] !== undefined
}
