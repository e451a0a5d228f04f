-- What the standing duties' rules need to know of a member (推优入党: at least 18, a member for at least a year,
-- applied to the Party at least six months before); imported with the rest of the organisation, unknown = null.
alter table member add column birth_date date;
alter table member add column joined_league_on date;
alter table member add column party_applied_on date;
