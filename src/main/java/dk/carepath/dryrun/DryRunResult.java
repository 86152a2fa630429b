package dk.carepath.dryrun;

import dk.carepath.pathway.ReferralPreview.PlanStart;
import java.util.List;
import java.util.Map;

/**
 * What a referral of a test citizen would do in a region: computed from the region pack, the
 * deployed pathway model and the rules; nothing of it was stored.
 *
 * @param model       the pathway model walked: its key and version
 * @param path        the steps in the order a referral goes through them, on the assumptions listed
 * @param otherTasks  the user tasks off that path (other branches, and those events start: a red measurement, a readmission, …)
 * @param assumptions what the answer assumes, in Danish
 */
record DryRunResult(String region, String regionName, String model, Parties parties, Eligibility eligibility, List<Step> path,
                           List<Step> otherTasks, PlanStart plan, CitizenAdvice citizen, List<LetterView> letters, List<String> assumptions) {

    public record Org(String id, String name) {
    }

    /** @param gpPractice null when the citizen has none; @param monitoringAfterStart who monitors once the start-up is concluded */
    public record Parties(Org clinic, Org municipality, Org gpPractice, Org referrer, Org serviceCenter, Org monitoringAfterStart) {
    }

    /**
     * The inclusion rules' answer for the referral's facts.
     *
     * @param decision the Drools decision the model's rule task names
     * @param outcome  ELIGIBLE, NOT_ELIGIBLE or NEEDS_JUDGEMENT
     */
    public record Eligibility(String decision, String outcome, String danish, String reason, Map<String, Object> inputs) {
    }

    /**
     * One step of the path.
     *
     * @param kind         USER_TASK, AUTOMATIC (a service task), RULES, TIMER, DECISION (a gateway with branches) or END
     * @param chosen       of a DECISION: the branch taken here, and whether the rules decided it (else it is assumed)
     * @param alternatives of a DECISION: the branches not taken
     * @param assignees    of a USER_TASK: who gets it
     * @param contactPerson of a USER_TASK: it goes to the citizen's contact person first, where one is named
     * @param note         what else the region makes of the step (a timer's interval, a handover, a due date)
     */
    public record Step(String phase, String elementId, String kind, String name, Branch chosen, boolean decidedByRules,
                       List<Branch> alternatives, List<Assignee> assignees, boolean contactPerson, String note) {
    }

    public record Branch(String flowId, String name, String target) {
    }

    /** an organisation × role group: who sees and may claim the task */
    public record Assignee(String group, String organisationId, String organisationName, String role, String roleDanish) {

        public String danish() {
            return organisationName + " – " + roleDanish;
        }
    }

    /** what the citizen is told: the service center's line, and what to do on a red, yellow or odd measurement */
    public record CitizenAdvice(String serviceCenter, String supportPhone, String supportLine, String logistics, String outOfHoursPhone,
                                String outOfHours, String red, String yellow, String check) {
    }

    /** @param onPath whether the step that sends it is on the path; @param step the element id of that step */
    public record LetterView(String step, String stepName, String kind, String danish, List<Org> to, boolean onPath) {
    }
}
