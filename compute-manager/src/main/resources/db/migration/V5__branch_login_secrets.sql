-- The passwords of the platform roles (dispatch_anonymous, dispatch_link) the proxy logs in as for sessions without
-- a role password: random, made by compute-manager when the branch's primary first takes its roles, and handed to
-- the proxy only in answers to EnsureCompute calls that ask for one. Replicas, points in time and one-off copies of
-- the branch hold the roles with their verifiers from the branch's WAL, so one secret per branch and role serves all
-- of its computes.
CREATE TABLE compute.branch_secrets (
    cluster_id text NOT NULL,
    branch_id  text NOT NULL,
    role_name  text NOT NULL,
    password   text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cluster_id, branch_id, role_name)
);
