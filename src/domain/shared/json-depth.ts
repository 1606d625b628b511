/**
 * How deeply a parsed JSON value nests, counted without recursion (so a hostile 100,000-deep array
 * cannot overflow the stack), stopping as soon as `limit` is passed. Importers refuse input deeper
 * than any real file: an ORUK service nests about 6 levels, a FHIR QuestionnaireResponse about 8.
 */
export const MAX_IMPORT_DEPTH = 32

export function jsonDepthExceeds(value: unknown, limit = MAX_IMPORT_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const next = stack.pop()
    if (!next) break
    const [v, depth] = next
    if (depth > limit) return true
    if (v !== null && typeof v === 'object')
      for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1])
  }
  return false
}
