-- When AWS Organizations refuses to move a promoted account into the production OU, the request keeps the error
-- (and when it happened) so that people see why it did not move and can confirm again.

ALTER TABLE promotion_request ADD COLUMN move_error VARCHAR(2000);
ALTER TABLE promotion_request ADD COLUMN move_failed_at TIMESTAMPTZ;
