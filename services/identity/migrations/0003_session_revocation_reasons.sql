-- Two more ways a session ends: the user signed one session out from another device ('signed-out-remotely',
-- the account page's "sign out this device" on a listed session) and the account was deleted
-- ('account-deleted'; the user row stays as a tombstone without personal data, see UserRepository).
ALTER TABLE refresh_families DROP CONSTRAINT refresh_families_revoked_reason_check;
ALTER TABLE refresh_families ADD CONSTRAINT refresh_families_revoked_reason_check CHECK (revoked_reason IN
  ('reuse-detected', 'sign-out', 'sign-out-everywhere', 'password-changed', 'signed-out-remotely',
   'account-deleted'));
