-- The public pledge page (公开承诺, branch/PublicPledgeController) names the members who pledged, or only counts
-- them: a choice of the campaign's plan (CampaignPlan, RevisePlan). Campaigns planned before the choice existed
-- only count: their members signed when pledges were seen by the branch and its reviewers alone, and a name
-- once posted on a wall cannot be taken back.
alter table campaign add column pledge_names varchar(10) default 'COUNTS' not null;
