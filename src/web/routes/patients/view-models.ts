/**
 * View models for the patient pages: each function returns exactly the params of an
 * NHS.UK frontend macro, so templates only place them.
 */
import type { Patient } from '../../../db/repositories/patients.js'
import { formatDate, ageOn } from '../../../domain/shared/dates.js'
import { formatNhsNumber } from '../../../domain/shared/nhs-number.js'
import {
  communicationNeedCodes,
  disabilityCodes,
  ethnicCategoryCodes,
  labelFor,
  languageCodes,
  sexCodes
} from '../../../domain/patients/patient-codes.js'
import { datePartsOf, type FormErrors } from '../../form-errors.js'
import { CONTACT_CHANNEL_LABELS, CONTACT_CHANNELS, type PatientFormValues } from './schemas.js'
import { escapeHtml } from '../../escape-html.js'
import { PATIENT_LANGUAGES } from '../screening/languages.js'
import { bannerLine, screeningBanner } from '../screening/result-view-models.js'
import type { ScreeningRow } from '../../../db/repositories/screenings.js'
import { HELPER_AUTHORITIES, HELPER_AUTHORITY_LABELS, helperAuthorityText } from '../../../domain/patients/helper.js'

const err = (errors: FormErrors, field: string) => errors.byField[field]

export function emptyPatientForm(): PatientFormValues {
  return {
    nhsNumber: '',
    givenName: '',
    familyName: '',
    dateOfBirth: { day: '', month: '', year: '' },
    postcode: '',
    sex: '',
    ethnicCategory: '',
    mainLanguage: '',
    interpreterNeeded: '',
    disability: '',
    communicationNeeds: [],
    contactPreferences: [],
    phone: '',
    email: '',
    address: '',
    helperName: '',
    helperRelationship: '',
    helperPhone: '',
    helperAuthority: '',
    helperAgreedOn: { day: '', month: '', year: '' },
    helperCapacityNote: ''
  }
}

export function patientToFormValues(p: Patient): PatientFormValues {
  return {
    nhsNumber: formatNhsNumber(p.nhsNumber),
    givenName: p.givenName,
    familyName: p.familyName,
    dateOfBirth: datePartsOf(p.dateOfBirth),
    postcode: p.postcode ?? '',
    sex: p.sex,
    ethnicCategory: p.ethnicCategory ?? '',
    mainLanguage: p.mainLanguage ?? '',
    interpreterNeeded: p.interpreterNeeded ? 'yes' : 'no',
    disability: p.disability ?? '',
    communicationNeeds: p.communicationNeeds,
    contactPreferences: p.contactPreferences,
    phone: p.phone ?? '',
    email: p.email ?? '',
    address: p.address ?? '',
    helperName: p.helper?.name ?? '',
    helperRelationship: p.helper?.relationship ?? '',
    helperPhone: p.helper?.phone ?? '',
    helperAuthority: p.helper?.authority ?? '',
    helperAgreedOn: datePartsOf(p.helper?.agreedOn ?? null),
    helperCapacityNote: p.helper?.capacityNote ?? ''
  }
}

function dateInput(
  id: string,
  legend: string,
  value: { day: string; month: string; year: string },
  error: { text: string } | undefined,
  hint = 'For example, 27 3 1950'
) {
  return {
    id,
    namePrefix: id,
    fieldset: { legend: { text: legend, size: 's' } },
    hint: { text: hint },
    errorMessage: error,
    items: [
      {
        name: 'day',
        label: 'Day',
        classes: `nhsuk-input--width-2${error ? ' nhsuk-input--error' : ''}`,
        value: value.day,
        inputmode: 'numeric'
      },
      {
        name: 'month',
        label: 'Month',
        classes: `nhsuk-input--width-2${error ? ' nhsuk-input--error' : ''}`,
        value: value.month,
        inputmode: 'numeric'
      },
      {
        name: 'year',
        label: 'Year',
        classes: `nhsuk-input--width-4${error ? ' nhsuk-input--error' : ''}`,
        value: value.year,
        inputmode: 'numeric'
      }
    ]
  }
}

