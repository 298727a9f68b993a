-- Notifications: where users receive e-mail, and what makes each notification go out once.

-- Where a user receives alert e-mails and the daily digest (optional).
ALTER TABLE users ADD COLUMN email text;

-- A digest is addressed to one user for one day.
ALTER TABLE notifications ADD COLUMN user_id uuid REFERENCES users (id);
ALTER TABLE notifications ADD COLUMN digest_day date;
ALTER TABLE notifications ADD CONSTRAINT notifications_digest_addressed
  CHECK (kind <> 'digest' OR (user_id IS NOT NULL AND digest_day IS NOT NULL));

-- At most one digest per user and day, and one notification per alert and channel, even when two
-- servers queue at once.
CREATE UNIQUE INDEX notifications_digest_once ON notifications (user_id, digest_day) WHERE kind = 'digest';
CREATE UNIQUE INDEX notifications_alert_once ON notifications (alert_id, channel) WHERE kind = 'alert-opened';
