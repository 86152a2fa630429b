-- API clients: integration systems (a measurement platform) that call the Carepath API with a token
-- instead of a person's password, so strangers cannot lock them out. Portable SQL (PostgreSQL and H2), as V1.
-- (V4 is left free for a migration under way elsewhere.)

create table api_client (
    -- a short slug, e.g. tablet-platform: the login name for HTTP Basic and the actor in the audit trail
    id              varchar(40)  primary key,
    name            varchar(200) not null,
    -- the Spring role it acts in (ROLE_<role>); for now only measurement-sender
    role            varchar(60)  not null,
    -- SHA-256 (hex) of the one current token; the token itself is shown once and never stored.
    -- null while revoked. Unique: a token identifies its client (several nulls are allowed)
    token_hash      varchar(64)  unique,
    token_issued_at timestamp with time zone not null,
    token_issued_by varchar(100) not null,
    created_by      varchar(100) not null,
    created_at      timestamp with time zone not null,
    revoked_at      timestamp with time zone,
    revoked_by      varchar(100),
    -- written at most once a minute per client and node: a platform sends thousands of requests a minute
    last_used_at    timestamp with time zone
);
