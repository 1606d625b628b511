/**
 * The Making Data Count variation and assurance icons as small inline SVGs, each with its text
 * equivalent as the accessible name. Drawn after the NHS England icons: a circle in the
 * variation colour with H or L for a high or low special cause (a flat line of dots for common
 * cause); assurance as a circle with P (pass, blue), F (fail, orange) or a wavy line (hit and miss, grey).
 */
import type { AssuranceIcon, VariationIcon } from '../../domain/qi/spc/index.js'
import { assuranceLabels, variationLabels } from '../../domain/qi/measures/index.js'
import { escapeHtml } from '../escape-html.js'
import { SPC_COLOURS } from './spc-chart-svg.js'

function variationColour(icon: VariationIcon): string {
  if (icon.startsWith('improvement')) return SPC_COLOURS.special_cause_improvement
  if (icon.startsWith('concern')) return SPC_COLOURS.special_cause_concern
  if (icon.startsWith('neutral')) return SPC_COLOURS.special_cause_neutral
  return SPC_COLOURS.common_cause
}

function frame(label: string, colour: string, inner: string, size: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="mdc-icon" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 40 40" width="${size}" height="${size}" focusable="false">` +
    `<title>${escapeHtml(label)}</title><circle cx="20" cy="20" r="17" fill="#ffffff" stroke="${colour}" stroke-width="3"/>${inner}</svg>`
  )
}

function letter(text: string, colour: string): string {
  return `<text x="20" y="26" text-anchor="middle" font-family="Arial, sans-serif" font-size="17" font-weight="bold" fill="${colour}">${text}</text>`
}

export function variationIconSvg(icon: VariationIcon, size = 32): string {
  const colour = variationColour(icon)
  if (icon === 'common_cause') {
    const dots = [9, 15, 21, 27, 33]
      .map((cx, i) => `<circle cx="${cx}" cy="${i % 2 === 0 ? 20 : 17}" r="2.3" fill="${colour}"/>`)
      .join('')
    return frame(variationLabels[icon], colour, dots, size)
  }
  return frame(variationLabels[icon], colour, letter(icon.endsWith('high') ? 'H' : 'L', colour), size)
}

export function assuranceIconSvg(icon: AssuranceIcon, size = 32): string {
  switch (icon) {
    case 'pass':
      return frame(
        assuranceLabels.pass,
        SPC_COLOURS.special_cause_improvement,
        letter('P', SPC_COLOURS.special_cause_improvement),
        size
      )
    case 'fail':
      return frame(
        assuranceLabels.fail,
        SPC_COLOURS.special_cause_concern,
        letter('F', SPC_COLOURS.special_cause_concern),
        size
      )
    case 'inconsistent':
      return frame(
        assuranceLabels.inconsistent,
        SPC_COLOURS.common_cause,
        '<path d="M9 21 q5.5 -8 11 0 t11 0" fill="none" stroke="#768692" stroke-width="2.5"/>',
        size
      )
    case 'none':
      return frame(
        assuranceLabels.none,
        '#d8dde0',
        '<line x1="12" y1="20" x2="28" y2="20" stroke="#768692" stroke-width="2.5"/>',
        size
      )
  }
}
