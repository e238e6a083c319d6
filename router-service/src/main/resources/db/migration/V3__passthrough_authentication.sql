-- A cluster whose computes authenticate their clients themselves: the pg_hba.conf method and its options that the
-- computes apply to connections from the proxy. NULL: the proxy authenticates with SCRAM (the default).
ALTER TABLE clusters ADD COLUMN compute_auth_method text
    CHECK (compute_auth_method IN ('password', 'md5', 'scram-sha-256', 'ldap', 'radius'));
ALTER TABLE clusters ADD COLUMN compute_auth_options text NOT NULL DEFAULT '';
