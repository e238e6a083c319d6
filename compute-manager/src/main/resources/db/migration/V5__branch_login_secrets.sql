-- The password of dispatch_anonymous, the role the proxy logs in as for a branch's anonymous sessions: random,
-- made by compute-manager when the branch's primary first takes its roles, and handed to the proxy only in answers
-- to EnsureCompute calls that ask for it. Replicas, points in time and one-off copies of the branch hold the role
-- with its verifier from the branch's WAL, so one secret per branch serves all of its computes.
CREATE TABLE compute.branch_secrets (
    cluster_id         text NOT NULL,
    branch_id          text NOT NULL,
    anonymous_password text NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cluster_id, branch_id)
);
