-- Mass appraisal (群众评议): anonymous single-use ballots, their answers, the tallies.

-- one appraisal of one organisation (a branch in a campaign, or later a candidate list)
create table appraisal (
    id              varchar(36)  not null primary key,
    campaign_id     varchar(36)  references campaign (id),
    org_code        varchar(32)  not null references organization (code),
    committee_code  varchar(32)  not null references organization (code),
    round_no        int          not null,
    ballots_issued  int          not null,
    opens_at        timestamp    not null,
    closes_at       timestamp    not null,
    publish_scope   varchar(20)  not null, -- BRANCH or COMMITTEE
    items           varchar(2000) not null, -- JSON array of the items asked, the last one 总体评价
    status          varchar(20)  not null, -- OPEN, CLOSED
    process_instance_id varchar(64),
    created_by      varchar(64)  not null,
    created_at      timestamp    not null,
    -- the tally, written when the appraisal closes
    ballots_cast    int,
    satisfaction    decimal(6, 4),
    dissatisfaction decimal(6, 4),
    participation   decimal(6, 4),
    grade           varchar(10),
    outcome         varchar(20),
    closed_at       timestamp
);

create index appraisal_campaign on appraisal (campaign_id, org_code);

-- the ballots' tokens, stored only as SHA-256 hashes; nothing links a token to the ballot it cast
create table ballot_token (
    token_hash   varchar(64) not null primary key,
    appraisal_id varchar(36) not null references appraisal (id),
    used         boolean     not null
);

create index ballot_token_appraisal on ballot_token (appraisal_id);

-- a cast ballot: answers only (no token, no time, no person)
create table ballot (
    id           varchar(36)   not null primary key,
    appraisal_id varchar(36)   not null references appraisal (id),
    answers      varchar(2000) not null, -- JSON array, one answer per item: SATISFIED, FAIRLY, BASIC, DISSATISFIED
    comment      varchar(500)
);

create index ballot_appraisal on ballot (appraisal_id);

-- per item and answer, when the appraisal closes
create table appraisal_tally (
    appraisal_id varchar(36) not null references appraisal (id),
    item_no      int         not null,
    item         varchar(50) not null,
    satisfied    int         not null,
    fairly       int         not null,
    basic        int         not null,
    dissatisfied int         not null,
    primary key (appraisal_id, item_no)
);

-- the server's own secret (the ballot tokens are derived from it), made on first start
create table app_secret (
    name  varchar(50)  not null primary key,
    secret_value varchar(200) not null
);
