/**
 * Marks a PDSA cycle, a rebase (new process limits from the first period on or after the date)
 * or a note on a measure's chart. Entry point: POST /measures/:measureId/annotations/new.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/repositories/audit.js'
import { findMeasure, insertAnnotation, type MeasureAnnotationRow } from '../../db/repositories/measures.js'
import { isIsoDate } from '../../domain/qi/spc/index.js'
import { isUuid } from '../../domain/shared/uuid.js'
import { auditFields, type Actor } from '../actor.js'
import { found } from '../errors.js'

export interface NewAnnotation {
  /** ISO date. */
  onDate: string
  kind: 'pdsa' | 'rebase' | 'note'
  label: string
}

export async function annotateMeasure(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  measureId: string,
  input: NewAnnotation
): Promise<MeasureAnnotationRow> {
  const measure = found(isUuid(measureId) ? await findMeasure(db, actor.orgId, measureId) : undefined, 'measure')
  if (!isIsoDate(input.onDate)) throw new RangeError('an annotation needs an ISO date')
  const annotation = await insertAnnotation(db, {
    org_id: actor.orgId,
    measure_id: measure.id,
    on_date: input.onDate,
    kind: input.kind,
    label: input.label,
    created_by: actor.userId
  })
  await recordAudit(db, {
    ...auditFields(actor),
    action: 'create',
    entityType: 'measure_annotation',
    entityId: annotation.id
  })
  return annotation
}
