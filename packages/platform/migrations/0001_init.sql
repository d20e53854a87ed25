-- 0001_init: the whole product schema, tenant-scoped from day one.
-- Conventions: uuid ids (gen_random_uuid), bigint identity for customers (1M rows per tenant),
-- timestamptz everywhere, DOUBLE PRECISION / INTEGER for numbers (no NUMERIC: PGlite returns it as
-- strings and nothing here is money), jsonb for structured payloads, every tenant-owned row carries
-- tenant_id REFERENCES tenants ON DELETE CASCADE.

CREATE TABLE tenants (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name        text NOT NULL,
  plan        text NOT NULL CHECK (plan IN ('basic', 'professional', 'enterprise')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Emails are globally unique (login by email alone); stored lower-cased by the repository.
CREATE TABLE users (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id      uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  email          text NOT NULL,
  password_hash  text NOT NULL,
  role           text NOT NULL CHECK (role IN ('owner', 'admin', 'analyst', 'viewer')),
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_tenant_idx ON users (tenant_id);

CREATE TABLE api_keys (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id     uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name          text NOT NULL DEFAULT '',
  prefix        text NOT NULL UNIQUE,
  key_hash      text NOT NULL,
  role          text NOT NULL CHECK (role IN ('owner', 'admin', 'analyst', 'viewer')),
  created_by    uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id);

-- Rotation: every refresh creates a new token in the same family; reuse of a revoked token
-- revokes the whole family.
CREATE TABLE refresh_tokens (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  family_id    uuid NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  expires_at   timestamptz NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz,
  replaced_by  uuid
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

CREATE TABLE customers (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id        uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  customer_id      text COLLATE "C" NOT NULL, -- byte order: same sort on every server
  gender           text,
  age              integer,
  annual_income    double precision,
  spending_score   double precision,
  profession       text,
  work_experience  integer,
  family_size      integer,
  attributes       jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  deleted_at       timestamptz,
  CONSTRAINT customers_tenant_customer_key UNIQUE (tenant_id, customer_id)
);
-- Live customers of a tenant in customer_id order (count, list, analytics batches).
CREATE INDEX customers_tenant_live_idx ON customers (tenant_id, customer_id) WHERE deleted_at IS NULL;
CREATE INDEX customers_tenant_created_idx ON customers (tenant_id, created_at);

CREATE TABLE import_jobs (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  source          text NOT NULL,
  status          text NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
  total_rows      integer NOT NULL DEFAULT 0,
  processed_rows  integer NOT NULL DEFAULT 0,
  inserted        integer NOT NULL DEFAULT 0,
  updated         integer NOT NULL DEFAULT 0,
  unchanged       integer NOT NULL DEFAULT 0,
  rejected        integer NOT NULL DEFAULT 0,
  checkpoint      jsonb,
  rejects         jsonb NOT NULL DEFAULT '[]'::jsonb,
  error           text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz
);
CREATE INDEX import_jobs_tenant_created_idx ON import_jobs (tenant_id, created_at);

CREATE TABLE segmentation_runs (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  algorithm       text NOT NULL,
  k               integer NOT NULL,
  parameters      jsonb NOT NULL DEFAULT '{}'::jsonb,
  metrics         jsonb NOT NULL DEFAULT '{}'::jsonb,
  profiles        jsonb NOT NULL DEFAULT '[]'::jsonb,
  model           jsonb,
  customer_count  integer NOT NULL DEFAULT 0,
  active          boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX segmentation_runs_tenant_created_idx ON segmentation_runs (tenant_id, created_at);
CREATE UNIQUE INDEX segmentation_runs_one_active ON segmentation_runs (tenant_id) WHERE active;

-- The FK the original lacked: deleting a customer (hard delete) removes its assignments.
CREATE TABLE segment_assignments (
  run_id       uuid NOT NULL REFERENCES segmentation_runs (id) ON DELETE CASCADE,
  tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  customer_pk  bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  segment      integer NOT NULL,
  PRIMARY KEY (run_id, customer_pk)
);
CREATE INDEX segment_assignments_customer_idx ON segment_assignments (customer_pk);
CREATE INDEX segment_assignments_run_segment_idx ON segment_assignments (run_id, segment);

CREATE TABLE models (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  version     integer NOT NULL CHECK (version > 0),
  algorithm   text NOT NULL,
  target      text NOT NULL,
  parameters  jsonb NOT NULL DEFAULT '{}'::jsonb,
  metrics     jsonb NOT NULL DEFAULT '{}'::jsonb,
  artifact    jsonb NOT NULL,
  active      boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT models_tenant_version_key UNIQUE (tenant_id, version)
);
CREATE UNIQUE INDEX models_one_active ON models (tenant_id) WHERE active;

-- Partitioned by month on created_at; partitions are created ahead by ensure_partitions().
CREATE TABLE predictions (
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  tenant_id      uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  customer_pk    bigint REFERENCES customers (id) ON DELETE SET NULL,
  customer_id    text,
  model_version  integer NOT NULL,
  predicted      double precision NOT NULL,
  interval_low   double precision,
  interval_high  double precision,
  features       jsonb NOT NULL DEFAULT '{}'::jsonb,
  explanation    jsonb,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE TABLE predictions_default PARTITION OF predictions DEFAULT;
CREATE INDEX predictions_tenant_created_idx ON predictions (tenant_id, created_at);
CREATE INDEX predictions_tenant_customer_idx ON predictions (tenant_id, customer_id, created_at);
CREATE INDEX predictions_customer_pk_idx ON predictions (customer_pk);

CREATE TABLE drift_baselines (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  baseline    jsonb NOT NULL,
  row_count   integer NOT NULL DEFAULT 0,
  active      boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drift_baselines_tenant_created_idx ON drift_baselines (tenant_id, created_at);
CREATE UNIQUE INDEX drift_baselines_one_active ON drift_baselines (tenant_id) WHERE active;

CREATE TABLE drift_checks (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  baseline_id     uuid REFERENCES drift_baselines (id) ON DELETE SET NULL,
  drift_detected  boolean NOT NULL,
  result          jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drift_checks_tenant_created_idx ON drift_checks (tenant_id, created_at);

CREATE TABLE reports (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id     uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  format        text NOT NULL CHECK (format IN ('html', 'pdf')),
  title         text NOT NULL,
  metrics       jsonb NOT NULL DEFAULT '[]'::jsonb,
  figures       jsonb NOT NULL DEFAULT '[]'::jsonb,
  file_path     text,
  content       bytea,
  content_type  text,
  size_bytes    integer,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (file_path IS NOT NULL OR content IS NOT NULL)
);
CREATE INDEX reports_tenant_created_idx ON reports (tenant_id, created_at);

CREATE TABLE consents (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id     uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  customer_id   text NOT NULL,
  consent_type  text NOT NULL,
  granted       boolean NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consents_tenant_customer_idx ON consents (tenant_id, customer_id, consent_type, created_at);

CREATE TABLE api_usage (
  tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  month_key   text NOT NULL CHECK (month_key ~ '^[0-9]{4}-[0-9]{2}$'),
  call_count  bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, month_key)
);

CREATE TABLE subscriptions (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id               uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  stripe_customer_id      text,
  stripe_subscription_id  text NOT NULL UNIQUE,
  plan                    text NOT NULL CHECK (plan IN ('basic', 'professional', 'enterprise')),
  status                  text NOT NULL,
  current_period_start    timestamptz,
  current_period_end      timestamptz,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX subscriptions_tenant_idx ON subscriptions (tenant_id);

-- Idempotency of webhooks: an event id is processed once.
CREATE TABLE stripe_events (
  event_id      text PRIMARY KEY,
  type          text NOT NULL,
  tenant_id     uuid REFERENCES tenants (id) ON DELETE SET NULL,
  received_at   timestamptz NOT NULL DEFAULT now(),
  processed_at  timestamptz
);

-- Hash-chained audit trail, partitioned by month. seq orders the chain when created_at ties.
CREATE SEQUENCE audit_log_seq AS bigint;
CREATE TABLE audit_log (
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  seq          bigint NOT NULL DEFAULT nextval('audit_log_seq'),
  tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  actor        text NOT NULL,
  action       text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    text,
  before       jsonb,
  after        jsonb,
  ip           text,
  request_id   text,
  prev_hash    text,
  hash         text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
ALTER SEQUENCE audit_log_seq OWNED BY audit_log.seq;
CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT;
CREATE INDEX audit_log_tenant_created_idx ON audit_log (tenant_id, created_at, seq);
CREATE INDEX audit_log_tenant_entity_idx ON audit_log (tenant_id, entity_type, entity_id);

-- Creates the monthly partitions of audit_log and predictions from the current month (UTC) to
-- months_ahead months later. Rows that had landed in the DEFAULT partition for a month being
-- created are moved into the new partition (Postgres refuses the partition otherwise).
-- Callers hold the migration advisory lock, so concurrent creation cannot race.
CREATE FUNCTION ensure_partitions(months_ahead integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  parent   text;
  m        integer;
  lower_b  timestamptz;
  upper_b  timestamptz;
  part     text;
  created  integer := 0;
  moved    bigint;
BEGIN
  FOREACH parent IN ARRAY ARRAY['audit_log', 'predictions'] LOOP
    FOR m IN 0..months_ahead LOOP
      lower_b := (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => m)) AT TIME ZONE 'UTC';
      upper_b := (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => m + 1)) AT TIME ZONE 'UTC';
      part := format('%s_y%sm%s', parent, to_char(lower_b AT TIME ZONE 'UTC', 'YYYY'), to_char(lower_b AT TIME ZONE 'UTC', 'MM'));
      IF to_regclass(part) IS NULL THEN
        EXECUTE format('SELECT count(*) FROM %I WHERE created_at >= %L AND created_at < %L',
                       parent || '_default', lower_b, upper_b) INTO moved;
        IF moved > 0 THEN
          EXECUTE format('CREATE TEMP TABLE cl_moved_rows (LIKE %I) ON COMMIT DROP', parent);
          EXECUTE format('WITH d AS (DELETE FROM %I WHERE created_at >= %L AND created_at < %L RETURNING *) '
                         'INSERT INTO cl_moved_rows SELECT * FROM d', parent || '_default', lower_b, upper_b);
        END IF;
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', part, parent, lower_b, upper_b);
        IF moved > 0 THEN
          EXECUTE format('INSERT INTO %I SELECT * FROM cl_moved_rows', parent);
          DROP TABLE cl_moved_rows;
        END IF;
        created := created + 1;
      END IF;
    END LOOP;
  END LOOP;
  RETURN created;
END;
$$;
