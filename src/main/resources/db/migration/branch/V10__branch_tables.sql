-- The branch's tables that V2__campaigns.sql created before the modules had migrations of their own
-- (BranchCampaignProcess: what a branch writes, its members' pledges, the pledges made public). V2 is
-- applied and never edited; this claims them for branch/. A comment changes no data.
comment on table branch_document is 'branch: a branch''s plan, organisation pledges, work report and rectifications';
comment on table member_pledge is 'branch: members'' personal pledges and their evaluation';
comment on table pledge_publication is 'branch: the pledge rounds made public';