function selectItems(list: readonly { code: string; label: string }[], value: string, placeholder: string) {
  return [
    { value: '', text: placeholder, selected: value === '' },
    ...list.map((i) => ({ value: i.code, text: i.label, selected: i.code === value }))
  ]
}

function text(name: string, label: string, value: string, errors: FormErrors, extra: Record<string, unknown> = {}) {
  return {
    id: name,
    name,
    label: { text: label, size: 's' },
    value,
    autocomplete: 'off',
    errorMessage: err(errors, name),
    ...extra
  }
}

export function patientFormFields(values: PatientFormValues, errors: FormErrors) {
  return {
    nhsNumber: {
      id: 'nhsNumber',
      name: 'nhsNumber',
      label: { text: 'NHS number', size: 's' },
      hint: { text: 'This is a 10 digit number, like 485 777 3456' },
      value: values.nhsNumber,
      classes: 'nhsuk-input--width-10',
      inputmode: 'numeric',
      spellcheck: false,
      autocomplete: 'off',
      errorMessage: err(errors, 'nhsNumber')
    },
    givenName: {
      id: 'givenName',
      name: 'givenName',
      label: { text: 'Given name', size: 's' },
      value: values.givenName,
      autocomplete: 'off',
      spellcheck: false,
      errorMessage: err(errors, 'givenName')
    },
    familyName: {
      id: 'familyName',
      name: 'familyName',
      label: { text: 'Family name', size: 's' },
      value: values.familyName,
      autocomplete: 'off',
      spellcheck: false,
      errorMessage: err(errors, 'familyName')
    },
    dateOfBirth: dateInput('dateOfBirth', 'Date of birth', values.dateOfBirth, err(errors, 'dateOfBirth')),
    postcode: {
      id: 'postcode',
      name: 'postcode',
      label: { text: 'Postcode (optional)', size: 's' },
      value: values.postcode,
      classes: 'nhsuk-input--width-10',
      autocomplete: 'off',
      errorMessage: err(errors, 'postcode')
    },
    sex: {
      idPrefix: 'sex',
      name: 'sex',
      fieldset: { legend: { text: 'Sex or gender', size: 's' } },
      errorMessage: err(errors, 'sex'),
      items: sexCodes.map((s) => ({ value: s.code, text: s.label, checked: values.sex === s.code }))
    },
    ethnicCategory: {
      id: 'ethnicCategory',
      name: 'ethnicCategory',
      label: { text: 'Ethnic category', size: 's' },
      errorMessage: err(errors, 'ethnicCategory'),
      items: selectItems(ethnicCategoryCodes, values.ethnicCategory, 'Not recorded')
    },
    mainLanguage: {
      id: 'mainLanguage',
      name: 'mainLanguage',
      label: { text: 'Main language', size: 's' },
      errorMessage: err(errors, 'mainLanguage'),
      items: selectItems(languageCodes, values.mainLanguage, 'Not recorded')
    },
    interpreterNeeded: {
      idPrefix: 'interpreterNeeded',
      name: 'interpreterNeeded',
      classes: 'nhsuk-radios--inline',
      fieldset: { legend: { text: 'Do they need an interpreter?', size: 's' } },
      errorMessage: err(errors, 'interpreterNeeded'),
      items: [
        { value: 'yes', text: 'Yes', checked: values.interpreterNeeded === 'yes' },
        { value: 'no', text: 'No', checked: values.interpreterNeeded === 'no' }
      ]
    },
    disability: {
      idPrefix: 'disability',
      name: 'disability',
      fieldset: { legend: { text: 'Disability or long-term condition', size: 's' } },
      hint: {
        text: 'Are their day-to-day activities limited because of a health problem or disability which has lasted, or is expected to last, at least 12 months?'
      },
      errorMessage: err(errors, 'disability'),
      items: disabilityCodes.map((d) => ({ value: d.code, text: d.label, checked: values.disability === d.code }))
    },
    communicationNeeds: {
      idPrefix: 'communicationNeeds',
      name: 'communicationNeeds',
      fieldset: {
        legend: { text: 'Communication and information needs (Accessible Information Standard)', size: 's' }
      },
      hint: { text: 'Select all that apply' },
      errorMessage: err(errors, 'communicationNeeds'),
      items: communicationNeedCodes.map((c) => ({
        value: c.code,
        text: c.label,
        checked: values.communicationNeeds.includes(c.code)
      }))
    },
    contactPreferences: {
      idPrefix: 'contactPreferences',
      name: 'contactPreferences',
      fieldset: { legend: { text: 'How do they like to be contacted? (optional)', size: 's' } },
      hint: { text: 'As the patient said. A screening asks again and can update this' },
      errorMessage: err(errors, 'contactPreferences'),
      items: CONTACT_CHANNELS.map((c) => ({
        value: c,
        text: CONTACT_CHANNEL_LABELS[c],
        checked: values.contactPreferences.includes(c)
      }))
    },
    phone: text('phone', 'Phone number (optional)', values.phone, errors, {
      type: 'tel',
      classes: 'nhsuk-input--width-20',
      hint: { text: 'As the patient gave it. Shared with a support service only if they agree' }
    }),
    email: text('email', 'Email address (optional)', values.email, errors, { type: 'email', spellcheck: false }),
    address: {
      id: 'address',
      name: 'address',
      label: { text: 'Address (optional)', size: 's' },
      hint: { text: 'House, street and town. The postcode has its own box' },
      rows: 3,
      value: values.address,
      errorMessage: err(errors, 'address')
    },
    helperName: text('helperName', 'Name', values.helperName, errors),
    helperRelationship: text('helperRelationship', 'How they know the patient', values.helperRelationship, errors, {
      hint: { text: 'For example, daughter, paid carer, neighbour' }
    }),
    helperPhone: text('helperPhone', 'Their phone number', values.helperPhone, errors, {
      type: 'tel',
      classes: 'nhsuk-input--width-20'
    }),
    helperAuthority: {
      idPrefix: 'helperAuthority',
      name: 'helperAuthority',
      fieldset: { legend: { text: 'Who agreed that we can contact them?', size: 's' } },
      errorMessage: err(errors, 'helperAuthority'),
      items: HELPER_AUTHORITIES.map((a) => ({
        value: a,
        text: HELPER_AUTHORITY_LABELS[a],
        checked: values.helperAuthority === a
      }))
    },
    helperAgreedOn: dateInput(
      'helperAgreedOn',
      'Date it was agreed',
      values.helperAgreedOn,
      err(errors, 'helperAgreedOn'),
      'The day the patient agreed, or the authority was seen. For example, 2 12 2026'
    ),
    helperCapacityNote: {
      id: 'helperCapacityNote',
      name: 'helperCapacityNote',
      label: { text: 'Capacity note (optional)', size: 's' },
      hint: {
        text: 'For a best interests decision, the capacity assessment it rests on. Any limits of the authority'
      },
      rows: 3,
      value: values.helperCapacityNote,
      errorMessage: err(errors, 'helperCapacityNote')
    }
  }
}

