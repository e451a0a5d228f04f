-- The organisation model: the source of truth for Camunda's users, groups and memberships.

-- League organisations (上级团委, 团委, 团总支, 团支部) and Party organisations (党组织).
-- code is used in Camunda group ids (org<code><role>), so it is restricted to [A-Za-z0-9].
create table organization (
    code           varchar(32)  not null primary key,
    name           varchar(100) not null,
    type           varchar(20)  not null,
    parent_code    varchar(32)  references organization (code),
    -- for League organisations: the Party organisation at the same level that co-reviews it (领导点评)
    party_org_code varchar(32)  references organization (code)
);

create index organization_parent on organization (parent_code);

-- everyone who can log in; the password lives in Camunda's identity store only
create table account (
    username     varchar(64)  not null primary key,
    display_name varchar(100) not null,
    email        varchar(200)
);

-- League members (团员) of a branch; cadres (团干部) pledge to a higher standard
create table member (
    league_no varchar(32)  not null primary key,
    name      varchar(100) not null,
    org_code  varchar(32)  not null references organization (code),
    cadre     boolean      not null,
    username  varchar(64)  unique references account (username)
);

create index member_org on member (org_code);

-- a person's roles, each at one organisation (the administrator's role has none)
create table role_assignment (
    username varchar(64) not null references account (username),
    org_code varchar(32) not null default '' ,
    role     varchar(20) not null,
    primary key (username, org_code, role)
);
