package dk.carepath.pathway;

import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.pathway.HeartFailurePathway.Vars;
import dk.carepath.region.OrganisationView;
import dk.carepath.region.Organisations;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the inclusion decision needs on its tasks (the assessments and the confirmation of a rule's
 * rejection): the referral's facts and the rules' answer, in Danish, as task-local variables set when
 * the task is created. The facts leave the process once the rules have read them (need to know:
 * docs/access.md), so they come from the referral record, and only the task's own team reads them.
 */
@Component
class InclusionTaskDetails {

    /** the tasks that decide inclusion */
    static final Set<String> TASKS = Set.of(Element.Task_NursingAssessment.name(), Element.Task_CardiologicalAssessment.name(),
            Element.Task_ConfirmRejection.name());
    static final String REFERRAL_FACTS = "referralFacts";
    static final String ELIGIBILITY_TEXT = "eligibilityText";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final ReferralRepository referrals;
    private final Organisations organisations;
    private final ZoneId zone;

    InclusionTaskDetails(ReferralRepository referrals, Organisations organisations, @Value("${carepath.zone}") ZoneId zone) {
        this.referrals = referrals;
        this.organisations = organisations;
        this.zone = zone;
    }

    void onCreate(DelegateTask task) {
        String pathway = Vars.PATHWAY_ID.get(task);
        if (pathway == null) {
            return;
        }
        referrals.findByPathwayId(UUID.fromString(pathway)).map(Referral::view).ifPresent(referral -> {
            task.setVariableLocal(REFERRAL_FACTS, facts(referral));
            String eligibility = referral.eligibility() != null ? referral.eligibility() : Vars.ELIGIBILITY.get(task);
            String reason = referral.eligibilityReason() != null ? referral.eligibilityReason() : Vars.ELIGIBILITY_REASON.get(task);
            task.setVariableLocal(ELIGIBILITY_TEXT, eligibility(eligibility) + (reason == null || reason.isBlank() ? "" : ": " + reason));
        });
    }

    /** the rules' answer in words */
    static String eligibility(String verdict) {
        if (verdict == null) {
            return "Ikke vurderet";
        }
        return switch (verdict) {
            case "ELIGIBLE" -> "Egnet";
            case "NEEDS_JUDGEMENT" -> "Kræver faglig vurdering";
            case "NOT_ELIGIBLE" -> "Ikke egnet";
            default -> verdict;
        };
    }

    /** one line per fact, as the referral gave it ("ukendt" where it did not) */
    String facts(ReferralView referral) {
        ClinicalFacts f = referral.facts();
        List<String> lines = new ArrayList<>();
        lines.add("Henvist: " + DAY.format(referral.receivedAt().atZone(zone)) + " – " + referral.source().danish()
                + ", " + organisation(referral.referrerOrganisationId())
                + (referral.referrerName() == null || referral.referrerName().isBlank() ? "" : " (" + referral.referrerName() + ")"));
        lines.add("Uddrivningsfraktion (EF): " + (f.ejectionFraction() == null ? "ukendt" : f.ejectionFraction() + " %"));
        lines.add("I målgruppen for medicinsk titrering: " + yesNo(f.titrationTargetGroup()));
        lines.add("Kan forstå og handle på egne værdier: " + yesNo(f.canUnderstandOwnValues()));
        lines.add("Kommunikerer på dansk: " + yesNo(f.communicatesInDanish()));
        lines.add("Kan håndtere løsningen: " + yesNo(f.canHandleSolution()));
        lines.add("Har støtte (pårørende eller kommune): " + yesNo(f.hasSupport()));
        lines.add("Er interesseret: " + yesNo(f.interested()));
        lines.add("Kan måle og indberette: " + yesNo(f.canMeasureAndReport()));
        lines.add("Fast bopæl i regionen: " + yesNo(f.fixedResidenceInRegion()));
        lines.add("Egen læge i regionen: " + yesNo(f.gpInRegion()));
        lines.add("Har MitID: " + yesNo(f.hasMitId()) + (referral.mitIdRequired() ? "" : " (regionen kræver det ikke)"));
        if (referral.note() != null && !referral.note().isBlank()) {
            lines.add("Henviserens bemærkning: " + referral.note());
        }
        return String.join("\n", lines);
    }

    private static String yesNo(Boolean fact) {
        return fact == null ? "ukendt" : fact ? "ja" : "nej";
    }

    private String organisation(String id) {
        return organisations.find(id).map(OrganisationView::name).orElse(id);
    }
}
