/**
 * The 2013 European Standard Population (Eurostat, 2013) in the 19 five-year age bands that
 * PHEindicatormethods ships as `esp2013` and Fingertips uses for directly standardised rates:
 * 0-4, 5-9, ..., 85-89 and 90+ (age 0 and 1-4 combined; 90-94 and 95+ combined). It sums to 100,000.
 *
 * Source: Eurostat (2013) Revision of the European Standard Population, report of Eurostat's
 * task-force; PHEindicatormethods data-raw/LoadTestdata.R and man/esp2013.Rd.
 */

export const ESP2013_AGE_BANDS: readonly string[] = Object.freeze([
  '0-4',
  '5-9',
  '10-14',
  '15-19',
  '20-24',
  '25-29',
  '30-34',
  '35-39',
  '40-44',
  '45-49',
  '50-54',
  '55-59',
  '60-64',
  '65-69',
  '70-74',
  '75-79',
  '80-84',
  '85-89',
  '90+'
])

export const ESP2013: readonly number[] = Object.freeze([
  5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000
])
