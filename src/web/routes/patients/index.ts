/**
 * Patients: search (by NHS number, or by name and date of birth), view (audited), add and change.
 * Searches are POSTs so that NHS numbers and names never appear in URLs, browser history or logs.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { findPatient, type Patient } from '../../../db/repositories/patients.js'
import { findPatients, listDueForRescreen } from '../../../app/patients/find-patients.js'
import { viewPatientRecord, openPatient } from '../../../app/patients/view-patient.js'
import { changePatientDetails, registerPatient } from '../../../app/patients/save-patient.js'
import { found } from '../../../app/errors.js'
import { can } from '../../../domain/staff/roles.js'
import { dateParts, formErrors, noErrors, parseForm, text, type FormErrors } from '../../form-errors.js'
import { currentUser, requestActor } from '../../plugins/auth.js'
import { idParams } from '../../schemas.js'
import { ERASURE_REASONS, erasePatient, readSubjectAccess } from '../../../app/patients/subject-access.js'
import { eraseFormFields, subjectAccessSections, type EraseFormValues } from './records-view-models.js'
import { z } from 'zod'
import {
  patientFormSchema,
  patientFormValues,
  patientSearchSchema,
  type PatientForm,
  type PatientFormValues
} from './schemas.js'
import { screeningBanner } from '../screening/result-view-models.js'
import {
  emptyPatientForm,
  inviteLanguageItems,
  patientFormFields,
  patientReferralRows,
  patientSummaryRows,
  patientTableRows,
  patientToFormValues,
  planLinesFor,
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
    communication_needs: form.communicationNeeds,
    contact_preferences: form.contactPreferences,
    phone: form.phone,
    email: form.email,
    address: form.address,
    helper: form.helper ? JSON.stringify(form.helper) : null
  }
}

export async function patientRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const crumbs = [{ href: '/home', text: 'Home' }]
  const patientCrumbs = [...crumbs, { href: '/patients', text: 'Patients' }]

  app.get('/patients/rescreen-due', { config: { access: 'patient:read' } }, async (request, reply) => {
    const due = await request.withOrg((trx) => listDueForRescreen(trx, requestActor(request), today()))
    return reply.render('patients/rescreen-due.njk', {
      rows: rescreenDueRows(due),
      count: due.length,
      breadcrumbs: patientCrumbs
    })
  })

  app.get('/patients', { config: { access: 'patient:read' } }, async (request, reply) =>
    reply.render('patients/search.njk', {
      fields: searchFields(emptySearch, noErrors),
      canWrite: can(currentUser(request).role, 'patient:write'),
      breadcrumbs: crumbs
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
    const canWrite = can(currentUser(request).role, 'patient:write')
    const parsed = parseForm(
      patientSearchSchema,
      { ...values, searchBy: text(body.searchBy) },
      { dateOfBirth: 'dateOfBirth-day', helperAgreedOn: 'helperAgreedOn-day', helperAuthority: 'helperAuthority' }
    )
    if (!parsed.ok)
      return reply.render('patients/search.njk', {
        fields: searchFields(values, parsed.errors),
        errors: parsed.errors,
        canWrite,
        breadcrumbs: crumbs
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
    const results = await request.withOrg((trx) => findPatients(trx, requestActor(request), search))
    return reply.render('patients/search.njk', {
      fields: searchFields(values, noErrors),
      searched: true,
      results: patientTableRows(results.patients, planLinesFor(results.patients, results.latest, new Date())),
      canWrite,
      breadcrumbs: crumbs
    })
  })

  app.get('/patients/new', { config: { access: 'patient:write' } }, async (_request, reply) =>
    renderForm(reply, { ...newFormContext, values: emptyPatientForm(), errors: noErrors })
  )

  app.post('/patients/new', { config: { access: 'patient:write' } }, async (request, reply) => {
    const values = patientFormValues(request.body)
    const parsed = parseForm(patientFormSchema(today()), values, {
      dateOfBirth: 'dateOfBirth-day',
      helperAgreedOn: 'helperAgreedOn-day',
      helperAuthority: 'helperAuthority'
    })
    if (!parsed.ok) return renderForm(reply, { ...newFormContext, values, errors: parsed.errors })
    const outcome = await request.withOrg((trx) => registerPatient(trx, requestActor(request), toRecord(parsed.data)))
    if (!outcome.ok) return renderForm(reply, { ...newFormContext, values, errors: nhsNumberTaken.new })
    return reply.flash('Patient added').redirect(`/patients/${outcome.patientId}`, 303)
  })

  app.get(
    '/patients/:id',
    { schema: { params: idParams }, config: { access: 'patient:read' } },
    async (request, reply) => {
      const user = currentUser(request)
      const { patient, latest, referrals, pendingInvites } = await request.withOrg((trx) =>
        viewPatientRecord(trx, requestActor(request), request.params.id)
      )
      return reply.render('patients/show.njk', {
        patient,
        summaryRows: patientSummaryRows(patient, today()),
        canWrite: can(user.role, 'patient:write'),
        banner: screeningBanner(latest, new Date(), patient),
        referralRows: patientReferralRows(referrals),
        pendingInvites: pendingInvites.map((i) => ({
          created: i.created_at,
          expires: i.expires_at,
          language: i.language
        })),
        canScreen: can(user.role, 'screening:write'),
        canGovern: can(user.role, 'records:govern'),
        inviteLanguages: inviteLanguageItems(patient.mainLanguage),
        breadcrumbs: patientCrumbs
      })
    }
  )

  app.get(
    '/patients/:id/edit',
    { schema: { params: idParams }, config: { access: 'patient:write' } },
    async (request, reply) => {
      const patient = await request.withOrg((trx) => openPatient(trx, requestActor(request), request.params.id, 'edit'))
      return renderForm(reply, {
        ...editFormContext(patient.id),
        values: patientToFormValues(patient),
        errors: noErrors
      })
    }
  )

  app.post(
    '/patients/:id/edit',
    { schema: { params: idParams }, config: { access: 'patient:write' } },
    async (request, reply) => {
      const user = currentUser(request)
      const values = patientFormValues(request.body)
      const context = editFormContext(request.params.id)
      found(await request.withOrg((trx) => findPatient(trx, user.orgId, request.params.id)), 'patient')
      const parsed = parseForm(patientFormSchema(today()), values, {
        dateOfBirth: 'dateOfBirth-day',
        helperAgreedOn: 'helperAgreedOn-day',
        helperAuthority: 'helperAuthority'
      })
      if (!parsed.ok) return renderForm(reply, { ...context, values, errors: parsed.errors })
      const outcome = await request.withOrg((trx) =>
        changePatientDetails(trx, requestActor(request), request.params.id, toRecord(parsed.data))
      )
      if (!outcome.ok) return renderForm(reply, { ...context, values, errors: nhsNumberTaken.edit })
      return reply.flash('Patient details saved').redirect(`/patients/${outcome.patientId}`, 303)
    }
  )
  // Subject access and erasure (information governance: admins).
  app.get(
    '/patients/:id/records',
    { schema: { params: idParams }, config: { access: 'records:govern', recentAuth: true } },
    async (request, reply) => {
      const records = await request.withOrg((trx) =>
        readSubjectAccess(trx, requestActor(request), request.params.id, 'page')
      )
      return reply.render('patients/records.njk', {
        patient: records.patient,
        sections: subjectAccessSections(records),
        breadcrumbs: [...patientCrumbs, { href: `/patients/${records.patient.id}`, text: 'Record' }]
      })
    }
  )

  app.get(
    '/patients/:id/records.json',
    { schema: { params: idParams }, config: { access: 'records:govern', recentAuth: true } },
    async (request, reply) => {
      const records = await request.withOrg((trx) =>
        readSubjectAccess(trx, requestActor(request), request.params.id, 'json')
      )
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="reach-patient-${records.patient.id}.json"`)
        .send(JSON.stringify({ exportedAt: new Date().toISOString(), ...records }, null, 2))
    }
  )

  app.get(
    '/patients/:id/erase',
    { schema: { params: idParams }, config: { access: 'records:govern', recentAuth: true } },
    async (request, reply) => {
      const patient = await request.withOrg((trx) =>
        openPatient(trx, requestActor(request), request.params.id, 'erase')
      )
      return renderErase(reply, patient, { reason: '', nhsNumber: '' }, noErrors)
    }
  )

  app.post(
    '/patients/:id/erase',
    { schema: { params: idParams }, config: { access: 'records:govern', recentAuth: true } },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>
      const values: EraseFormValues = { reason: text(body.reason), nhsNumber: text(body.nhsNumber) }
      const patient = found(
        await request.withOrg((trx) => findPatient(trx, currentUser(request).orgId, request.params.id)),
        'patient'
      )
      const parsed = parseForm(eraseSchema, values)
      if (!parsed.ok) return renderErase(reply, patient, values, parsed.errors)
      const outcome = await request.withOrg((trx) =>
        erasePatient(trx, requestActor(request), patient.id, {
          nhsNumber: parsed.data.nhsNumber,
          reason: parsed.data.reason
        })
      )
      if (!outcome.ok)
        return renderErase(
          reply,
          patient,
          values,
          formErrors([{ field: 'nhsNumber', text: "The NHS number does not match this patient's record" }])
        )
      return reply.flash("The patient's records were erased").redirect('/patients', 303)
    }
  )
}

const eraseSchema = z.object({
  reason: z.enum(ERASURE_REASONS, { error: 'Select why you are erasing these records' }),
  nhsNumber: z.string().min(1, "Enter the patient's NHS number")
})

function renderErase(reply: FastifyReply, patient: Patient, values: EraseFormValues, errors: FormErrors) {
  return reply.render('patients/erase.njk', {
    patient,
    errors,
    fields: eraseFormFields(values, errors),
    backLinkHref: `/patients/${patient.id}`
  })
}

const newFormContext = { action: '/patients/new', pageTitle: 'Add a patient', submitText: 'Add patient' }

function editFormContext(patientId: string) {
  return {
    action: `/patients/${patientId}/edit`,
    pageTitle: 'Change patient details',
    submitText: 'Save changes',
    backLinkHref: `/patients/${patientId}`
  }
}

const nhsNumberTaken = {
  new: formErrors([
    {
      field: 'nhsNumber',
      text: 'A patient with this NHS number is already registered in your organisation. Search for them instead'
    }
  ]),
  edit: formErrors([{ field: 'nhsNumber', text: 'Another patient in your organisation has this NHS number' }])
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
