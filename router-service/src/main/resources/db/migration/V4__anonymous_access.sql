-- Anonymous sessions (user name "anonymous", no password): off, read-only (the branch's read replica, as an
-- unprivileged role) or sandbox (a one-off writable copy per session); with their own limits.
ALTER TABLE clusters ADD COLUMN anonymous_access text NOT NULL DEFAULT 'off'
    CHECK (anonymous_access IN ('off', 'read-only', 'sandbox'));
ALTER TABLE clusters ADD COLUMN anonymous_connection_limit integer NOT NULL DEFAULT 20
    CHECK (anonymous_connection_limit BETWEEN 1 AND 10000);
ALTER TABLE clusters ADD COLUMN anonymous_statement_timeout_ms integer NOT NULL DEFAULT 30000
    CHECK (anonymous_statement_timeout_ms BETWEEN 100 AND 3600000);
