package dk.carepath.pathway;

import dk.carepath.pathway.HeartFailurePathway.Vars;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads two extension properties a process owner sets in the Modeler and wires them up at deploy
 * time: {@code phase} on an element moves the pathway into that phase when the element starts;
 * {@code outcome} on an end event ends the pathway with that outcome. It also journals every
 * completed user task of a process that carries a {@code pathwayId}, with who completed it and the
 * values of the task's own form fields, and labels each task with the citizen it is about.
 */
@Component
class PathwayEnginePlugin extends AbstractProcessEnginePlugin {

    private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

    private final ObjectProvider<Pathways> pathways;
    private final ObjectProvider<org.camunda.bpm.engine.IdentityService> identity;

    private final ObjectProvider<dk.carepath.citizen.Citizens> citizens;
    private final ObjectProvider<InclusionTaskDetails> inclusion;

    PathwayEnginePlugin(ObjectProvider<Pathways> pathways, ObjectProvider<org.camunda.bpm.engine.IdentityService> identity,
                        ObjectProvider<dk.carepath.citizen.Citizens> citizens, ObjectProvider<InclusionTaskDetails> inclusion) {
        this.citizens = citizens;
        this.inclusion = inclusion;
        this.pathways = pathways;
        this.identity = identity;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new Listener());
    }

    private final class Listener extends AbstractBpmnParseListener {

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            attachPhase(element, activity);
            var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            definition.addTaskListener(TaskListener.EVENTNAME_CREATE, PathwayEnginePlugin::labelTask);
            if (InclusionTaskDetails.TASKS.contains(activity.getId())) {
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, task -> inclusion.getObject().onCreate(task));
            }
            if (CONTACT_TASKS.contains(activity.getId())) {
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, PathwayEnginePlugin.this::contactDetails);
            }
            definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, PathwayEnginePlugin.this::contactPersonFromTask);
            definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, PathwayEnginePlugin.this::journalTask);
            definition.addTaskListener(TaskListener.EVENTNAME_DELETE, PathwayEnginePlugin.this::journalClosedTask);
        }

        @Override
        public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            attachPhase(element, activity);
        }

        @Override
        public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            attachPhase(element, activity);
        }

        @Override
        public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
            attachPhase(element, activity);
        }

        @Override
        public void parseParallelGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
            attachPhase(element, activity);
        }

        @Override
        public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            property(element, "outcome").ifPresent(outcome -> {
                PathwayOutcome how = PathwayOutcome.valueOf(outcome);
                activity.addListener(ExecutionListener.EVENTNAME_START,
                        (ExecutionListener) execution -> pathwayId(execution).ifPresent(id -> pathways.getObject().end(id, how)));
            });
        }

        private void attachPhase(Element element, ActivityImpl activity) {
            property(element, "phase").ifPresent(name -> {
                Phase phase = Phase.valueOf(name);
                activity.addListener(ExecutionListener.EVENTNAME_START,
                        (ExecutionListener) execution -> pathwayId(execution).ifPresent(id -> pathways.getObject().enterPhase(id, phase)));
            });
        }
    }

    /**
     * Copies the citizen label onto the task itself: Tasklist shows it in the task list (and its search
     * matches it: "Søg borger"), and a nurse may read a task's own variables without the right to read
     * the whole process instance. The citizen page's address goes with it, for the form's link.
     */
    private static void labelTask(DelegateTask task) {
        String label = Vars.CITIZEN_LABEL.get(task);
        if (label != null) {
            task.setVariableLocal(Vars.CITIZEN_LABEL.name(), label);
            // for "Søg borger" in Tasklist: its own ignore-case option does not reach the query it sends
            task.setVariableLocal(CITIZEN_SEARCH, label.toLowerCase(java.util.Locale.ROOT));
        }
        String citizen = Vars.CITIZEN_ID.get(task);
        if (citizen != null) {
            task.setVariableLocal(CITIZEN_PAGE, "/citizens/" + citizen);
        }
    }

    /** the task-local address of the citizen's page (/citizens/{id}), which the forms link to */
    static final String CITIZEN_PAGE = "citizenPage";
    /** the citizen label in lower case, which Tasklist's search ("Søg borger") matches with like */
    static final String CITIZEN_SEARCH = "citizenSearch";

    /** The tasks whose nurse calls the citizen: their forms show the phone number and the contact person. */
    static final java.util.Set<String> CONTACT_TASKS = java.util.Set.of(HeartFailurePathway.Element.Task_ReviewRedMeasurement.name(),
            HeartFailurePathway.Element.Task_FollowUpPersistentYellow.name(),
            HeartFailurePathway.Element.Task_ContactCitizenAboutMissingMeasurements.name());

    /** The citizen's phone number and contact person on the task itself, for its form (the team may read its task's variables). */
    private void contactDetails(DelegateTask task) {
        pathwayId(task.getExecution()).flatMap(id -> pathways.getObject().find(id)).ifPresent(pathway -> {
            citizens.getObject().find(pathway.citizenId()).map(c -> c.phone()).filter(phone -> phone != null && !phone.isBlank())
                    .ifPresent(phone -> task.setVariableLocal(CITIZEN_PHONE, phone));
            task.setVariableLocal(CONTACT_PERSON, pathway.contactPerson() == null ? "ingen (hele teamet)" : pathway.contactPerson());
        });
    }

    static final String CITIZEN_PHONE = "citizenPhone";
    static final String CONTACT_PERSON = "contactPersonName";

    /**
     * A nurse who ticks "Gør mig til borgerens kontaktperson" on a monitoring task becomes the
     * citizen's contact person [001]; she must be of the team that monitors the citizen.
     */
    private void contactPersonFromTask(DelegateTask task) {
        // a form field is declared as the task's input parameter: it lives on the task's execution
        if (!Boolean.TRUE.equals(task.getExecution().getVariableLocal(BECOME_CONTACT_PERSON))) {
            return;
        }
        var user = identity.getObject().getCurrentAuthentication();
        Optional<UUID> pathway = pathwayId(task.getExecution());
        if (user == null || user.getUserId() == null || pathway.isEmpty()) {
            return;
        }
        try {
            pathways.getObject().assignContactPerson(pathway.get(), user.getUserId());
        } catch (dk.carepath.web.ProblemException notOfTheTeam) {
            throw new dk.carepath.engine.FormValidationException(java.util.List.of(
                    "Du kan kun blive kontaktperson for en borger, som dit team monitorerer"));
        }
    }

    static final String BECOME_CONTACT_PERSON = "becomeContactPerson";

    /** A task closed without being done (the monitoring ended while it was open) is journalled too. */
    private void journalClosedTask(DelegateTask task) {
        pathwayId(task.getExecution()).ifPresent(id ->
                pathways.getObject().record(id, JournalKind.TASK_CLOSED, "Lukket uden at være udført: " + task.getName(), null));
    }

    private void journalTask(DelegateTask task) {
        pathwayId(task.getExecution()).ifPresent(id -> {
            Map<String, Object> fields = new TreeMap<>(task.getExecution().getVariablesLocal());
            String detail = fields.entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
            pathways.getObject().record(id, JournalKind.TASK, task.getName(), detail.isEmpty() ? null : detail);
            List<Long> measurements = ids(task.getExecution().getVariableLocal(Vars.COVERED_MEASUREMENTS.name()));
            List<Long> alarms = ids(task.getExecution().getVariableLocal(Vars.COVERED_ALARMS.name()));
            if (!measurements.isEmpty() || !alarms.isEmpty()) {
                pathways.getObject().alarmTaskCompleted(new AlarmTaskCompleted(id, task.getName(), measurements, alarms));
            }
        });
    }

    /** "12,13" → [12, 13]; what is not an id is left out */
    private static List<Long> ids(Object commaSeparated) {
        return commaSeparated == null ? List.of() : java.util.Arrays.stream(commaSeparated.toString().split(",")).map(String::trim)
                .filter(m -> m.matches("\\d{1,18}")).map(Long::valueOf).toList();
    }

    private static Optional<UUID> pathwayId(DelegateExecution execution) {
        String id = Vars.PATHWAY_ID.get(execution);
        return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
    }

    /** A camunda:property of the element, read from the XML at parse time. */
    static Optional<String> property(Element element, String name) {
        Element extensions = element.element("extensionElements");
        if (extensions == null) {
            return Optional.empty();
        }
        Element properties = extensions.elementNS(CAMUNDA, "properties");
        if (properties == null) {
            return Optional.empty();
        }
        return properties.elementsNS(CAMUNDA, "property").stream()
                .filter(p -> name.equals(p.attribute("name")))
                .map(p -> p.attribute("value"))
                .findFirst();
    }
}
