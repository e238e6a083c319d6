-- An endpoint's own anonymous access, in the columns and with the bounds of its cluster's; all three NULL when the
-- endpoint follows its cluster's setting.
ALTER TABLE endpoints ADD COLUMN anonymous_access text
    CHECK (anonymous_access IN ('off', 'read-only', 'sandbox'));
ALTER TABLE endpoints ADD COLUMN anonymous_connection_limit integer
    CHECK (anonymous_connection_limit BETWEEN 1 AND 10000);
ALTER TABLE endpoints ADD COLUMN anonymous_statement_timeout_ms integer
    CHECK (anonymous_statement_timeout_ms BETWEEN 100 AND 3600000);
ALTER TABLE endpoints ADD CHECK ((anonymous_access IS NULL) = (anonymous_connection_limit IS NULL)
    AND (anonymous_access IS NULL) = (anonymous_statement_timeout_ms IS NULL));
