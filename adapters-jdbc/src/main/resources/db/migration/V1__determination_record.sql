-- Instants are kept as microseconds since the epoch (BIGINT): exact, comparable and identical on H2 and PostgreSQL,
-- with no session time zone in the way. Lists of strings are kept as escaped text (see TextList).
CREATE TABLE determination (
    id                 VARCHAR(64)  NOT NULL PRIMARY KEY,
    created_us         BIGINT       NOT NULL,
    client_id          VARCHAR(512),
    client_subject     VARCHAR(512),
    patient_ref        VARCHAR(1024),
    patient_id_system  VARCHAR(1024),
    patient_id_value   VARCHAR(1024),
    coverages          VARCHAR(100000) NOT NULL,
    request_ref        VARCHAR(1024),
    date_of_service    DATE,
    line_of_business   VARCHAR(32),
    policy_versions    VARCHAR(100000) NOT NULL,
    knowledge_version  VARCHAR(1024),
    took_ns            BIGINT       NOT NULL,
    processing_outcome VARCHAR(16)  NOT NULL,
    media_type         VARCHAR(256) NOT NULL,
    response           BYTEA        NOT NULL
);
CREATE INDEX determination_created ON determination (created_us, id);
CREATE INDEX determination_patient_ref ON determination (patient_ref);
CREATE INDEX determination_patient_id ON determination (patient_id_value);
CREATE INDEX determination_request_ref ON determination (request_ref);

CREATE TABLE determination_line (
    determination_id VARCHAR(64)  NOT NULL REFERENCES determination (id) ON DELETE CASCADE,
    pos              INTEGER      NOT NULL,
    sequence_number  INTEGER      NOT NULL,
    code_system      VARCHAR(64),
    code             VARCHAR(256) NOT NULL,
    modifiers        VARCHAR(100000) NOT NULL,
    units            INTEGER      NOT NULL,
    diagnoses        VARCHAR(100000) NOT NULL,
    outcome          VARCHAR(32)  NOT NULL,
    reasons          VARCHAR(1000000) NOT NULL,
    citations        VARCHAR(1000000) NOT NULL,
    prior_auth       BOOLEAN      NOT NULL,
    PRIMARY KEY (determination_id, pos)
);
CREATE INDEX determination_line_code ON determination_line (code);
CREATE INDEX determination_line_outcome ON determination_line (outcome);

CREATE TABLE audit_event (
    id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    event_type       VARCHAR(64)  NOT NULL,
    subtype          VARCHAR(64)  NOT NULL,
    action           VARCHAR(8)   NOT NULL,
    recorded_us      BIGINT       NOT NULL,
    client_id        VARCHAR(512),
    client_subject   VARCHAR(512),
    observer         VARCHAR(512) NOT NULL,
    outcome          VARCHAR(4)   NOT NULL,
    determination_id VARCHAR(64),
    query            VARCHAR(100000) NOT NULL,
    http_status      INTEGER      NOT NULL
);
CREATE INDEX audit_event_recorded ON audit_event (recorded_us, id);
CREATE INDEX audit_event_determination ON audit_event (determination_id);
