-- Indexes on Camunda's own tables for the product's Tasklist filters (system/TasklistFilters): every filter asks
-- for the open tasks whose candidate group is one of the user's groups. Applied after the engine created its
-- tables, by system/EngineSchemaMigrations (history table flyway_engine_history). Figures and query plans:
-- BENCHMARKS.md, "Coordinator's task list".

-- The candidate-group links of a group with the task each points at: the filter's candidate-group test is answered
-- from this index alone (an index-only scan), without visiting the link rows (stock indexes GROUP_ID_ alone).
CREATE INDEX IF NOT EXISTS APIMR_IDX_IDENT_LNK_GROUP_TASK ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);
