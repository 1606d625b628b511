/**
 * Patients: search (by NHS number, or by name and date of birth), view (audited), add and change.
 * Searches are POSTs so that NHS numbers and names never appear in URLs, browser history or logs.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import { recordAudit } from '../../../db/repositories/audit.js'
import {
  findPatient,
  findPatientByNhsNumber,
  insertPatient,
  searchPatients,
  updatePatient
} from '../../../db/repositories/patients.js'
import { can } from '../../../domain/staff/roles.js'
import { dateParts, formErrors, noErrors, parseForm, text, type FormErrors } from '../../form-errors.js'
import { auditActor } from '../../plugins/auth.js'
import {
  patientFormSchema,
  patientFormValues,
  patientSearchSchema,
  type PatientForm,
  type PatientFormValues
} from './schemas.js'
import { latestScreenings, patientsDueForRescreen } from '../../../db/repositories/screenings.js'
import { bannerLine, screeningBanner } from '../screening/result-view-models.js'
import { PATIENT_LANGUAGES } from '../screening/languages.js'
import {
  emptyPatientForm,
  patientFormFields,
  patientSummaryRows,
  patientTableRows,
  patientToFormValues,
  rescreenDueRows
} from './view-models.js'

const today = () => new Date().toISOString().slice(0, 10)

interface SearchValues {
  nhsNumber: string
  familyName: string
  givenName: string
  dateOfBirth: { day: string; month: string; year: string }
}

function searchFields(values: SearchValues, errors: FormErrors) {
  const all = patientFormFields({ ...emptyPatientForm(), ...values }, errors)
  return {
    nhsNumber: { ...all.nhsNumber, id: 'nhsNumber', label: { text: 'NHS number', size: 's' } },
    familyName: all.familyName,
    givenName: { ...all.givenName, label: { text: 'Given name (optional)', size: 's' } },
    dateOfBirth: all.dateOfBirth
  }
}

const emptySearch: SearchValues = {
  nhsNumber: '',
  familyName: '',
  givenName: '',
  dateOfBirth: { day: '', month: '', year: '' }
}

function toRecord(form: PatientForm) {
  return {
    nhs_number: form.nhsNumber,
    given_name: form.givenName,
    family_name: form.familyName,
    date_of_birth: form.dateOfBirth,
    postcode: form.postcode,
    sex: form.sex,
    ethnic_category: form.ethnicCategory,
    main_language: form.mainLanguage,
    interpreter_needed: form.interpreterNeeded,
    disability: form.disability,
    communication_needs: form.communicationNeeds
  }
}

export async function patientRoutes(app: FastifyInstance): Promise<void> {
  app.get('/patients/rescreen-due', { config: { access: 'patient:read' } }, async (request, reply) => {
    const due = await request.withOrg(async (trx) => {
      const found = await patientsDueForRescreen(trx, request.user!.orgId, today())
      await recordAudit(trx, {
        ...auditActor(request),
        action: 'search',
        entityType: 'patient',
        detail: { list: 'rescreen-due', results: found.length }
      })
      return found
    })
    return reply.render('patients/rescreen-due.njk', {
      rows: rescreenDueRows(due),
      count: due.length,
      breadcrumbs: [
        { href: '/home', text: 'Home' },
        { href: '/patients', text: 'Patients' }
      ]
    })
  })

  app.get('/patients', { config: { access: 'patient:read' } }, async (request, reply) =>
    reply.render('patients/search.njk', {
      fields: searchFields(emptySearch, noErrors),
      canWrite: can(request.user!.role, 'patient:write'),
      breadcrumbs: [{ href: '/home', text: 'Home' }]
    })
  )

  app.post('/patients/search', { config: { access: 'patient:read' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const values: SearchValues = {
      nhsNumber: text(body.nhsNumber),
      familyName: text(body.familyName),
      givenName: text(body.givenName),
      dateOfBirth: dateParts(body, 'dateOfBirth')
    }
    const canWrite = can(request.user!.role, 'patient:write')
    const breadcrumbs = [{ href: '/home', text: 'Home' }]
    const parsed = parseForm(
      patientSearchSchema,
      { ...values, searchBy: text(body.searchBy) },
      { dateOfBirth: 'dateOfBirth-day' }
    )
    if (!parsed.ok)
      return reply.render('patients/search.njk', {
        fields: searchFields(values, parsed.errors),
        errors: parsed.errors,
        canWrite,
        breadcrumbs
      })
    const search =
      parsed.data.searchBy === 'nhs-number'
        ? { by: 'nhs-number' as const, nhsNumber: parsed.data.nhsNumber }
        : {
            by: 'name-dob' as const,
            familyName: parsed.data.familyName,
            givenName: parsed.data.givenName || undefined,
            dateOfBirth: parsed.data.dateOfBirth
          }
    const results = await request.withOrg(async (trx) => {
      const found = await searchPatients(trx, request.user!.orgId, search)
      await recordAudit(trx, {
        ...auditActor(request),
        action: 'search',
        entityType: 'patient',
        detail: { by: search.by, results: found.length }
      })
      const screenings = await latestScreenings(
        trx,
        request.user!.orgId,
        found.map((p) => p.id)
      )
      return { found, screenings }
    })
    const now = new Date()
    const planLines = new Map(
      results.found.map((p) => [p.id, bannerLine(screeningBanner(results.screenings.get(p.id), now))])
    )
    return reply.render('patients/search.njk', {
      fields: searchFields(values, noErrors),
      searched: true,
      results: patientTableRows(results.found, planLines),
      canWrite,
      breadcrumbs
    })
  })

  app.get('/patients/new', { config: { access: 'patient:write' } }, async (_request, reply) =>
    renderForm(reply, {
      values: emptyPatientForm(),
      errors: noErrors,
      action: '/patients/new',
      pageTitle: 'Add a patient',
      submitText: 'Add patient'
    })
  )

  app.post('/patients/new', { config: { access: 'patient:write' } }, async (request, reply) => {
    const values = patientFormValues(request.body)
    const context = { values, action: '/patients/new', pageTitle: 'Add a patient', submitText: 'Add patient' }
    const parsed = parseForm(patientFormSchema(today()), values, { dateOfBirth: 'dateOfBirth-day' })
    if (!parsed.ok) return renderForm(reply, { ...context, errors: parsed.errors })
    const user = request.user!
    const outcome = await request.withOrg(async (trx) => {
      if (await findPatientByNhsNumber(trx, user.orgId, parsed.data.nhsNumber)) return { duplicate: true as const }
      const patient = await insertPatient(trx, { org_id: user.orgId, ...toRecord(parsed.data) })
      await recordAudit(trx, {
        ...auditActor(request),
        action: 'create',
        entityType: 'patient',
        entityId: patient.id,
        patientId: patient.id
      })
      return { duplicate: false as const, patient }
    })
    if (outcome.duplicate) {
      return renderForm(reply, {
        ...context,
        errors: formErrors([
          {
            field: 'nhsNumber',
            text: 'A patient with this NHS number is already registered in your organisation. Search for them instead'
          }
        ])
      })
    }
    return reply.flash('Patient added').redirect(`/patients/${outcome.patient.id}`, 303)
  })

  app.get<{ Params: { id: string } }>(
    '/patients/:id',
    { config: { access: 'patient:read' } },
    async (request, reply) => {
      const user = request.user!
      const loaded = await request.withOrg(async (trx) => {
        const found = await findPatient(trx, user.orgId, request.params.id)
        if (!found) return undefined
        await recordAudit(trx, {
          ...auditActor(request),
          action: 'view',
          entityType: 'patient',
          entityId: found.id,
          patientId: found.id
        })
        return { patient: found, latest: (await latestScreenings(trx, user.orgId, [found.id])).get(found.id) }
      })
      if (!loaded) return reply.code(404).render('errors/404.njk')
      const patient = loaded.patient
      const inviteLanguage = PATIENT_LANGUAGES.some((l) => l.code === patient.mainLanguage)
        ? patient.mainLanguage
        : 'en'
      return reply.render('patients/show.njk', {
        patient,
        summaryRows: patientSummaryRows(patient, today()),
        canWrite: can(user.role, 'patient:write'),
        banner: screeningBanner(loaded.latest, new Date()),
        canScreen: can(user.role, 'screening:write'),
        inviteLanguages: PATIENT_LANGUAGES.map((l) => ({
          value: l.code,
          text: l.code === 'en' ? l.name : `${l.name} (${l.code})`,
          selected: l.code === inviteLanguage
        })),
        breadcrumbs: [
          { href: '/home', text: 'Home' },
          { href: '/patients', text: 'Patients' }
        ]
      })
    }
  )

  app.get<{ Params: { id: string } }>(
    '/patients/:id/edit',
    { config: { access: 'patient:write' } },
    async (request, reply) => {
      const user = request.user!
      const patient = await request.withOrg(async (trx) => {
        const found = await findPatient(trx, user.orgId, request.params.id)
        if (found)
          await recordAudit(trx, {
            ...auditActor(request),
            action: 'view',
            entityType: 'patient',
            entityId: found.id,
            patientId: found.id,
            detail: { page: 'edit' }
          })
        return found
      })
      if (!patient) return reply.code(404).render('errors/404.njk')
      return renderForm(reply, {
        values: patientToFormValues(patient),
        errors: noErrors,
        action: `/patients/${patient.id}/edit`,
        pageTitle: 'Change patient details',
        submitText: 'Save changes',
        backLinkHref: `/patients/${patient.id}`
      })
    }
  )

  app.post<{ Params: { id: string } }>(
    '/patients/:id/edit',
    { config: { access: 'patient:write' } },
    async (request, reply) => {
      const user = request.user!
      const values = patientFormValues(request.body)
      const context = {
        values,
        action: `/patients/${request.params.id}/edit`,
        pageTitle: 'Change patient details',
        submitText: 'Save changes',
        backLinkHref: `/patients/${request.params.id}`
      }
      const existing = await request.withOrg((trx) => findPatient(trx, user.orgId, request.params.id))
      if (!existing) return reply.code(404).render('errors/404.njk')
      const parsed = parseForm(patientFormSchema(today()), values, { dateOfBirth: 'dateOfBirth-day' })
      if (!parsed.ok) return renderForm(reply, { ...context, errors: parsed.errors })
      const outcome = await request.withOrg(async (trx) => {
        const clash = await findPatientByNhsNumber(trx, user.orgId, parsed.data.nhsNumber)
        if (clash && clash.id !== existing.id) return 'duplicate' as const
        await updatePatient(trx, user.orgId, existing.id, toRecord(parsed.data))
        await recordAudit(trx, {
          ...auditActor(request),
          action: 'update',
          entityType: 'patient',
          entityId: existing.id,
          patientId: existing.id
        })
        return 'saved' as const
      })
      if (outcome === 'duplicate')
        return renderForm(reply, {
          ...context,
          errors: formErrors([{ field: 'nhsNumber', text: 'Another patient in your organisation has this NHS number' }])
        })
      return reply.flash('Patient details saved').redirect(`/patients/${existing.id}`, 303)
    }
  )
}

function renderForm(
  reply: FastifyReply,
  context: {
    values: PatientFormValues
    errors: FormErrors
    action: string
    pageTitle: string
    submitText: string
    backLinkHref?: string
  }
) {
  return reply.render('patients/form.njk', {
    ...context,
    fields: patientFormFields(context.values, context.errors),
    backLinkHref: context.backLinkHref ?? '/patients'
  })
}
