/**
 * Querystring and params schemas of the area pages (zod, through the type provider). They are
 * lenient, as the pages always were: any value that is not understood falls back to its default
 * in the view model (a sort the table does not have sorts by rank; a weight that is not a number
 * is explained on the page), so only text values are read and unknown keys are kept.
 */
import { z } from 'zod'
import { WEIGHT_KEYS } from '../../../domain/area/risk-index.js'
import { queryText } from '../../schemas.js'

const weights = Object.fromEntries(WEIGHT_KEYS.map((k) => [k, queryText]))

/** `/area` and `/area/risk-index.csv`: weights (one per indicator and component), comparison set and sort. */
export const riskIndexQuery = z.looseObject({
  ...weights,
  comparison: queryText,
  sort: queryText,
  dir: queryText
})

/** `/area/lsoa/:code`: any text; a code that is not an LSOA code is a 404 from the use case (after the access check). */
export const lsoaParams = z.object({ code: z.string() })

/** `/area/equity` and `/area/equity.csv`: the GET form, dates as `from[day]` … `to[year]`. */
export const equityQuery = z.looseObject({
  dimension: queryText,
  measure: queryText,
  scope: queryText,
  team: queryText,
  'from[day]': queryText,
  'from[month]': queryText,
  'from[year]': queryText,
  'to[day]': queryText,
  'to[month]': queryText,
  'to[year]': queryText
})
