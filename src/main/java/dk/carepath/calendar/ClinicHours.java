package dk.carepath.calendar;

import org.springframework.stereotype.Component;

/**
 * Due dates for the heart-failure clinic's tasks, used from the BPMN models as
 * {@code camunda:dueDate="${clinicHours.dueWithin('PT2H')}"}: counted in the opening hours of the
 * clinics of the instance's region ({@code clinics.opening-hours} of its region pack).
 */
@Component("clinicHours")
public class ClinicHours extends DueDates {

    ClinicHours(RegionCalendars calendars) {
        super(calendars::clinicHours);
    }
}
