-- The KPI roll-ups of V13 count only what a KPI counts: a measurement its sender retracted (FHIR entered-in-error sets
-- retracted_at) is out of them, and back in should it ever be un-retracted; a correction replaces the row's values
-- (its history keeps the old ones), so it moves the row's count and days, and the measurement counts once.
-- One trigger function for insert, update and delete, around one function that adds (sign 1) or takes away (sign -1)
-- a set of measurement rows: the insert costs three statements, none of them per row (V13 called a plpgsql function
-- with a row lock per measured day). A third roll-up, the first measurement per pathway, serves the lead time from
-- telekit to first measurement (it was five index probes per pathway per request).

drop trigger kpi_measurements_inserted on measurement;
drop trigger kpi_measurements_updated on measurement;
drop trigger kpi_measurements_deleted on measurement;
drop function kpi_measurements_inserted();
drop function kpi_measurements_updated();
drop function kpi_measurements_deleted();
drop function kpi_mark_day(uuid, varchar, date);
drop function kpi_count(uuid[], timestamptz[], varchar[], varchar[], int[]);

-- the pathway's earliest measurement not retracted
create table kpi_first_measurement (
    pathway_id  uuid                     not null primary key,
    measured_at timestamp with time zone not null
);

-- two pathways' measured days as one bit string from the earlier first day (both bit strings padded to the same span)
create function kpi_days_or(a_first date, a varbit, b_first date, b varbit) returns varbit language sql immutable as $$
    select (repeat('0', a_first - least(a_first, b_first))::varbit || a
            || repeat('0', greatest(a_first + length(a), b_first + length(b)) - a_first - length(a))::varbit)
         | (repeat('0', b_first - least(a_first, b_first))::varbit || b
            || repeat('0', greatest(a_first + length(a), b_first + length(b)) - b_first - length(b))::varbit)
$$;

-- the pathway's measured days made anew from its measurements (retracted ones not)
create or replace function kpi_refresh_days(p_pathway uuid) returns void language sql as $$
    delete from kpi_measured_days where pathway_id = p_pathway;
    insert into kpi_measured_days (pathway_id, type, first_day, days)
    select pathway_id, type, first_day, bit_or(set_bit(repeat('0', last_day - first_day + 1)::varbit, d - first_day, 1))
      from (select pathway_id, type, d, min(d) over w first_day, max(d) over w last_day
              from (select distinct m.pathway_id, m.type, (m.measured_at at time zone kpi_zone())::date d
                      from measurement m join pathway p on p.id = m.pathway_id
                     where m.pathway_id = p_pathway and m.retracted_at is null and p.monitoring_since is not null
                       and m.measured_at >= p.monitoring_since and (p.ended_at is null or m.measured_at < p.ended_at)) x
            window w as (partition by pathway_id, type)) y
     group by pathway_id, type, first_day
$$;

-- adds (sign 1) or takes away (sign -1) the rows, which are counted ones (not retracted), from the roll-ups, in key order
-- (no deadlocks). Adding sets their days' bits and the first measurement where earlier; taking away makes the
-- pathways' days and first measurement anew from the table (already changed when this runs: a bit may be another
-- measurement's too)
create function kpi_apply(p_rows measurement[], p_sign int) returns void language plpgsql as $$
declare
    v_pathway uuid;
begin
    insert into kpi_measurement_day as k (day, region, clinic_id, municipality_id, monitoring_organisation_id,
                                          treatment_organisation_id, type, colour, n)
    select (m.received_at at time zone kpi_zone())::date, p.region, p.clinic_id, c.municipality_id,
           coalesce(p.monitoring_organisation_id, ''), coalesce(p.treatment_organisation_id, ''), m.type, coalesce(m.colour, ''),
           count(*) * p_sign
      from unnest(p_rows) m join pathway p on p.id = m.pathway_id join citizen c on c.id = p.citizen_id
     group by 1, 2, 3, 4, 5, 6, 7, 8
     order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict on constraint kpi_measurement_day_key do update set n = k.n + excluded.n;
    if p_sign > 0 then
        insert into kpi_measured_days as k (pathway_id, type, first_day, days)
        select pathway_id, type, first_day, bit_or(set_bit(repeat('0', last_day - first_day + 1)::varbit, d - first_day, 1))
          from (select pathway_id, type, d, min(d) over w first_day, max(d) over w last_day
                  from (select distinct m.pathway_id, m.type, (m.measured_at at time zone kpi_zone())::date d
                          from unnest(p_rows) m join pathway p on p.id = m.pathway_id
                         where p.monitoring_since is not null and m.measured_at >= p.monitoring_since
                           and (p.ended_at is null or m.measured_at < p.ended_at)) x
                window w as (partition by pathway_id, type)) y
         group by pathway_id, type, first_day
         order by 1, 2
        on conflict on constraint kpi_measured_days_key do update
            set first_day = least(k.first_day, excluded.first_day), days = kpi_days_or(k.first_day, k.days, excluded.first_day, excluded.days)
            where kpi_days_or(k.first_day, k.days, excluded.first_day, excluded.days) <> k.days;
        insert into kpi_first_measurement as f (pathway_id, measured_at)
        select m.pathway_id, min(m.measured_at) from unnest(p_rows) m group by 1 order by 1
        on conflict (pathway_id) do update set measured_at = excluded.measured_at where excluded.measured_at < f.measured_at;
    else
        for v_pathway in select distinct m.pathway_id from unnest(p_rows) m order by 1 loop
            perform kpi_refresh_days(v_pathway);
            delete from kpi_first_measurement where pathway_id = v_pathway;
            insert into kpi_first_measurement (pathway_id, measured_at)
            select v_pathway, min(m.measured_at) from measurement m where m.pathway_id = v_pathway and m.retracted_at is null
            having min(m.measured_at) is not null;
        end loop;
    end if;
