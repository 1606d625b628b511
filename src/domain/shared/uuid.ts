/** True for a UUID in its canonical text form; ids in URLs are checked with it, so a guess that is not a UUID is a plain 404. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
}
