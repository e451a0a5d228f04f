-- A notice may point to the page where its work is (a path of the application, such as an
-- appraisal's ballots): the notices page shows it as a link.
alter table notice add column link varchar(500);
