/**
 * JSON and JSONB columns arrive parsed from node-postgres and as text from some PGlite paths
 * (and from raw `sql` queries). Every reader of a JSON column goes through this one function.
 */
export function parseJsonColumn<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T
}
