package dk.carepath.callrouting;

import dk.carepath.audit.AuditTrail;
import dk.carepath.callrouting.CitizenCall.ContactKind;
import dk.carepath.callrouting.CitizenCall.Vars;
import dk.carepath.engine.FormRules;
import dk.carepath.equipment.KitRegistry;
import dk.carepath.pathway.MonitoringPlans;
import dk.carepath.pathway.PathwayView;
import dk.carepath.pathway.Pathways;
import dk.carepath.pathway.Phase;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nurses' forms in the citizen-call process. Each checks on completion what the model's
 * {@code required}/{@code choices} cannot (fields required by another field's value, the citizen's
 * pathway and kit), with the reasons in Danish, and hands the process what its next steps need.
 */
@Configuration
class CallForms {

    /** the pathway phases inside monitoring, where a pause can be received */
    static final Set<Phase> MONITORING = EnumSet.of(Phase.STARTUP_MONITORING, Phase.TITRATION, Phase.REASSESSMENT);
    static final int LONGEST_PAUSE_DAYS = 365;

    /** Task_CallCitizenBack: reached or not decides the contact kind [003]; whoever called back handles the call. */
    @Bean("callBackForm")
    TaskListener callBackForm(AuditTrail audit) {
        return task -> {
            DelegateExecution process = task.getExecution().getProcessInstance();
            boolean reached = "REACHED".equals(task.getVariable(Vars.CALL_BACK_RESULT.name()));
            Vars.CONTACT_KIND.set(process, (reached ? ContactKind.CALL_BACK_FROM_QUEUE : ContactKind.CALL_BACK_UNANSWERED).name());
            Vars.HANDLED_BY.set(process, task.getAssignee() != null ? task.getAssignee() : audit.currentActor());
        };
    }

    /** Task_ClarifyTechnicalProblem: a fault report needs a description and a kit to report. */
    @Bean("technicalProblemForm")
    TaskListener technicalProblemForm(KitRegistry kits) {
        return task -> {
            if (!"FILE_FAULT_REPORT".equals(task.getVariable(Vars.TECHNICAL_OUTCOME.name()))) {
                return;
            }
            List<String> problems = new ArrayList<>();
            String description = text(task, Vars.FAULT_DESCRIPTION.name());
            if (description == null) {
                problems.add("Beskriv fejlen til fejlmeldingen");
            } else if (description.length() > 2000) {
                problems.add("Fejlbeskrivelsen må højst være 2000 tegn");
            }
            if (kits.kitOf(UUID.fromString(Vars.CITIZEN_ID.require(task))).isEmpty()) {
                problems.add("Borgeren har intet telekit registreret, så der er intet at fejlmelde");
            }
            if (!problems.isEmpty()) {
                throw FormRules.invalid(problems);
            }
        };
    }

    /**
     * Task_HandleDeviation: a new measurement time (HH:mm) or the last day of a pause; both need
     * the citizen's pathway, a pause one in monitoring [000].
     */
    @Bean("deviationForm")
    TaskListener deviationForm(Pathways pathways, MonitoringPlans plans, @Value("${carepath.zone}") ZoneId zone, java.time.Clock clock) {
        return task -> {
            List<String> problems = new ArrayList<>();
            String action = (String) task.getVariable(Vars.DEVIATION_ACTION.name());
            Optional<PathwayView> pathway = Optional.ofNullable(Vars.PATHWAY_ID.get(task)).map(UUID::fromString).flatMap(pathways::find);
            DelegateExecution process = task.getExecution().getProcessInstance();
            if (pathway.isEmpty() || pathway.get().ended()) {
                throw FormRules.invalid(List.of("Borgeren er ikke i et telemedicinsk forløb: måletidspunkter og pauser findes kun i et forløb"));
            }
            if ("CHANGE_MEASUREMENT_TIME".equals(action)) {
                String time = text(task, Vars.NEW_MEASUREMENT_TIME.name());
                if (plans.forPathway(pathway.get().id()).isEmpty()) {
                    problems.add("Forløbet har endnu ingen måleplan");
                }
                if (time == null) {
                    problems.add("Angiv det nye måletidspunkt");
                } else {
                    try {
                        Vars.NEW_MEASUREMENT_TIME.set(process, LocalTime.parse(time).toString());
                    } catch (DateTimeParseException e) {
                        problems.add("Måletidspunktet skal være et klokkeslæt som 08:00");
                    }
                }
            } else if ("PAUSE".equals(action)) {
                if (!MONITORING.contains(pathway.get().phase())) {
                    problems.add("Forløbet er i fasen \"" + pathway.get().phase().danish() + "\": en pause kan først oprettes, når monitoreringen er i gang");
                }
                String lastDay = text(task, "pauseLastDay");
                LocalDate today = LocalDate.now(clock.withZone(zone));
                if (lastDay == null) {
                    problems.add("Angiv pausens sidste dag");
                } else {
                    try {
                        LocalDate last = LocalDate.parse(lastDay.length() > 10 ? lastDay.substring(0, 10) : lastDay);
                        if (last.isBefore(today)) {
                            problems.add("Pausens sidste dag må ikke ligge før i dag");
                        } else if (last.isAfter(today.plusDays(LONGEST_PAUSE_DAYS))) {
                            problems.add("En pause kan højst vare et år");
                        } else {
                            Vars.PAUSE_UNTIL.set(process, Date.from(last.plusDays(1).atStartOfDay(zone).toInstant()));
                        }
                    } catch (DateTimeParseException e) {
                        problems.add("Pausens sidste dag skal være en dato");
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw FormRules.invalid(problems);
            }
            Vars.DEVIATION_NOTE.set(process, text(task, Vars.DEVIATION_NOTE.name()));
        };
    }

    private static String text(DelegateTask task, String field) {
        Object value = task.getVariable(field);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
