-- The standing duties' tasks (团员教育评议, 推优入党, 双向述职评议) belong to no campaign: they are recorded as
-- overdue too, with no campaign.
alter table overdue_task alter column campaign_id drop not null;
