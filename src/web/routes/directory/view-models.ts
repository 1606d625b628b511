import type { DirectoryService } from '../../../domain/directory/service.js'
import {
  BARRIER_LABELS,
  DELIVERY_LABELS,
  DELIVERY_MODES,
  DIRECTORY_BARRIERS,
  OFFER_PHRASES,
  OFFER_TYPES,
  SERVICE_AREAS,
  deliveryText,
  freshness
} from '../../../domain/directory/service.js'
import { languageNames } from '../../../domain/directory/languages.js'
import { languageName } from '../../../domain/shared/languages.js'
import type { FormErrors } from '../../form-errors.js'
import type { PublicFilter, ServiceFormValues } from './schemas.js'
import { escapeHtml } from '../../escape-html.js'
import { formatDate } from '../../../domain/shared/dates.js'
import { telHref } from '../../../domain/shared/phone.js'

/** How to reach a service without going online: its phones (with tel: links), venues and opening times. */
export function serviceContactView(s: Pick<DirectoryService, 'phones' | 'locations' | 'openingTimes'>) {
  return {
    phones: s.phones.map((p) => ({ number: p.number, description: p.description, href: telHref(p.number) })),
    venues: s.locations
      .filter((l) => l.address || l.postcode)
      .map((l) => ({ name: l.name, address: [l.address, l.postcode].filter(Boolean).join(', ') })),
    openingTimes: s.openingTimes
  }
}

const phoneText = (s: DirectoryService) =>
  s.phones.map((p) => (p.description ? `${p.number} (${p.description})` : p.number)).join(', ')

const AREA_TEXT: Record<string, string> = {
  national: 'Across the UK',
  London: 'London',
  Hackney: 'Hackney',
  City: 'City of London'
}
export const areaText = (areas: readonly string[]) => areas.map((a) => AREA_TEXT[a] ?? a).join(', ')

/** The public search form's three lists (its own small markup, not macros). */
export function publicFilters(filter: PublicFilter, t: (key: string) => string) {
  const option = (values: readonly string[], selected: string | undefined, labels: Record<string, string> = {}) =>
    values.map((v) => ({ value: v, text: labels[v] ?? v, selected: v === selected }))
  return [
    {
      name: 'barrier',
      label: t('directory.public.barrier'),
      options: option(DIRECTORY_BARRIERS, filter.barrier, BARRIER_LABELS)
    },
    { name: 'offerType', label: t('directory.public.offerType'), options: option(OFFER_TYPES, filter.offerType) },
    {
      name: 'area',
      label: t('directory.public.area'),
      options: option(SERVICE_AREAS, filter.area, { national: 'Across the UK', City: 'City of London' })
    }
  ]
}

/**
 * What the public search says about the language typed: that it was not recognised (an error at the
 * field, and no results), or which language it found, by name.
 */
export function publicLanguageText(
  language: { text: string; code: string | null } | null,
  t: (key: string, vars?: Record<string, string>) => string
) {
  if (!language) return { languageError: null, languageFound: null }
  if (language.code === null)
    return { languageError: t('directory.public.languageUnknown', { language: language.text }), languageFound: null }
  return {
    languageError: null,
    languageFound:
      language.code === 'en'
        ? t('directory.public.languageEnglish')
        : t('directory.public.languageFound', { language: languageName(language.code) })
  }
}

/** What the public search says about the postcode typed: not a postcode (an error at the field), or where. */
export function publicPostcodeText(
  postcode: { text: string; normalised: string | null } | null,
  t: (key: string, vars?: Record<string, string>) => string
) {
  if (!postcode) return { postcodeError: null, postcodeFound: null }
  if (postcode.normalised === null) return { postcodeError: t('directory.public.postcodeUnknown'), postcodeFound: null }
  return { postcodeError: null, postcodeFound: t('directory.public.postcodeFound', { postcode: postcode.normalised }) }
}

