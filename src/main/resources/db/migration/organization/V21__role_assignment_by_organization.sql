-- who holds a role in an organisation (the secretaries of a branch, a committee's members): asked for every task
-- created and every branch started; without it each question read every role of the province (12 ms at 30,000
-- branches, docs/benchmarks.md)
create index role_assignment_org on role_assignment (org_code, role);
