/** Measures for improvement: derived measure definitions, value import, suppression, summaries. Pure. */
export * from './derived-measures.js'
export * from './suppression.js'
export * from './derived-figures.js'
export * from './value-import.js'
export * from './icon-labels.js'
export * from './chart-summary.js'
export * from './measure-definition.js'
