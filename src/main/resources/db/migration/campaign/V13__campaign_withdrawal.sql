-- A campaign withdrawn by its committee (撤销活动): status WITHDRAWN, with when, by whom and why.
-- Its branches' processes end with the reason; its rows stay as the record of what happened.

alter table campaign add column withdrawn_at timestamp;

alter table campaign add column withdrawn_by varchar(64);

alter table campaign add column withdrawal_reason varchar(500);
