package dk.carepath.pathway;

import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.citizen.CitizenView;
import dk.carepath.citizen.Citizens;
import dk.carepath.citizen.CprNumber;
import dk.carepath.citizen.FhirPatients;
import dk.carepath.citizen.InvalidCprNumberException;
import dk.carepath.citizen.NewCitizen;
import dk.carepath.pathway.HeartFailurePathway.Vars;
import dk.carepath.region.OrganisationKind;
import dk.carepath.region.Organisations;
import dk.carepath.region.RegionPack;
import dk.carepath.region.Regions;
import dk.carepath.web.ProblemException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives referrals: registers the citizen, creates the pathway and its referral, and starts the
 * pathway process by message {@code Referral_Received}, all in one transaction. The inclusion
 * rules run asynchronously after the commit, so a referral is never lost to a failing rule.
 */
@Service
public class Referrals {

    private final Citizens citizens;
    private final Organisations organisations;
    private final PathwayRepository pathways;
    private final ReferralRepository referrals;
    private final Pathways pathwayService;
    private final RuntimeService runtime;
    private final Regions regions;
    private final AuditTrail audit;
    private final FhirPatients patients;

    Referrals(Citizens citizens, Organisations organisations, PathwayRepository pathways, ReferralRepository referrals,
              Pathways pathwayService, RuntimeService runtime, Regions regions, AuditTrail audit, FhirPatients patients) {
        this.patients = patients;
        this.citizens = citizens;
        this.organisations = organisations;
        this.pathways = pathways;
        this.referrals = referrals;
        this.pathwayService = pathwayService;
        this.runtime = runtime;
        this.regions = regions;
        this.audit = audit;
    }

    @Transactional
    public PathwayView refer(ReferralRequest request) {
        CprNumber cpr;
        try {
            cpr = CprNumber.of(request.citizen().cpr());
        } catch (InvalidCprNumberException e) {
            throw ProblemException.invalidField("citizen.cpr", e.getMessage());
        }
        requireOrganisation("clinicId", request.clinicId(), OrganisationKind.CLINIC);
        requireOrganisation("citizen.municipalityId", request.citizen().municipalityId(), OrganisationKind.MUNICIPALITY);
        if (request.citizen().gpPracticeId() != null) {
            requireOrganisation("citizen.gpPracticeId", request.citizen().gpPracticeId(), OrganisationKind.GP_PRACTICE);
        }
        if (organisations.find(request.referrerOrganisationId()).isEmpty()) {
            throw ProblemException.unprocessable("referrerOrganisationId", "no organisation with id '" + request.referrerOrganisationId() + "'");
        }
        var details = request.citizen();
        FhirPatients.PatientRef fhirPatient = null;
        if (details.fhirPatient() != null && !details.fhirPatient().isBlank()) {
            fhirPatient = patients.parse(details.fhirPatient().strip()).orElseThrow(() -> ProblemException.invalidField("citizen.fhirPatient",
                    "must be the absolute URL of a Patient of a configured FHIR patient service (" + patients.services() + ")"));
        }
        CitizenView citizen = citizens.registerOrUpdate(new NewCitizen(cpr, details.name(), details.phone(), details.email(), details.address(),
                details.municipalityId(), details.gpPracticeId()));
        pathways.findByActiveCitizenId(citizen.id()).ifPresent(running -> {
            // no id or phase: the referrer may not be one of the organisations that serve the citizen now
            throw ProblemException.conflict("the citizen already has a running pathway; a re-referral of a running pathway is"
                    + " a readmission, reported by the clinic that runs it");
        });

        // the pathway's region is its clinic's: its settings and models are that region's
        RegionPack region = regions.ofOrganisation(request.clinicId());
        Pathway pathway = pathways.saveAndFlush(new Pathway(citizen.id(), region.id(), request.clinicId(), pathwayService.now()));
        // (after the flush: the link's row refers to the citizen's)
        if (fhirPatient != null && patients.link(citizen.id(), fhirPatient, "REFERRAL") == FhirPatients.Link.CONFLICT) {
            throw ProblemException.unprocessable("citizen.fhirPatient", "the patient is linked to another citizen, or the citizen to "
                    + "another patient of that service");
        }
        referrals.save(new Referral(pathway.id(), request.source(), request.referrerOrganisationId(), request.referrerName(),
                request.facts(), region.mitIdRequired(), request.note(), pathwayService.now()));
        audit.changed(AuditAction.CREATE, "referral", citizen.id(), pathway.id(), "source " + request.source());
        pathwayService.record(pathway.id(), JournalKind.REFERRAL, "Henvisning modtaget: " + request.source().danish(), request.note());

        Map<String, Object> variables = new HashMap<>(request.facts().asVariables());
        variables.put(Vars.PATHWAY_ID.name(), pathway.id().toString());
        variables.put(Vars.CITIZEN_ID.name(), citizen.id().toString());
        variables.put(Vars.CITIZEN_LABEL.name(), citizen.label());
        variables.put(Vars.REFERRAL_SOURCE.name(), request.source().name());
        variables.put(Vars.MIT_ID_REQUIRED.name(), region.mitIdRequired());
        variables.put(Vars.REGION.name(), region.id());
        variables.put(Vars.DISCHARGE_REASON.name(), null);
        // the region's own definition: each region's models are deployed under its tenant (region.ModelDeployments)
        runtime.createMessageCorrelation(HeartFailurePathway.Messages.REFERRAL_RECEIVED)
                .tenantId(region.id())
                .processInstanceBusinessKey(pathway.id().toString())
                .setVariables(variables)
                .correlateStartMessage();
        return pathway.view();
    }

    private void requireOrganisation(String field, String id, OrganisationKind kind) {
        try {
            organisations.require(id, kind);
        } catch (ProblemException e) {
            throw ProblemException.unprocessable(field, e.getMessage());
        }
    }
}
