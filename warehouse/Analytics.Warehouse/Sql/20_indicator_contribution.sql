-- What each indicator counts, before roll-up: filled by the indicator engine from each catalogued indicator's SQL.
CREATE TABLE indicator_contribution (
    indicator_id   VARCHAR NOT NULL,
    year           INTEGER NOT NULL,
    district_code  VARCHAR NOT NULL,
    industry_group VARCHAR NOT NULL,
    size_class     VARCHAR NOT NULL,
    unit_id        VARCHAR NOT NULL,
    enterprise_id  VARCHAR,
    num            DOUBLE,
    den            DOUBLE,
    weight         DOUBLE,
    flag           DOUBLE
);
