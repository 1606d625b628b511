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

const catalogues = new Map<string, Messages>(
  readdirSync(localesDir).filter((f) => f.endsWith('.json')).map((f) => [
    f.replace(/\.json$/, ''),
    flatten(JSON.parse(readFileSync(join(localesDir, f), 'utf8')) as Record<string, unknown>)
  ])
)

export function translate(lang: string, key: string, vars: Record<string, string | number> = {}): string {
  const template = catalogues.get(lang)?.[key] ?? catalogues.get('en')?.[key] ?? key
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}

export function hasKey(lang: string, key: string): boolean {
  return catalogues.get(lang)?.[key] !== undefined
}
