-- An escalated task whose deadline moved ahead again is no longer escalated: the escalation row is closed with
-- when, by whom (null when unknown) and why (EXTENSION or DUE_DATE_EDITED), and the new due moment. The same task
-- may be escalated again later, as a new row.
ALTER TABLE task_escalation DROP CONSTRAINT uq_task_escalation_task;
ALTER TABLE task_escalation ADD COLUMN cleared_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE task_escalation ADD COLUMN cleared_by VARCHAR(255);
ALTER TABLE task_escalation ADD COLUMN cleared_cause VARCHAR(32);
ALTER TABLE task_escalation ADD COLUMN new_due_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_task_escalation_task ON task_escalation (task_id);
