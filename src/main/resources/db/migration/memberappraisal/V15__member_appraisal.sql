-- 团员教育评议 (the annual member appraisal): one launch per committee and year, one sheet per branch, one line
-- per member. The grades of a branch count once the committee above approved them (branch status APPROVED).
create table member_appraisal (
    id                  varchar(36)  not null primary key,
    committee_code      varchar(32)  not null,
    appraisal_year      int          not null,
    self_assessment_due date         not null,
    meeting_due         date         not null,
    initiator           varchar(64)  not null,
    started_at          timestamp    not null,
    process_instance_id varchar(64)  not null,
    constraint member_appraisal_once_a_year unique (committee_code, appraisal_year)
);

create table member_appraisal_branch (
    appraisal_id        varchar(36)  not null references member_appraisal (id),
    branch_code         varchar(32)  not null,
    appraisal_year      int          not null,
    process_instance_id varchar(64)  not null,
    status              varchar(16)  not null,
    meeting_date        date,
    entitled            int,
    present             int,
    meetings_held       int          not null default 0,
    proposed_by         varchar(64),
    decided_by          varchar(64),
    decided_at          timestamp,
    return_opinion      varchar(1000),
    primary key (appraisal_id, branch_code)
);
create index member_appraisal_branch_year on member_appraisal_branch (appraisal_year, branch_code);

create table member_appraisal_entry (
    appraisal_id        varchar(36)  not null references member_appraisal (id),
    branch_code         varchar(32)  not null,
    league_no           varchar(32)  not null,
    member_name         varchar(64)  not null,
    username            varchar(64),
    self_assessment     varchar(2000),
    self_assessment_by  varchar(64),
    votes_excellent     int,
    votes_qualified     int,
    votes_basic         int,
    votes_unqualified   int,
    grade               varchar(8),
    grade_reason        varchar(500),
    primary key (appraisal_id, league_no)
);
create index member_appraisal_entry_branch on member_appraisal_entry (appraisal_id, branch_code);
create index member_appraisal_entry_member on member_appraisal_entry (league_no);
