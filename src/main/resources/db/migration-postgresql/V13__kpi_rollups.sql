-- Roll-ups behind the KPIs that count measurements (docs/kpis.md), so that a year of 10 million measurements is
-- not scanned per request. Kept by triggers in the same transaction as the change (intake, corrections, a
-- pathway's handover), so they are never behind; PostgreSQL only (on H2 the KPIs count the rows themselves).
-- kpi_rebuild() makes both anew from the rows (after a bulk load with triggers off).

-- the zone of the KPIs' days (carepath.zone); the KPIs use the roll-ups only when theirs is this one
create function kpi_zone() returns text language sql immutable as $$ select 'Europe/Copenhagen'::text $$;

-- measurements received per day, type and colour, by what decides a manager's scope: the pathway's region, clinic,
-- citizen's municipality, monitoring and treatment organisations as they are now ('' for none); a few hundred
-- thousand rows for a year where the measurements are millions
create table kpi_measurement_day (
    day                        date        not null,
    region                     varchar(20) not null,
    clinic_id                  varchar(40) not null,
    municipality_id            varchar(40) not null,
    monitoring_organisation_id varchar(40) not null,
    treatment_organisation_id  varchar(40) not null,
    type                       varchar(30) not null,
    colour                     varchar(12) not null,
    n                          bigint      not null,
    constraint kpi_measurement_day_key primary key (day, region, clinic_id, municipality_id, monitoring_organisation_id,
                                                    treatment_organisation_id, type, colour)
);

-- the days a pathway's citizen measured each type while monitored (measured_at from monitoring_since until ended_at):
-- bit i is the day first_day + i in kpi_zone(); adherence counts a period's bits instead of the measurements
create table kpi_measured_days (
    pathway_id uuid        not null,
    type       varchar(30) not null,
    first_day  date        not null,
    days       bit varying not null,
    constraint kpi_measured_days_key primary key (pathway_id, type)
);

-- adds the measurements' counts (sign -1 to take them away) under their pathways' scope now, in key order (no deadlocks)
create function kpi_count(pathway_ids uuid[], received timestamptz[], types varchar[], colours varchar[], signs int[])
    returns void language sql as $$
    insert into kpi_measurement_day as k (day, region, clinic_id, municipality_id, monitoring_organisation_id,
                                          treatment_organisation_id, type, colour, n)
    select (m.received_at at time zone kpi_zone())::date, p.region, p.clinic_id, c.municipality_id,
           coalesce(p.monitoring_organisation_id, ''), coalesce(p.treatment_organisation_id, ''), m.type, coalesce(m.colour, ''),
           sum(m.sign)
      from unnest(pathway_ids, received, types, colours, signs) m(pathway_id, received_at, type, colour, sign)
      join pathway p on p.id = m.pathway_id join citizen c on c.id = p.citizen_id
     group by 1, 2, 3, 4, 5, 6, 7, 8
    having sum(m.sign) <> 0
     order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict on constraint kpi_measurement_day_key do update set n = k.n + excluded.n
$$;

-- the pathway's measured days made anew from its measurements
create function kpi_refresh_days(p_pathway uuid) returns void language sql as $$
    delete from kpi_measured_days where pathway_id = p_pathway;
    with days as (select distinct m.type, (m.measured_at at time zone kpi_zone())::date d
                    from measurement m join pathway p on p.id = m.pathway_id
                   where m.pathway_id = p_pathway and p.monitoring_since is not null and m.measured_at >= p.monitoring_since
                     and (p.ended_at is null or m.measured_at < p.ended_at)),
         span as (select type, min(d) first_day, max(d) last_day from days group by type)
    insert into kpi_measured_days (pathway_id, type, first_day, days)
    select p_pathway, s.type, s.first_day, string_agg(case when d.d is null then '0' else '1' end, '' order by g.g)::varbit
      from span s cross join lateral generate_series(s.first_day, s.last_day, interval '1 day') g(g)
      left join days d on d.type = s.type and d.d = g.g::date
     group by s.type, s.first_day
$$;

-- marks one day measured (the intake's way: a bit set, the string grown where needed)
create function kpi_mark_day(p_pathway uuid, p_type varchar, p_day date) returns void language plpgsql as $$
declare
    r kpi_measured_days%rowtype;
begin
    select * into r from kpi_measured_days where pathway_id = p_pathway and type = p_type for update;
    if not found then
        insert into kpi_measured_days (pathway_id, type, first_day, days) values (p_pathway, p_type, p_day, B'1')
            on conflict do nothing;
        if found then
            return;
        end if;
        select * into r from kpi_measured_days where pathway_id = p_pathway and type = p_type for update;
    end if;
    if p_day < r.first_day then
        update kpi_measured_days set first_day = p_day, days = B'1' || repeat('0', r.first_day - p_day - 1)::varbit || r.days
         where pathway_id = p_pathway and type = p_type;
    elsif p_day - r.first_day >= length(r.days) then
        update kpi_measured_days set days = r.days || repeat('0', p_day - r.first_day - length(r.days))::varbit || B'1'
         where pathway_id = p_pathway and type = p_type;
    elsif get_bit(r.days, p_day - r.first_day) = 0 then
        update kpi_measured_days set days = set_bit(r.days, p_day - r.first_day, 1) where pathway_id = p_pathway and type = p_type;
    end if;
end $$;

create function kpi_measurements_inserted() returns trigger language plpgsql as $$
declare
    r record;
begin
    perform kpi_count(array_agg(pathway_id), array_agg(received_at), array_agg(type), array_agg(colour), array_agg(1)) from new_rows;
    for r in select distinct m.pathway_id, m.type, (m.measured_at at time zone kpi_zone())::date d
               from new_rows m join pathway p on p.id = m.pathway_id
              where p.monitoring_since is not null and m.measured_at >= p.monitoring_since
                and (p.ended_at is null or m.measured_at < p.ended_at)
              order by 1, 2, 3 loop
        perform kpi_mark_day(r.pathway_id, r.type, r.d);
    end loop;
    return null;
end $$;

-- a correction or a new colour moves a measurement's count; a changed time or type makes its days anew
create function kpi_measurements_updated() returns trigger language plpgsql as $$
declare
    r record;
begin
    perform kpi_count(array_agg(c.pathway_id), array_agg(c.received_at), array_agg(c.type), array_agg(c.colour), array_agg(c.sign))
       from (select o.pathway_id, o.received_at, o.type, o.colour, -1 sign from old_rows o join new_rows n on n.id = o.id
              where (o.pathway_id, o.received_at, o.type, o.colour) is distinct from (n.pathway_id, n.received_at, n.type, n.colour)
             union all
             select n.pathway_id, n.received_at, n.type, n.colour, 1 from old_rows o join new_rows n on n.id = o.id
              where (o.pathway_id, o.received_at, o.type, o.colour) is distinct from (n.pathway_id, n.received_at, n.type, n.colour)) c;
    for r in select distinct x.pathway_id from (select o.pathway_id from old_rows o join new_rows n on n.id = o.id
                where (o.pathway_id, o.measured_at, o.type) is distinct from (n.pathway_id, n.measured_at, n.type)
               union select n.pathway_id from old_rows o join new_rows n on n.id = o.id
                where (o.pathway_id, o.measured_at, o.type) is distinct from (n.pathway_id, n.measured_at, n.type)) x order by 1 loop
        perform kpi_refresh_days(r.pathway_id);
    end loop;
    return null;
end $$;

create function kpi_measurements_deleted() returns trigger language plpgsql as $$
declare
    r record;
begin
    perform kpi_count(array_agg(pathway_id), array_agg(received_at), array_agg(type), array_agg(colour), array_agg(-1)) from old_rows;
    for r in select distinct pathway_id from old_rows order by 1 loop
        perform kpi_refresh_days(r.pathway_id);
    end loop;
    return null;
end $$;

create trigger kpi_measurements_inserted after insert on measurement referencing new table as new_rows
    for each statement execute function kpi_measurements_inserted();
create trigger kpi_measurements_updated after update on measurement referencing old table as old_rows new table as new_rows
    for each statement execute function kpi_measurements_updated();
create trigger kpi_measurements_deleted after delete on measurement referencing old table as old_rows
    for each statement execute function kpi_measurements_deleted();

-- a pathway's counts move with it when its scope changes (a handover, a new clinic)
create function kpi_move_pathway(p_pathway uuid, old_region varchar, old_clinic varchar, old_municipality varchar,
                                 old_monitoring varchar, old_treatment varchar) returns void language sql as $$
    insert into kpi_measurement_day as k (day, region, clinic_id, municipality_id, monitoring_organisation_id,
                                          treatment_organisation_id, type, colour, n)
    select day, region, clinic_id, municipality_id, monitoring, treatment, type, colour, sum(n)
      from (select (m.received_at at time zone kpi_zone())::date as day, old_region region, old_clinic clinic_id,
                   old_municipality municipality_id, coalesce(old_monitoring, '') monitoring, coalesce(old_treatment, '') treatment,
                   m.type, coalesce(m.colour, '') colour, -1 n from measurement m where m.pathway_id = p_pathway
            union all
            select (m.received_at at time zone kpi_zone())::date, p.region, p.clinic_id, c.municipality_id,
                   coalesce(p.monitoring_organisation_id, ''), coalesce(p.treatment_organisation_id, ''), m.type, coalesce(m.colour, ''), 1
              from measurement m join pathway p on p.id = m.pathway_id join citizen c on c.id = p.citizen_id where m.pathway_id = p_pathway) x
     group by 1, 2, 3, 4, 5, 6, 7, 8
    having sum(n) <> 0
     order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict on constraint kpi_measurement_day_key do update set n = k.n + excluded.n
$$;

create function kpi_pathway_updated() returns trigger language plpgsql as $$
begin
    if (old.region, old.clinic_id, old.monitoring_organisation_id, old.treatment_organisation_id)
        is distinct from (new.region, new.clinic_id, new.monitoring_organisation_id, new.treatment_organisation_id) then
        perform kpi_move_pathway(new.id, old.region, old.clinic_id, (select municipality_id from citizen where id = new.citizen_id),
                                 old.monitoring_organisation_id, old.treatment_organisation_id);
    end if;
    if (old.monitoring_since, old.ended_at) is distinct from (new.monitoring_since, new.ended_at) then
        perform kpi_refresh_days(new.id);
    end if;
    return null;
end $$;

create trigger kpi_pathway_updated after update of region, clinic_id, monitoring_organisation_id, treatment_organisation_id,
    monitoring_since, ended_at on pathway for each row execute function kpi_pathway_updated();

create function kpi_citizen_updated() returns trigger language plpgsql as $$
declare
    r record;
begin
    if old.municipality_id is distinct from new.municipality_id then
        for r in select id, region, clinic_id, monitoring_organisation_id, treatment_organisation_id from pathway
                  where citizen_id = new.id order by id loop
            perform kpi_move_pathway(r.id, r.region, r.clinic_id, old.municipality_id, r.monitoring_organisation_id,
                                     r.treatment_organisation_id);
        end loop;
    end if;
    return null;
end $$;

create trigger kpi_citizen_updated after update of municipality_id on citizen for each row execute function kpi_citizen_updated();

-- both roll-ups anew from the rows (a bit per measured day set by bit_or: no generated series to join)
create function kpi_rebuild() returns void language sql set work_mem = '256MB' as $$
    truncate kpi_measurement_day, kpi_measured_days;
    insert into kpi_measurement_day (day, region, clinic_id, municipality_id, monitoring_organisation_id, treatment_organisation_id,
                                     type, colour, n)
    select (m.received_at at time zone kpi_zone())::date, p.region, p.clinic_id, c.municipality_id,
           coalesce(p.monitoring_organisation_id, ''), coalesce(p.treatment_organisation_id, ''), m.type, coalesce(m.colour, ''), count(*)
      from measurement m join pathway p on p.id = m.pathway_id join citizen c on c.id = p.citizen_id
     group by 1, 2, 3, 4, 5, 6, 7, 8;
    insert into kpi_measured_days (pathway_id, type, first_day, days)
    select pathway_id, type, first_day, bit_or(set_bit(repeat('0', last_day - first_day + 1)::varbit, d - first_day, 1))
      from (select pathway_id, type, d, min(d) over w first_day, max(d) over w last_day
              from (select m.pathway_id, m.type, (m.measured_at at time zone kpi_zone())::date d
                      from measurement m join pathway p on p.id = m.pathway_id
                     where p.monitoring_since is not null and m.measured_at >= p.monitoring_since
                       and (p.ended_at is null or m.measured_at < p.ended_at)) x
            window w as (partition by pathway_id, type)) y
     group by pathway_id, type, first_day;
$$;

select kpi_rebuild();

-- red measurements by arrival, for the time to a nurse's action: 2 % of the rows, so the intake pays little for it
create index measurement_red_received on measurement (received_at) where colour = 'RED';
