/**
 * Notes on a referral, by staff or by the receiving service through its partner link: free text about the
 * patient, so patient data (never logged; shown only inside the organisation; the audit row says a note was
 * written, never what it says). Pure.
 */

/** The longest note, in characters (line breaks count as one). */
export const NOTE_MAX_LENGTH = 1000

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

export type NoteCheck = { ok: true; note: string | null } | { ok: false; message: string }

/**
 * Checks a note as typed: line endings become `\n`, the ends are trimmed; empty is null (or refused when
 * `required`); longer than NOTE_MAX_LENGTH or holding control characters (other than line breaks and tabs)
 * is refused, with the message to show.
 */
export function checkNote(text: string, options: { required: boolean }): NoteCheck {
  const note = text.replace(/\r\n?/g, '\n').trim()
  if (note === '') return options.required ? { ok: false, message: 'Enter a note' } : { ok: true, note: null }
  if (CONTROL_CHARACTERS.test(note)) return { ok: false, message: 'The note must not contain control characters' }
  if (note.length > NOTE_MAX_LENGTH)
    return {
      ok: false,
      message: `The note must be ${NOTE_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer (it has ${note.length.toLocaleString('en-GB')})`
    }
  return { ok: true, note }
}
