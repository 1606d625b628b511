// NCSC password guidance: length and a deny-list, no composition rules.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { checkPassword } from '../../../src/domain/staff/password-policy.js'
import { can, rolePermissions, roles } from '../../../src/domain/staff/roles.js'

test('length, deny-list, repeats and email, but no composition rules', () => {
  assert.equal(checkPassword('short'), 'too-short')
  assert.equal(checkPassword('x'.repeat(257)), 'too-long')
  assert.equal(checkPassword(`${'correct horse battery staple '.repeat(5)}`.slice(0, 129)), 'too-long')
  assert.equal(checkPassword(`${'correct horse battery staple '.repeat(5)}`.slice(0, 128)), null)
  // code points, not UTF-16 units: six emoji are six characters, too short
  assert.equal(checkPassword('🙂🐈🌳🚲🎈🍎'), 'too-short')
  assert.equal(checkPassword('🙂🐈🌳🚲🎈🍎🙂🐈🌳🚲🎈🍏'), null)
  assert.equal(checkPassword('password1234'), 'common')
  assert.equal(checkPassword('Password 1234'), 'common')
  assert.equal(checkPassword('abcabcabcabc'), 'repeated')
  assert.equal(checkPassword('jane.doe-garden-123', { email: 'jane.doe@example.nhs.net' }), 'contains-email')
  // three random words, all lower case, no digits or symbols: accepted
  assert.equal(checkPassword('kettle purple harbour'), null)
})

test('every role has a permission list, and only admins manage staff and read the audit trail', () => {
  for (const role of roles) assert.ok(Array.isArray(rolePermissions[role]))
  assert.deepEqual(
    roles.filter((r) => can(r, 'audit:read')),
    ['admin']
  )
  assert.deepEqual(
    roles.filter((r) => can(r, 'staff:manage')),
    ['admin']
  )
  assert.deepEqual(
    roles.filter((r) => can(r, 'patient:write')),
    ['admin', 'clinician', 'receptionist']
  )
  assert.equal(can('board', 'patient:read'), false)
  assert.equal(can('analyst', 'patient:read'), false)
})