/** "Last checked: 3 March 2025", or "Not checked yet". */
const lastCheckedText = (lastCheckedOn: string | null) =>
  lastCheckedOn ? formatDate(lastCheckedOn) : 'Not checked yet'

/** A service's languages by name: "English, Turkish, Polish". */
export const languagesText = (codes: readonly string[]) => languageNames(codes).join(', ')

const TAG = {
  retired: '<strong class="nhsuk-tag nhsuk-tag--grey">Retired</strong>',
  notChecked: '<strong class="nhsuk-tag nhsuk-tag--orange">Not checked: never suggested</strong>',
  due: '<strong class="nhsuk-tag nhsuk-tag--yellow">Due for review</strong>',
  active: '<strong class="nhsuk-tag nhsuk-tag--green">Active</strong>'
}

/**
 * The staff status tags. "Due for review" whenever the details are 12 months old or were never checked;
 * "Active" (green) only for a service that is checked and not due, so nothing looks checked when it is not.
 */
export function statusTags(s: DirectoryService, today: string): string {
  if (s.status === 'retired') return TAG.retired
  const { dueForReview } = freshness(s, today)
  const tags = [...(s.verified ? [] : [TAG.notChecked]), ...(dueForReview ? [TAG.due] : [])]
  return tags.length ? tags.join(' ') : TAG.active
}

/** The public results list. */
export function publicServiceItems(services: DirectoryService[], today: string) {
  return services.map((s) => {
    const fresh = freshness(s, today)
    return {
      id: encodeURIComponent(s.id),
      name: s.name,
      organisationName: s.organisationName,
      description: s.description,
      offerTypes: s.offerTypes,
      areaText: areaText(s.areas),
      deliveryText: deliveryText(s.delivery),
      languagesText: languagesText(s.languages),
      contact: serviceContactView(s),
      lastCheckedOn: fresh.lastCheckedOn,
      dueForReview: fresh.dueForReview
    }
  })
}

/** The public service page's sentences. */
export function publicServiceText(s: DirectoryService, today: string) {
  const fresh = freshness(s, today)
  return {
    dueForReview: fresh.dueForReview,
    lastCheckedOn: fresh.lastCheckedOn,
    areaText: areaText(s.areas),
    deliveryText: deliveryText(s.delivery),
    languagesText: languagesText(s.languages),
    contact: serviceContactView(s),
    offerText: s.offerTypes.map((o) => OFFER_PHRASES[o] ?? o).join('. '),
    barrierText: s.barriers.map((b) => BARRIER_LABELS[b] ?? b).join(', ')
  }
}

/** Table rows of active services not checked for 12 months or more. */
export function dueForReviewRows(services: DirectoryService[], today: string) {
  return services
    .filter((s) => s.status === 'active' && freshness(s, today).dueForReview)
    .map((s) => [
      { html: `<a href="/directory/${encodeURIComponent(s.id)}">${escapeHtml(s.name)}</a>` },
      { text: lastCheckedText(s.lastVerifiedOn) }
    ])
}

export function serviceTableRows(services: DirectoryService[], today: string) {
  return services.map((s) => [
    { html: `<a href="/directory/${encodeURIComponent(s.id)}">${escapeHtml(s.name)}</a>` },
    { text: s.organisationName },
    { text: areaText(s.areas) },
    { html: statusTags(s, today) },
    { text: lastCheckedText(freshness(s, today).lastCheckedOn) }
  ])
}