end $$;

-- what the roll-ups read of a measurement: a row whose key changed moves (out as it was, in as it is); one not
-- retracted counts. An update that changes none of it (escalation, acknowledgement: most updates) costs one join.
create function kpi_measurements_changed() returns trigger language plpgsql as $$
declare
    counted_out measurement[];
    counted_in measurement[];
begin
    if TG_OP = 'INSERT' then
        select array_agg(n) into counted_in from new_rows n where n.retracted_at is null;
    elsif TG_OP = 'DELETE' then
        select array_agg(o) into counted_out from old_rows o where o.retracted_at is null;
    else
        select array_agg(o) filter (where o.retracted_at is null), array_agg(n) filter (where n.retracted_at is null)
          into counted_out, counted_in
          from old_rows o join new_rows n on n.id = o.id
         where (o.pathway_id, o.type, o.colour, o.measured_at, o.received_at, o.retracted_at is null)
               is distinct from (n.pathway_id, n.type, n.colour, n.measured_at, n.received_at, n.retracted_at is null);
    end if;
    if counted_out is not null then
        perform kpi_apply(counted_out, -1);
    end if;
    if counted_in is not null then
        perform kpi_apply(counted_in, 1);
    end if;
    return null;
end $$;

create trigger kpi_measurements_inserted after insert on measurement referencing new table as new_rows
    for each statement execute function kpi_measurements_changed();
create trigger kpi_measurements_updated after update on measurement referencing old table as old_rows new table as new_rows
    for each statement execute function kpi_measurements_changed();
create trigger kpi_measurements_deleted after delete on measurement referencing old table as old_rows
    for each statement execute function kpi_measurements_changed();

-- a pathway's counts move with it when its scope changes (a handover, a new clinic): its counted measurements
create or replace function kpi_move_pathway(p_pathway uuid, old_region varchar, old_clinic varchar, old_municipality varchar,
                                            old_monitoring varchar, old_treatment varchar) returns void language sql as $$
    insert into kpi_measurement_day as k (day, region, clinic_id, municipality_id, monitoring_organisation_id,
                                          treatment_organisation_id, type, colour, n)
    select day, region, clinic_id, municipality_id, monitoring, treatment, type, colour, sum(n)
      from (select (m.received_at at time zone kpi_zone())::date as day, old_region region, old_clinic clinic_id,
                   old_municipality municipality_id, coalesce(old_monitoring, '') monitoring, coalesce(old_treatment, '') treatment,
                   m.type, coalesce(m.colour, '') colour, -1 n from measurement m where m.pathway_id = p_pathway and m.retracted_at is null
            union all
            select (m.received_at at time zone kpi_zone())::date, p.region, p.clinic_id, c.municipality_id,
                   coalesce(p.monitoring_organisation_id, ''), coalesce(p.treatment_organisation_id, ''), m.type, coalesce(m.colour, ''), 1
              from measurement m join pathway p on p.id = m.pathway_id join citizen c on c.id = p.citizen_id
             where m.pathway_id = p_pathway and m.retracted_at is null) x
     group by 1, 2, 3, 4, 5, 6, 7, 8
    having sum(n) <> 0
     order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict on constraint kpi_measurement_day_key do update set n = k.n + excluded.n
$$;

-- the three roll-ups anew from the counted rows (a bit per measured day set by bit_or: no generated series to join)
create or replace function kpi_rebuild() returns void language sql set work_mem = '256MB' as $$
    truncate kpi_measurement_day, kpi_measured_days, kpi_first_measurement;
    insert into kpi_measurement_day (day, region, clinic_id, municipality_id, monitoring_organisation_id, treatment_organisation_id,
                                     type, colour, n)
    select (m.received_at at time zone kpi_zone())::date, p.region, p.clinic_id, c.municipality_id,
           coalesce(p.monitoring_organisation_id, ''), coalesce(p.treatment_organisation_id, ''), m.type, coalesce(m.colour, ''), count(*)
      from measurement m join pathway p on p.id = m.pathway_id join citizen c on c.id = p.citizen_id
     where m.retracted_at is null
     group by 1, 2, 3, 4, 5, 6, 7, 8;
    insert into kpi_measured_days (pathway_id, type, first_day, days)
    select pathway_id, type, first_day, bit_or(set_bit(repeat('0', last_day - first_day + 1)::varbit, d - first_day, 1))
      from (select pathway_id, type, d, min(d) over w first_day, max(d) over w last_day
              from (select m.pathway_id, m.type, (m.measured_at at time zone kpi_zone())::date d
                      from measurement m join pathway p on p.id = m.pathway_id
                     where m.retracted_at is null and p.monitoring_since is not null and m.measured_at >= p.monitoring_since
                       and (p.ended_at is null or m.measured_at < p.ended_at)) x
            window w as (partition by pathway_id, type)) y
     group by pathway_id, type, first_day;
    insert into kpi_first_measurement (pathway_id, measured_at)
    select pathway_id, min(measured_at) from measurement where retracted_at is null group by pathway_id;
$$;

select kpi_rebuild();

-- red measurements by arrival, not retracted, with what red-action reads of them: an index-only scan (2 % of the rows,
-- spread over the whole table: read from the table they cost a page each, 4 s for a year's 200,000)
drop index measurement_red_received;
create index measurement_red_received on measurement (received_at) include (id, pathway_id, acknowledged_at)
    where colour = 'RED' and retracted_at is null;
