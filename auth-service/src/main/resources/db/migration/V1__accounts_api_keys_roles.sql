-- Accounts, their management API keys and their PostgreSQL roles. Ids are short random strings that are valid
-- DNS labels (io.pgdispatch.contract.target.ResourceName), because they appear in host names and options.

CREATE TABLE auth.accounts (
    id         text        PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a key is kept: the key itself is shown once, when the account is created.
CREATE TABLE auth.api_keys (
    id         text        PRIMARY KEY,
    account_id text        NOT NULL REFERENCES auth.accounts (id) ON DELETE CASCADE,
    key_hash   text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX api_keys_account_id ON auth.api_keys (account_id);

-- A role is stored as its SCRAM-SHA-256 verifier only, in the exact form of pg_authid.rolpassword, so that
-- computes can hold the same verifier and the proxy can log in to them without the password.
CREATE TABLE auth.roles (
    account_id     text        NOT NULL REFERENCES auth.accounts (id) ON DELETE CASCADE,
    name           text        NOT NULL,
    scram_verifier text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, name)
);
