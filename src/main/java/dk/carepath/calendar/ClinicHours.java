package dk.carepath.calendar;

import org.springframework.stereotype.Component;

/**
 * Due dates for the heart-failure clinic's tasks, used from the BPMN models as
 * {@code camunda:dueDate="${clinicHours.dueWithin('PT2H')}"}: counted in the clinic's opening
 * hours ({@code carepath.clinic.*}).
 */
@Component("clinicHours")
public class ClinicHours extends DueDates {

    ClinicHours(CalendarProperties properties) {
        super(properties.clinicHours());
    }
}