/** The patient's details as summary list rows. */
export function patientSummaryRows(p: Patient, today: string) {
  const row = (key: string, value: string | null) => ({
    key: { text: key },
    value: { text: value && value !== '' ? value : 'Not recorded' }
  })
  return [
    row('NHS number', formatNhsNumber(p.nhsNumber)),
    row('Date of birth', `${formatDate(p.dateOfBirth)} (${ageOn(p.dateOfBirth, today)} years old)`),
    row('Postcode', p.postcode),
    row('Sex or gender', labelFor(sexCodes, p.sex)),
    row('Ethnic category', labelFor(ethnicCategoryCodes, p.ethnicCategory)),
    row('Main language', labelFor(languageCodes, p.mainLanguage)),
    row('Interpreter needed', p.interpreterNeeded ? 'Yes' : 'No'),
    row('Disability or long-term condition', labelFor(disabilityCodes, p.disability)),
    row(
      'Communication needs',
      p.communicationNeeds.map((c) => labelFor(communicationNeedCodes, c)).join(', ') || 'None recorded'
    ),
    row(
      'How they like to be contacted',
      p.contactPreferences
        .map((c) => CONTACT_CHANNEL_LABELS[c as keyof typeof CONTACT_CHANNEL_LABELS] ?? c)
        .join(', ') || 'Not recorded'
    ),
    row('Phone', p.phone),
    row('Email', p.email),
    row('Address', p.address),
    row(
      'Person who helps with contact',
      p.helper
        ? [
            `${p.helper.name} (${p.helper.relationship}), ${p.helper.phone}.`,
            `${helperAuthorityText(p.helper)}.`,
            ...(p.helper.capacityNote ? [`Capacity note: ${p.helper.capacityNote}`] : [])
          ].join(' ')
        : 'None recorded'
    )
  ]
}

