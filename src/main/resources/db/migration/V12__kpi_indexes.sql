-- Indexes behind the KPI queries (docs/kpis.md): what they look up by period or kind, so that a year of a region's
-- history is read by index, not scanned per request. (Camunda's ACT_* tables get theirs from KpiEngineIndexes: Camunda
-- creates those tables itself, after these migrations on a new database.)
create index referral_received on referral (received_at);
create index pathway_journal_kind on pathway_journal (kind, occurred_at);
create index pathway_alarm_kind on pathway_alarm (kind, raised_at);
create index citizen_call_received on citizen_call (received_at);
create index citizen_call_call_back_due on citizen_call (call_back_due);
create index kit_fault_reported on kit_fault (reported_at);
