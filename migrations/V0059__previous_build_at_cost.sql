-- core.previous_build_at may now be called as is in a hook's condition, where the planner estimates
-- with its actual value (a day's rows) instead of a blind third of the table, which hashed all of
-- core.source_posting_salary to delete a day's figures. Its cost keeps it out of a per-row filter
-- (after a full build every row qualifies): an index condition evaluates it once. Hooks that wrap
-- it in a scalar subquery evaluate it once anyway.
alter function core.previous_build_at(regclass) cost 10000;
