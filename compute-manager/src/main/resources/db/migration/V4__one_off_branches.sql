-- One-off writable copies of a branch, each of one proxy session, at a point in time or at the branch's head.
ALTER TABLE compute.computes DROP CONSTRAINT computes_kind_check;
ALTER TABLE compute.computes ADD CONSTRAINT computes_kind_check
    CHECK (kind IN ('PRIMARY', 'POINT_IN_TIME', 'REPLICA', 'ONE_OFF_REPLICA', 'ONE_OFF_BRANCH'));
ALTER TABLE compute.computes DROP CONSTRAINT computes_point_matches_kind;
ALTER TABLE compute.computes ADD CONSTRAINT computes_point_matches_kind
    CHECK (kind = 'POINT_IN_TIME' AND point_in_time <> '' OR kind = 'ONE_OFF_BRANCH'
        OR kind IN ('PRIMARY', 'REPLICA', 'ONE_OFF_REPLICA') AND point_in_time = '');
ALTER TABLE compute.computes DROP CONSTRAINT computes_session_matches_kind;
ALTER TABLE compute.computes ADD CONSTRAINT computes_session_matches_kind
    CHECK ((kind IN ('ONE_OFF_REPLICA', 'ONE_OFF_BRANCH')) = (session_id <> ''));
