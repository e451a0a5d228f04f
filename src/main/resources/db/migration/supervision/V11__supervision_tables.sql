-- Supervision's table that V2__campaigns.sql created before the modules had migrations of their own:
-- the tasks that passed their due date. V2 is applied and never edited; this claims it for supervision/.
comment on table overdue_task is 'supervision: tasks that passed their due date, kept after they are done';
