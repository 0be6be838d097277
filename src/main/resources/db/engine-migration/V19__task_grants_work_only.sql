-- Grants on open tasks made by earlier releases, brought in line with security/TaskWorkGrants: on a task whose
-- process every user may read (a global authorization with READ_TASK, 64, on its definition key or on every
-- definition, as security/AccessGrants keeps on Process_AreaOfficeCycle), the candidates' and assignee's grant
-- keeps the work permission (TASK_WORK, 16384) and loses READ (2). Who reads such a task, the global grant and the
-- task's tenant decide; a READ grant per task only made every task query join more rows (BENCHMARKS.md,
-- "Coordinator's task list"). Only the engine's own grants are touched (GRANT with TASK_WORK on one task);
-- MOD and integer division instead of bit operators, which H2 and PostgreSQL spell differently.
UPDATE ACT_RU_AUTHORIZATION
SET PERMS_ = PERMS_ - 2, REV_ = REV_ + 1
WHERE TYPE_ = 1
  AND RESOURCE_TYPE_ = 7
  AND PERMS_ > 0
  AND MOD(PERMS_ / 2, 2) = 1
  AND MOD(PERMS_ / 16384, 2) = 1
  AND RESOURCE_ID_ IN (
    SELECT T.ID_
    FROM ACT_RU_TASK T
    JOIN ACT_RE_PROCDEF D ON D.ID_ = T.PROC_DEF_ID_
    WHERE EXISTS (
      SELECT 1
      FROM ACT_RU_AUTHORIZATION G
      WHERE G.TYPE_ = 0
        AND G.USER_ID_ = '*'
        AND G.RESOURCE_TYPE_ = 6
        AND G.RESOURCE_ID_ IN (D.KEY_, '*')
        AND MOD(G.PERMS_ / 64, 2) = 1));
