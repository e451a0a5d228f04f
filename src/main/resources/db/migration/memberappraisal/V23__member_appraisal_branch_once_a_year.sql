-- a branch is appraised once a year (团员教育评议), kept by the database too: a 团总支 and its 团委 may launch the same
-- year, and their chunks, running at the same moment, each find no appraisal of a branch the other has started but not
-- yet committed (StartBranchAppraisalsDelegate looks for the year's business key). The second start of a branch now
-- fails here; its chunk, taken up again, finds the first and skips the branch. The unique index replaces the plain
-- one on the same columns. On a database that already holds a branch appraised twice in a year this migration
-- fails: find them with
--   select appraisal_year, branch_code from member_appraisal_branch group by 1, 2 having count(*) > 1
-- and end the second appraisal of each (Cockpit) and delete its sheet before starting the application again.
drop index member_appraisal_branch_year;
alter table member_appraisal_branch add constraint member_appraisal_branch_once_a_year unique (appraisal_year, branch_code);