/** Search results; `planLines` adds each patient's communication plan in one line (the banner for lists). */
export function patientTableRows(patients: Patient[], planLines?: ReadonlyMap<string, string>) {
  return patients.map((p) => [
    {
      html: `<a href="/patients/${p.id}">${escapeHtml(p.familyName.toUpperCase())}, ${escapeHtml(p.givenName)}</a>`,
      header: 'Name'
    },
    { text: formatNhsNumber(p.nhsNumber), header: 'NHS number' },
    { text: formatDate(p.dateOfBirth), header: 'Date of birth' },
    { text: p.postcode ?? '', header: 'Postcode' },
    ...(planLines ? [{ text: planLines.get(p.id) ?? 'Not screened', header: 'How to contact' }] : [])
  ])
}

/** The list of patients due for re-screening, as table rows. */
export function rescreenDueRows(
  due: readonly { patient: Patient; lastScreenedAt: Date; dueOn: string | null; status: string }[]
) {
  return due.map((d) => [
    {
      html: `<a href="/patients/${d.patient.id}">${escapeHtml(d.patient.familyName.toUpperCase())}, ${escapeHtml(d.patient.givenName)}</a>`,
      header: 'Name'
    },
    { text: formatNhsNumber(d.patient.nhsNumber), header: 'NHS number' },
    { text: formatDate(d.lastScreenedAt), header: 'Last screened' },
    {
      text: d.status === 'partial' ? 'Now (last screening incomplete)' : d.dueOn ? formatDate(d.dueOn) : 'Now',
      header: 'Due'
    }
  ])
}

/** The select items for the self-completion invitation's language, the patient's own language first chosen. */
export function inviteLanguageItems(mainLanguage: string | null) {
  const chosen = PATIENT_LANGUAGES.some((l) => l.code === mainLanguage) ? mainLanguage : 'en'
  return PATIENT_LANGUAGES.map((l) => ({
    value: l.code,
    text: l.code === 'en' ? l.name : `${l.name} (${l.code})`,
    selected: l.code === chosen
  }))
}

/** One plan line per patient for the search results (from their newest screening). */
export function planLinesFor(
  patients: readonly Patient[],
  latest: ReadonlyMap<string, ScreeningRow>,
  now: Date
): Map<string, string> {
  return new Map(patients.map((p) => [p.id, bannerLine(screeningBanner(latest.get(p.id), now, p))]))
}

/** A patient's referrals on their record: service, status, since. */
export function patientReferralRows(
  referrals: readonly { id: string; service_name: string; status: string; outcome: string | null; created_at: Date }[]
) {
  return referrals.map((r) => [
    { html: `<a href="/referrals/${r.id}">${escapeHtml(r.service_name)}</a>`, header: 'Service' },
    { text: r.outcome ? `Outcome: ${r.outcome.replace(/_/g, ' ')}` : r.status, header: 'Status' },
    { text: formatDate(r.created_at), header: 'Since' }
  ])
}
