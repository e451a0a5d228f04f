-- one branch process per branch and launch, kept by the database too: the fan-out's chunks run at the same time
-- (PartyRecommendationProcess, SubProcess_StartBranches), and a chunk's check for a branch's process sees no
-- start that another chunk has not committed yet. Chunks are disjoint slices of the subtree's branches, unless the
-- subtree changes while the fan-out runs: then the second start of a branch fails here, and its chunk, taken up
-- again, finds the first and skips it (as member_appraisal_branch's and duty_report's keys do for the other duties)
alter table party_recommendation_branch add constraint party_recommendation_branch_once unique (launch_id, branch_code);
