-- Responsibility as data: the organisation that holds treatment and monitoring responsibility for the
-- citizen now (not only the kind of party), so that tasks and access follow that organisation [002 §5].
alter table pathway add column treatment_organisation_id varchar(40);
alter table pathway add column monitoring_organisation_id varchar(40);
alter table pathway add constraint pathway_treatment_organisation foreign key (treatment_organisation_id) references organisation (id);
alter table pathway add constraint pathway_monitoring_organisation foreign key (monitoring_organisation_id) references organisation (id);

update pathway set treatment_organisation_id = case treatment_responsible
        when 'CLINIC' then clinic_id
        when 'MUNICIPALITY' then (select c.municipality_id from citizen c where c.id = pathway.citizen_id)
        when 'GP' then (select c.gp_practice_id from citizen c where c.id = pathway.citizen_id)
    end,
    monitoring_organisation_id = case monitoring_responsible
        when 'CLINIC' then clinic_id
        when 'MUNICIPALITY' then (select c.municipality_id from citizen c where c.id = pathway.citizen_id)
    end;

create index pathway_monitoring_organisation on pathway (monitoring_organisation_id);
create index pathway_clinic on pathway (clinic_id);

-- the service center visits the citizen: it needs the address [002 §6.1]
alter table citizen add column address varchar(300);
