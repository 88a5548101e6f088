-- luoshi schema 0020: the second factor (TOTP, RFC 6238) and its recovery codes.
-- users.totp_secret (0001) holds the secret encrypted per field (encryptField: SM4 + HMAC-SM3 by
-- default), never in clear; it counts only once confirmed by a first code.
ALTER TABLE users ADD COLUMN totp_confirmed_at timestamptz;
-- the last time step whose code was accepted: a code is good once (no replay within its 30 s window)
ALTER TABLE users ADD COLUMN totp_last_step integer;

-- one-time recovery codes for a lost authenticator, stored as SHA-256 of the code (never the code)
CREATE TABLE user_recovery_codes (
  id          bigserial PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id),
  code_hash   text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  used_at     timestamptz
);
CREATE INDEX user_recovery_codes_user_idx ON user_recovery_codes (user_id);

-- a session whose password was right but whose second factor is still owed: it reaches only the
-- code step and logout until the code is given
ALTER TABLE sessions ADD COLUMN second_factor_pending boolean NOT NULL DEFAULT false;
