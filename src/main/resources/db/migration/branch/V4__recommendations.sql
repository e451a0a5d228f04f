-- 推荐优秀团员: the branch's all-member meeting and the members it recommends (001 篇九)
create table member_recommendation (
    campaign_id  varchar(36) not null references campaign (id),
    branch_code  varchar(32) not null references organization (code),
    league_no    varchar(32) not null references member (league_no),
    yes_votes    int         not null,
    entitled     int         not null,
    present      int         not null,
    meeting_date date        not null,
    recorded_by  varchar(64) not null,
    recorded_at  timestamp   not null,
    primary key (campaign_id, league_no)
);

create index member_recommendation_branch on member_recommendation (campaign_id, branch_code);
