/**
 * Fills route parameters (`/patients/:id`) with values from the test fixture, for tests that
 * visit every route. Unknown parameters get a well-formed id that matches nothing (a 404 page).
 * Add an entry when a new route parameter names something the fixture has.
 */
import type { Fixture } from './fixture.js'

export function fillRouteParams(url: string, fixture: Fixture): string {
  const values: Record<string, string> = {
    id: fixture.orgA.patients[0]!.id,
    patientId: fixture.orgA.patients[0]!.id
  }
  return url.replace(/:(\w+)/g, (_whole, name: string) => values[name] ?? '00000000-0000-4000-8000-000000000000')
}
