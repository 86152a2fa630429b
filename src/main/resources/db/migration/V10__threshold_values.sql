-- A citizen's thresholds by name (pulseRedHigh, …), one row each, instead of a column per threshold:
-- a new measurement type (its descriptor in MeasurementType) brings its thresholds without a migration.
-- (the column is "amount": "value" is a reserved word in H2, the embedded database of the demo)
create table threshold_value (
    threshold_set_id bigint         not null references threshold_set (id),
    name             varchar(60)    not null,
    amount           numeric(12, 3) not null,
    primary key (threshold_set_id, name)
);

insert into threshold_value (threshold_set_id, name, amount)
select id, 'pulseRedHigh', pulse_red_high from threshold_set where pulse_red_high is not null
union all select id, 'pulseYellowHigh', pulse_yellow_high from threshold_set where pulse_yellow_high is not null
union all select id, 'pulseYellowLow', pulse_yellow_low from threshold_set where pulse_yellow_low is not null
union all select id, 'pulseRedLow', pulse_red_low from threshold_set where pulse_red_low is not null
union all select id, 'weightRedHigh', weight_red_high from threshold_set where weight_red_high is not null
union all select id, 'weightYellowHigh', weight_yellow_high from threshold_set where weight_yellow_high is not null
union all select id, 'weightYellowLow', weight_yellow_low from threshold_set where weight_yellow_low is not null
union all select id, 'weightRedLow', weight_red_low from threshold_set where weight_red_low is not null
union all select id, 'systolicRedHigh', systolic_red_high from threshold_set where systolic_red_high is not null
union all select id, 'systolicYellowHigh', systolic_yellow_high from threshold_set where systolic_yellow_high is not null
union all select id, 'systolicYellowLow', systolic_yellow_low from threshold_set where systolic_yellow_low is not null
union all select id, 'systolicRedLow', systolic_red_low from threshold_set where systolic_red_low is not null
union all select id, 'diastolicRedHigh', diastolic_red_high from threshold_set where diastolic_red_high is not null
union all select id, 'diastolicYellowHigh', diastolic_yellow_high from threshold_set where diastolic_yellow_high is not null
union all select id, 'diastolicYellowLow', diastolic_yellow_low from threshold_set where diastolic_yellow_low is not null
union all select id, 'diastolicRedLow', diastolic_red_low from threshold_set where diastolic_red_low is not null;

alter table threshold_set drop column pulse_red_high;
alter table threshold_set drop column pulse_yellow_high;
alter table threshold_set drop column pulse_yellow_low;
alter table threshold_set drop column pulse_red_low;
alter table threshold_set drop column weight_red_high;
alter table threshold_set drop column weight_yellow_high;
alter table threshold_set drop column weight_yellow_low;
alter table threshold_set drop column weight_red_low;
alter table threshold_set drop column systolic_red_high;
alter table threshold_set drop column systolic_yellow_high;
alter table threshold_set drop column systolic_yellow_low;
alter table threshold_set drop column systolic_red_low;
alter table threshold_set drop column diastolic_red_high;
alter table threshold_set drop column diastolic_yellow_high;
alter table threshold_set drop column diastolic_yellow_low;
alter table threshold_set drop column diastolic_red_low;