export function serviceSummaryRows(s: DirectoryService, today: string) {
  const fresh = freshness(s, today)
  return [
    { key: { text: 'Organisation' }, value: { text: s.organisationName } },
    { key: { text: 'Description' }, value: { text: s.description } },
    { key: { text: 'Helps with' }, value: { text: s.barriers.map((b) => BARRIER_LABELS[b] ?? b).join(', ') } },
    { key: { text: 'Offers' }, value: { text: s.offerTypes.join(', ') } },
    {
      key: { text: 'How people use it' },
      value: { text: capitalise(deliveryText(s.delivery)) || 'Not stated' }
    },
    { key: { text: 'Area' }, value: { text: areaText(s.areas) } },
    { key: { text: 'Languages' }, value: { text: languagesText(s.languages) } },
    { key: { text: 'Eligibility' }, value: { text: s.eligibility.text ?? 'Not stated' } },
    {
      key: { text: 'For' },
      value: {
        text: s.eligibility.audience === 'staff' ? 'Staff and volunteers (never suggested for patients)' : 'Patients'
      }
    },
    { key: { text: 'Phone' }, value: { text: phoneText(s) || 'Not known' } },
    {
      key: { text: 'Venue' },
      value: {
        text:
          serviceContactView(s)
            .venues.map((v) => [v.name, v.address].filter(Boolean).join(', '))
            .join('; ') || 'Not known'
      }
    },
    { key: { text: 'Opening times' }, value: { text: s.openingTimes ?? 'Not known' } },
    { key: { text: 'Website' }, value: { text: s.url ?? 'None' } },
    { key: { text: 'Status' }, value: { html: statusTags(s, today) } },
    {
      key: { text: 'Checked with the service' },
      value: {
        text: !s.verified
          ? 'No: never suggested for referral'
          : fresh.dueForReview
            ? 'Not in the last 12 months: still suggested, with a warning to check it still runs'
            : 'Yes'
      }
    },
    { key: { text: 'Last checked' }, value: { text: lastCheckedText(fresh.lastCheckedOn) } },
    { key: { text: 'Source' }, value: { text: s.source ?? 'None' } }
  ]
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

export function serviceToFormValues(s: DirectoryService): ServiceFormValues {
  return {
    name: s.name,
    organisationName: s.organisationName,
    description: s.description,
    url: s.url ?? '',
    email: s.email ?? '',
    barriers: s.barriers,
    offerTypes: s.offerTypes,
    areas: s.areas,
    languages: languageNames(s.languages).slice(1).join(', '),
    delivery: s.delivery,
    eligibility: s.eligibility.text ?? '',
    minimumAge: s.eligibility.minimumAge?.toString() ?? '',
    maximumAge: s.eligibility.maximumAge?.toString() ?? '',
    audience: s.eligibility.audience ?? 'patients',
    phone: s.phones[0]?.number ?? '',
    phoneDescription: s.phones[0]?.description ?? '',
    venueName: s.locations[0]?.name ?? '',
    venueAddress: s.locations[0]?.address ?? '',
    venuePostcode: s.locations[0]?.postcode ?? '',
    openingTimes: s.openingTimes ?? '',
    verified: s.verified ? 'yes' : 'no'
  }
}

export const emptyServiceForm = (): ServiceFormValues => ({
  name: '',
  organisationName: '',
  description: '',
  url: '',
  email: '',
  barriers: [],
  offerTypes: [],
  areas: [],
  languages: '',
  delivery: [],
  eligibility: '',
  minimumAge: '',
  maximumAge: '',
  audience: 'patients',
  phone: '',
  phoneDescription: '',
  venueName: '',
  venueAddress: '',
  venuePostcode: '',
  openingTimes: '',
  verified: ''
})

export function serviceFormFields(v: ServiceFormValues, errors: FormErrors) {
  const err = (f: string) => {
    const error = errors.byField[f]
    return error ? { text: error.text } : undefined
  }
  const inputField = (name: keyof ServiceFormValues, label: string, extra: Record<string, unknown> = {}) => ({
    id: name,
    name,
    label: { text: label },
    value: v[name],
    errorMessage: err(name),
    ...extra
  })
  const boxes = (
    name: 'barriers' | 'offerTypes' | 'areas' | 'delivery',
    legend: string,
    options: readonly string[],
    labels: Record<string, string> = {}
  ) => ({
    idPrefix: name,
    name,
    fieldset: { legend: { text: legend, size: 's' } },
    errorMessage: err(name),
    items: options.map((o) => ({ value: o, text: labels[o] ?? o, checked: v[name].includes(o) }))
  })
  return {
    name: inputField('name', 'Service name'),
    organisationName: inputField('organisationName', 'Organisation'),
    description: {
      id: 'description',
      name: 'description',
      label: { text: 'Description' },
      value: v.description,
      errorMessage: err('description')
    },
    url: inputField('url', 'Website (optional)', { type: 'url', spellcheck: false }),
    email: inputField('email', 'Email for referrals (optional)', {
      type: 'email',
      spellcheck: false,
      hint: { text: 'Referral emails are queued to this address' }
    }),
    barriers: boxes('barriers', 'Barriers it helps with', DIRECTORY_BARRIERS, BARRIER_LABELS),
    offerTypes: boxes('offerTypes', 'Types of help', OFFER_TYPES),
    areas: boxes('areas', 'Where it works', SERVICE_AREAS, {
      national: 'Across the UK',
      London: 'London',
      Hackney: 'Hackney',
      City: 'City of London'
    }),
    delivery: {
      ...boxes('delivery', 'How people use it (optional)', DELIVERY_MODES, DELIVERY_LABELS),
      hint: {
        text: 'Leave blank if you do not know. Services only used online are never suggested to people who cannot or would rather not go online'
      }
    },
    languages: inputField('languages', 'Languages besides English (optional)', {
      hint: { text: 'Names like Turkish, Polish, Yiddish, separated by commas' },
      spellcheck: false
    }),
    eligibility: {
      id: 'eligibility',
      name: 'eligibility',
      label: { text: 'Who it is for (optional)' },
      value: v.eligibility,
      errorMessage: err('eligibility')
    },
    phone: inputField('phone', 'Phone number for people to ring (optional)', {
      type: 'tel',
      autocomplete: 'off',
      classes: 'nhsuk-input--width-20',
      hint: { text: 'People who are not online are shown phone numbers and addresses first' }
    }),
    phoneDescription: inputField('phoneDescription', 'What the phone line is for (optional)', {
      hint: { text: 'For example, Helpline, or Bookings' }
    }),
    venueName: inputField('venueName', 'Venue name (optional)', {
      hint: { text: 'For example, Hackney Central Library' }
    }),
    venueAddress: inputField('venueAddress', 'Venue address (optional)', { autocomplete: 'off' }),
    venuePostcode: inputField('venuePostcode', 'Venue postcode (optional)', {
      classes: 'nhsuk-input--width-10',
      autocomplete: 'off'
    }),
    openingTimes: {
      id: 'openingTimes',
      name: 'openingTimes',
      label: { text: 'Opening times (optional)' },
      hint: { text: 'In words, for example, Mondays and Thursdays, 10am to 1pm' },
      rows: 2,
      value: v.openingTimes,
      errorMessage: err('openingTimes')
    },
    minimumAge: inputField('minimumAge', 'Minimum age (optional)', {
      inputmode: 'numeric',
      classes: 'nhsuk-input--width-3'
    }),
    maximumAge: inputField('maximumAge', 'Maximum age (optional)', {
      inputmode: 'numeric',
      classes: 'nhsuk-input--width-3'
    }),
    audience: {
      idPrefix: 'audience',
      name: 'audience',
      fieldset: { legend: { text: 'Who can be referred', size: 's' } },
      errorMessage: err('audience'),
      items: [
        { value: 'patients', text: 'Patients', checked: v.audience === 'patients' },
        { value: 'staff', text: 'Staff and volunteers only', checked: v.audience === 'staff' }
      ]
    },
    verified: {
      idPrefix: 'verified',
      name: 'verified',
      fieldset: { legend: { text: 'Have you checked these details with the service?', size: 's' } },
      hint: {
        text: 'Services not checked are never suggested for referral. Checked services are still suggested after 12 months, with a warning to check they still run'
      },
      errorMessage: err('verified'),
      items: [
        { value: 'yes', text: 'Yes, checked today', checked: v.verified === 'yes' },
        { value: 'no', text: 'No', checked: v.verified === 'no' }
      ]
    }
  }
}
