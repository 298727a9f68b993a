-- The standards engine's state: alerts that open when a rule is breached and close when the
-- records change so that it no longer holds, the monitors' notes on them, the limits each rule
-- uses (per deployment, and per case where a monitor overrides them), and the notifications
-- waiting to be delivered.

-- A request to see one's own doctor or for a second opinion (rule own-doctor).
ALTER TABLE care_requests ADD COLUMN own_doctor boolean NOT NULL DEFAULT false;

-- The first draft of this table was never written to; it is replaced.
DROP TABLE alerts;
CREATE TABLE alerts (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  rule_id text NOT NULL,
  -- One occurrence of a breach (the rule and the records it is about): the same breach found
  -- again is the same alert.
  finding_key text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
  explanation text NOT NULL,
  evidence uuid[] NOT NULL DEFAULT '{}',
  -- The day from which the breach surely holds, when the dates tell it.
  since date,
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  acknowledged_by uuid REFERENCES users (id),
  acknowledged_at timestamptz,
  -- Set once the notifier has queued what opening this alert should send.
  notified_at timestamptz
);
CREATE INDEX alerts_to_notify ON alerts (opened_at) WHERE notified_at IS NULL;
CREATE UNIQUE INDEX alerts_open_finding ON alerts (case_id, finding_key) WHERE closed_at IS NULL;
CREATE INDEX alerts_case ON alerts (case_id, opened_at DESC);
CREATE INDEX alerts_open ON alerts (opened_at DESC, id) WHERE closed_at IS NULL;

-- What monitors wrote about an alert: acknowledgements with their comment, kept in order.
CREATE TABLE alert_notes (
  id uuid PRIMARY KEY,
  alert_id uuid NOT NULL REFERENCES alerts (id),
  user_id uuid NOT NULL REFERENCES users (id),
  comment text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_notes_alert ON alert_notes (alert_id, created_at);

-- A rule's limit: the deployment's (case_id null) or one case's override.
CREATE TABLE rule_limits (
  rule_id text NOT NULL,
  case_id uuid REFERENCES cases (id),
  amount integer NOT NULL CHECK (amount > 0),
  unit text NOT NULL CHECK (unit IN ('hours', 'days')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id)
);
CREATE UNIQUE INDEX rule_limits_deployment ON rule_limits (rule_id) WHERE case_id IS NULL;
CREATE UNIQUE INDEX rule_limits_case ON rule_limits (case_id, rule_id) WHERE case_id IS NOT NULL;

-- Notifications to deliver (webhook, e-mail), retried with backoff until delivered or given up.
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('webhook', 'email')),
  kind text NOT NULL CHECK (kind IN ('alert-opened', 'digest')),
  alert_id uuid REFERENCES alerts (id),
  payload jsonb NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  failed_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
