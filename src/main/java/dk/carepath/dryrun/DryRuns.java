package dk.carepath.dryrun;

import dk.carepath.dryrun.DryRunResult.Assignee;
import dk.carepath.dryrun.DryRunResult.Branch;
import dk.carepath.dryrun.DryRunResult.Eligibility;
import dk.carepath.dryrun.DryRunResult.LetterView;
import dk.carepath.dryrun.DryRunResult.Org;
import dk.carepath.dryrun.DryRunResult.Parties;
import dk.carepath.dryrun.DryRunResult.Step;
import dk.carepath.equipment.ServiceCenter;
import dk.carepath.measurement.AdviceTexts;
import dk.carepath.pathway.HeartFailurePathway;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.pathway.Phase;
import dk.carepath.pathway.ReferralPreview;
import dk.carepath.region.OrganisationKind;
import dk.carepath.region.OrganisationView;
import dk.carepath.region.Organisations;
import dk.carepath.region.RegionPack;
import dk.carepath.region.Regions;
import dk.carepath.region.Stewardship;
import dk.carepath.rules.DecisionResult;
import dk.carepath.rules.DeploymentDecisions;
import dk.carepath.rules.DroolsDecisions;
import dk.carepath.security.Membership;
import dk.carepath.web.ProblemException;
import dk.carepath.worklist.Team;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dry run of a test citizen in a region: which path a referral takes, who gets each task, which
 * thresholds, advice and letters apply — computed from the region pack, the deployed pathway model
 * (walked with the Camunda model API, no process instance) and the inclusion rules (evaluated in
 * Drools directly), in a read-only transaction: no pathway, citizen, task, journal or mail is written.
 *
 * <p>Where the path depends on people (the assessments, the set-up call, the reassessment's outcome)
 * the walk takes the branch named in {@link #ASSUMED} and says so; the other branches are listed.
 */
@Service
class DryRuns {

    /**
     * The decisions of people the walk assumes, as the variables the model's conditions read: both
     * assessments include, the kit works, medication is changed at a review, reviews go on, and the
     * last reassessment discharges to the GP. A rejection by the rules is assumed confirmed.
     */
    static final Map<String, String> ASSUMED = Map.of(
            "rejectionDecision", "CONFIRM",
            "cardiologistDecision", "INCLUDE",
            "nurseDecision", "INCLUDE",
            "setupStatus", "WORKS",
            "medicationChanged", "true",
            "periodicReviews", "true",
            "reassessmentOutcome", "DISCHARGE_TO_GP",
            "dischargeReason", "TO_GP");

    private static final Map<String, String> OUTCOMES = Map.of("ELIGIBLE", "Egnet", "NOT_ELIGIBLE", "Ikke egnet",
            "NEEDS_JUDGEMENT", "Kræver faglig vurdering");

    private final Regions regions;
    private final Organisations organisations;
    private final Stewardship stewardship;
    private final RepositoryService repository;
    private final DeploymentDecisions decisions;
    private final ReferralPreview preview;
    private final Team team;
    private final ServiceCenter serviceCenter;

    DryRuns(Regions regions, Organisations organisations, Stewardship stewardship, RepositoryService repository,
            DeploymentDecisions decisions, ReferralPreview preview, Team team, ServiceCenter serviceCenter) {
        this.regions = regions;
        this.organisations = organisations;
        this.stewardship = stewardship;
        this.repository = repository;
        this.decisions = decisions;
        this.preview = preview;
        this.team = team;
        this.serviceCenter = serviceCenter;
    }

    /**
     * @throws ProblemException 404 for a region not in use, 403 for another region's process owner,
     *                          422 naming the field for an organisation that is not of the kind (or region) it must be
     */
    @Transactional(readOnly = true)
    public DryRunResult run(String regionId, DryRunRequest request) {
        RegionPack region = regions.find(regionId).orElseThrow(() -> ProblemException.notFound("no region '" + regionId + "' in use"));
        stewardship.requireOwn(region.id(), "try out test citizens");
        OrganisationView clinic = require("clinicId", request.clinicId(), OrganisationKind.CLINIC);
        if (!region.id().equals(clinic.region())) {
            throw ProblemException.unprocessable("clinicId", "'" + clinic.id() + "' is a clinic of region " + clinic.region()
                    + ", not of " + region.id() + ": a pathway's region is its clinic's");
        }
        OrganisationView municipality = require("citizen.municipalityId", request.citizen().municipalityId(), OrganisationKind.MUNICIPALITY);
        OrganisationView gp = blank(request.citizen().gpPracticeId()) ? null
                : require("citizen.gpPracticeId", request.citizen().gpPracticeId(), OrganisationKind.GP_PRACTICE);
        OrganisationView referrer = blank(request.referrerOrganisationId()) ? clinic
                : organisations.find(request.referrerOrganisationId()).orElseThrow(() -> ProblemException.unprocessable(
                        "referrerOrganisationId", "no organisation with id '" + request.referrerOrganisationId() + "'"));
        OrganisationView center = organisations.serviceCenterOf(region.id());
        OrganisationView monitorsAfterStart = region.municipalMonitoringAfterStart() ? municipality : clinic;

        // the version a referral to this region starts now: the latest of the region's tenant
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(HeartFailurePathway.KEY)
                .tenantIdIn(region.id()).latestVersion().singleResult();
        if (definition == null) {
            throw new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "region", "no pathway model is deployed for region "
                    + region.id() + " (see the refused models on the regions page)");
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());

        Eligibility eligibility = eligibility(model, decisions.ofDeployment(definition.getDeploymentId()), request, region);
        Walk walk = new Walk(model, region, clinic, municipality, gp, referrer, eligibility.outcome());
        walk.run();

        List<String> assumptions = new ArrayList<>();
        assumptions.add("Intet er gemt: ingen borger, intet forløb, ingen opgaver, ingen journal og ingen breve. Forløbsmodellen "
                + HeartFailurePathway.KEY + " version " + definition.getVersion() + " er gennemgået, ikke startet.");
        if ("NOT_ELIGIBLE".equals(eligibility.outcome())) {
            assumptions.add("Reglerne finder borgeren ikke egnet; vejen antager, at kardiologen bekræfter afvisningen (hun kan også bede om en faglig vurdering).");
        } else {
            assumptions.add("Antaget, at både kardiolog og sygeplejerske inkluderer borgeren, og at opsætningen af telekittet virker.");
            assumptions.add("Antaget, at medicinen ændres ved en gennemgang (så kommunen får brev), og at forløbet efter sidste revurdering afsluttes til egen læge;"
                    + " de andre udfald (fortsæt, forlæng, kommunalt forløb, overdragelse) står som forgreninger.");
            assumptions.add(region.municipalMonitoringAfterStart()
                    ? "Regionspakken siger monitoring-after-start: MUNICIPALITY: " + municipality.name() + " monitorerer, når opstarten er afsluttet."
                    : "Regionspakken siger monitoring-after-start: CLINIC: " + clinic.name() + " monitorerer hele forløbet.");
        }
        assumptions.add("Opgaver til en kontaktperson går til hende, når en er udpeget; ellers til hele teamet.");
        if (gp == null) {
            assumptions.add("Borgeren har ingen egen læge angivet: breve til egen læge sendes ikke.");
        }
        assumptions.add("Grænseværdier og måleplan er dem, formularen starter med; kardiologen kan ændre dem for den enkelte borger.");

        RegionPack.ServiceCenter sc = region.serviceCenter();
        var advice = new DryRunResult.CitizenAdvice(sc.name(), sc.supportPhone(), serviceCenter.supportLine(region.id()), sc.logistics(),
                region.outOfHours().phone(), AdviceTexts.outOfHours(region), AdviceTexts.red(region), AdviceTexts.YELLOW, AdviceTexts.CHECK);
        return new DryRunResult(region.id(), region.name(), HeartFailurePathway.KEY + ":" + definition.getVersion(),
                new Parties(org(clinic), org(municipality), gp == null ? null : org(gp), org(referrer), org(center), org(monitorsAfterStart)),
                eligibility, walk.path, walk.otherTasks(), preview.planStart(region), advice, walk.letters(), assumptions);
    }

    /** the decision the model's rule task names, evaluated with that version's rules on the referral's facts and the region's switches */
    private Eligibility eligibility(BpmnModelInstance model, DroolsDecisions decisions, DryRunRequest request, RegionPack region) {
        BusinessRuleTask task = model.getModelElementById(Element.Task_EvaluateInclusionEligibility.id());
        String decision = property(task, "decision").orElseThrow(() -> new IllegalStateException("the rule task names no decision"));
        Map<String, Object> all = preview.ruleInputs(request.facts(), region);
        Map<String, Object> inputs = new HashMap<>();
        for (String input : decisions.inputsOf(decision)) {
            inputs.put(input, all.get(input));
        }
        DecisionResult result = decisions.evaluate(decision, inputs);
        String outcome = result.text("eligibility");
        return new Eligibility(decision, outcome, OUTCOMES.getOrDefault(outcome, outcome), result.text("eligibilityReason"), new TreeMap<>(inputs));
    }

    private OrganisationView require(String field, String id, OrganisationKind kind) {
        return organisations.find(id).filter(o -> o.kind() == kind).orElseThrow(() -> ProblemException.unprocessable(field,
                "no " + kind.name().toLowerCase().replace('_', ' ') + " with id '" + id + "'"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Org org(OrganisationView o) {
        return new Org(o.id(), o.name());
    }

    static Optional<String> property(BaseElement element, String name) {
        if (element.getExtensionElements() == null) {
            return Optional.empty();
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> name.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue).findFirst();
    }

    /** One walk of the model's main path, from the referral's start event to an end event. */
    private final class Walk {

        private final BpmnModelInstance model;
        private final RegionPack region;
        private final OrganisationView clinic;
        private final OrganisationView municipality;
        private final OrganisationView gp;
        private final OrganisationView referrer;
        private final Map<String, String> variables = new HashMap<>(ASSUMED);
        private final Set<String> visited = new LinkedHashSet<>();
        private final Map<String, Integer> arrivals = new HashMap<>();
        final List<Step> path = new ArrayList<>();
        private String phase = Phase.REFERRED.danish();
        private OrganisationView monitoring;

        Walk(BpmnModelInstance model, RegionPack region, OrganisationView clinic, OrganisationView municipality, OrganisationView gp,
             OrganisationView referrer, String eligibility) {
            this.model = model;
            this.region = region;
            this.clinic = clinic;
            this.municipality = municipality;
            this.gp = gp;
            this.referrer = referrer;
            this.monitoring = clinic;
            variables.put("eligibility", eligibility);
        }

        void run() {
            StartEvent start = model.getModelElementById(Element.Event_ReferralReceived.id());
            walk(start);
        }

        private void walk(FlowNode node) {
            if (node instanceof ParallelGateway && node.getIncoming().size() > 1) {
                // a join: on once every branch has arrived, so the steps stay in the order they happen
                int arrived = arrivals.merge(node.getId(), 1, Integer::sum);
                if (arrived < node.getIncoming().size()) {
                    return;
                }
            }
            if (!visited.add(node.getId())) {
                return; // a loop back (the next review, the next period): walked once
            }
            property(node, "phase").ifPresent(p -> phase = Phase.valueOf(p).danish());
            if (node instanceof SubProcess sub && !sub.triggeredByEvent()) {
                sub.getChildElementsByType(StartEvent.class).stream().filter(s -> s.getEventDefinitions().isEmpty())
                        .forEach(this::walk);
                node.getOutgoing().forEach(f -> walk(f.getTarget()));
                return;
            }
            List<SequenceFlow> outgoing = new ArrayList<>(node.getOutgoing());
            if (node instanceof ExclusiveGateway gateway && outgoing.size() > 1) {
                SequenceFlow taken = choose(gateway, outgoing);
                List<Branch> others = outgoing.stream().filter(f -> f != taken).map(Walk::branch).toList();
                boolean byRules = Element.Gateway_EligibilityResult.id().equals(gateway.getId());
                path.add(new Step(phase, gateway.getId(), "DECISION", name(gateway), branch(taken), byRules, others, List.of(), false,
                        byRules ? "Afgjort af inklusionsreglerne" : "Afhænger af en beslutning: antaget"));
                walk(taken.getTarget());
                return;
            }
            record(node);
            if (Element.Task_ConcludeStartup.id().equals(node.getId()) && region.municipalMonitoringAfterStart()) {
                monitoring = municipality;
            }
            outgoing.forEach(f -> walk(f.getTarget()));
        }

        private void record(FlowNode node) {
            if (node instanceof UserTask task) {
                path.add(userTask(task, monitoring, phase));
            } else if (node instanceof ServiceTask task) {
                path.add(new Step(phase, task.getId(), "AUTOMATIC", name(task), null, false, List.of(), List.of(), false,
                        property(task, "letter").flatMap(preview::letter).map(l -> "Brev: " + l.danish() + " til "
                                + String.join(", ", recipients(l).stream().map(Org::name).toList())).orElse(null)));
            } else if (node instanceof BusinessRuleTask task) {
                path.add(new Step(phase, task.getId(), "RULES", name(task), null, false, List.of(), List.of(), false,
                        "Beslutning " + property(task, "decision").orElse("?") + " (rules/)"));
            } else if (node instanceof IntermediateCatchEvent event && !event.getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
                path.add(new Step(phase, event.getId(), "TIMER", name(event), null, false, List.of(), List.of(), false, timer(event)));
            } else if (node instanceof EndEvent end && property(end, "outcome").isPresent()) {
                path.add(new Step(phase, end.getId(), "END", name(end), null, false, List.of(), List.of(), false, null));
            }
        }

        private Step userTask(UserTask task, OrganisationView monitoringOrganisation, String phase) {
            List<Assignee> assignees = assignees(task, monitoringOrganisation);
            boolean contact = task.getCamundaCandidateUsers() != null && task.getCamundaCandidateUsers().contains("team.contactPerson");
            List<String> notes = new ArrayList<>();
            Optional.ofNullable(due(task.getCamundaDueDate())).ifPresent(notes::add);
            if (Element.Task_ConcludeStartup.id().equals(task.getId()) && region.municipalMonitoringAfterStart()) {
                notes.add("Når opstarten afsluttes, overgår monitoreringsansvaret til " + municipality.name() + " (regionens aftale)");
            }
            if (Element.Task_SetMonitoringPlan.id().equals(task.getId())) {
                notes.add("Formularen starter med regionens grænseværdier og revurdering hver " + region.reassessmentIntervalWeeks() + ". uge");
            }
            return new Step(phase, task.getId(), "USER_TASK", name(task), null, false, List.of(), assignees, contact,
                    notes.isEmpty() ? null : String.join(". ", notes));
        }

        private List<Assignee> assignees(UserTask task, OrganisationView monitoringOrganisation) {
            Team.Assumed assumed = new Team.Assumed(clinic.id(), municipality.id(), monitoringOrganisation.id(), region.id());
            return team.groupsFor(task.getCamundaCandidateGroups(), assumed).stream().map(group -> {
                Membership m = Membership.ofGroup(group).orElseThrow();
                String name = organisations.find(m.organisationId()).map(OrganisationView::name).orElse(m.organisationId());
                return new Assignee(group, m.organisationId(), name, m.role().id(), m.role().danish());
            }).toList();
        }

        /** the user tasks off the path, with the teams they would go to once the start-up is over (and during it, where that differs) */
        List<Step> otherTasks() {
            OrganisationView after = region.municipalMonitoringAfterStart() ? municipality : clinic;
            List<Step> steps = new ArrayList<>();
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (visited.contains(task.getId())) {
                    continue;
                }
                Step step = userTask(task, after, situation(task));
                List<Assignee> during = assignees(task, clinic);
                if (!during.equals(step.assignees())) {
                    step = new Step(step.phase(), step.elementId(), step.kind(), step.name(), null, false, List.of(), step.assignees(),
                            step.contactPerson(), join(step.note(), "Under opstartsperioden: "
                            + String.join(", ", during.stream().map(Assignee::danish).toList())));
                }
                steps.add(step);
            }
            return steps;
        }

        /** every letter the model sends, those on the path first */
        List<LetterView> letters() {
            List<LetterView> on = new ArrayList<>();
            List<LetterView> off = new ArrayList<>();
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                property(task, "letter").flatMap(preview::letter).ifPresent(l -> {
                    boolean onPath = visited.contains(task.getId());
                    (onPath ? on : off).add(new LetterView(task.getId(), name(task), l.kind(), l.danish(), recipients(l), onPath));
                });
            }
            on.sort(java.util.Comparator.comparingInt(l -> List.copyOf(visited).indexOf(l.step())));
            on.addAll(off);
            return on;
        }

        private List<Org> recipients(ReferralPreview.LetterKind letter) {
            List<Org> to = new ArrayList<>();
            for (String r : letter.recipients()) {
                switch (r) {
                    case "REFERRER" -> to.add(org(referrer));
                    case "MUNICIPALITY" -> to.add(org(municipality));
                    case "GP_PRACTICE" -> {
                        if (gp != null) {
                            to.add(org(gp));
                        }
                    }
                    default -> throw new IllegalStateException("unknown recipient " + r);
                }
            }
            return to;
        }

        /** the event subprocess a task is in (a red measurement, a readmission …), or the phase of the branch */
        private String situation(UserTask task) {
            for (var parent = task.getParentElement(); parent != null; parent = parent.getParentElement()) {
                if (parent instanceof SubProcess sub && sub.triggeredByEvent()) {
                    return name(sub);
                }
            }
            return "Forgrening";
        }

        private String timer(IntermediateCatchEvent event) {
            TimerEventDefinition timer = event.getChildElementsByType(TimerEventDefinition.class).iterator().next();
            String expression = timer.getTimeDuration() != null ? timer.getTimeDuration().getTextContent() : "";
            var plan = preview.planStart(region);
            if (expression.contains("startupPeriod")) {
                return "Efter opstartsperioden (måleplanen: " + plan.startupDays() + " dage)";
            }
            if (expression.contains("reviewInterval")) {
                return "Hver " + plan.reviewIntervalDays() + ". dag (måleplanen; sættes igen ved opstartens afslutning)";
            }
            if (expression.contains("reassessmentInterval")) {
                return "Hver " + plan.reassessmentIntervalWeeks() + ". uge (regionens revurderingsinterval)";
            }
            return expression;
        }

        /** the first condition that holds on the assumed variables, else the gateway's default flow */
        private SequenceFlow choose(ExclusiveGateway gateway, List<SequenceFlow> outgoing) {
            for (SequenceFlow flow : outgoing) {
                if (flow.getConditionExpression() != null && holds(flow.getConditionExpression().getTextContent(), variables)) {
                    return flow;
                }
            }
            if (gateway.getDefault() != null) {
                return gateway.getDefault();
            }
            throw new IllegalStateException(gateway.getId() + ": no branch holds on the dry run's assumptions " + variables);
        }

        private static Branch branch(SequenceFlow flow) {
            return new Branch(flow.getId(), flow.getName(), name(flow.getTarget()));
        }
    }

    private static final Pattern ATOM = Pattern.compile("\\s*(\\w+)\\s*(?:==\\s*(?:'([^']*)'|(true|false)))?\\s*");

    /**
     * Whether a condition of the model holds on the given variables: the forms the model's conditions
     * take ({@code ${a}}, {@code ${a == 'X'}}, {@code ${a == true}}, joined by {@code ||} or {@code &&});
     * any other holds not, so the walk takes the default flow.
     */
    static boolean holds(String condition, Map<String, String> variables) {
        String c = condition.strip();
        if (!c.startsWith("${") || !c.endsWith("}")) {
            return false;
        }
        c = c.substring(2, c.length() - 1);
        for (String alternative : c.split("\\|\\|")) {
            boolean all = true;
            for (String atom : alternative.split("&&")) {
                Matcher m = ATOM.matcher(atom);
                if (!m.matches()) {
                    return false;
                }
                String value = variables.get(m.group(1));
                String expected = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : "true";
                all &= expected.equals(value);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static String name(FlowNode node) {
        return node.getName() == null || node.getName().isBlank() ? node.getId() : node.getName();
    }

    private static String name(SubProcess node) {
        return node.getName() == null ? node.getId() : node.getName();
    }

    private static String join(String a, String b) {
        return a == null ? b : a + ". " + b;
    }

    private static String due(String dueDate) {
        if (dueDate == null) {
            return null;
        }
        Matcher days = Pattern.compile("dueInWorkingDays\\((\\d+)\\)").matcher(dueDate);
        if (days.find()) {
            return "Frist: " + days.group(1) + " arbejdsdag" + ("1".equals(days.group(1)) ? "" : "e") + " (klinikkernes åbningstid)";
        }
        Matcher within = Pattern.compile("dueWithin\\('PT(\\d+)H'\\)").matcher(dueDate);
        if (within.find()) {
            return "Frist: " + within.group(1) + " timer i klinikkernes åbningstid";
        }
        return null;
    }
}
