package dk.carepath.pathway;

import dk.carepath.citizen.CitizenView;
import dk.carepath.citizen.Citizens;
import dk.carepath.notify.Letter;
import dk.carepath.region.OrganisationKind;
import dk.carepath.region.OrganisationView;
import dk.carepath.region.Organisations;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The pathway's correspondence, written as a MedCom CareCommunication would carry it (sender,
 * recipient organisation, patient, category, text) so that a MedCom adapter can replace mail
 * later. Mail is not a secure channel: letters identify the citizen by name, birth date and the
 * pathway reference, never by full CPR number.
 */
@Component
class PathwayLetters {

    static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** The letters the model can name in a service task's {@code letter} property. */
    enum Kind {
        REJECTION_NOTICE("Afvisning af henvisningen", To.REFERRER),
        INCLUSION_NOTICE("Borger inkluderet i telemedicinsk hjemmemonitorering", To.MUNICIPALITY, To.GP_PRACTICE),
        TREATMENT_CHANGE("Ændring i behandlingen", To.MUNICIPALITY),
        MUNICIPAL_COURSE_REFERRAL("Henvisning til kommunalt forløb", To.MUNICIPALITY),
        HANDOVER_NOTICE("Overdragelse af monitoreringsansvar", To.MUNICIPALITY, To.GP_PRACTICE),
        DISCHARGE_LETTER("Epikrise og afslutning af forløbet", To.GP_PRACTICE, To.MUNICIPALITY);

        final String danish;
        /** whom {@link #compose} addresses a letter of this kind to (a GP practice only when the citizen has one) */
        final List<To> recipients;

        Kind(String danish, To... recipients) {
            this.danish = danish;
            this.recipients = List.of(recipients);
        }
    }

    /** the parties a letter goes to */
    enum To {
        REFERRER, MUNICIPALITY, GP_PRACTICE
    }

    private final Pathways pathways;
    private final Citizens citizens;
    private final Organisations organisations;
    private final ReferralRepository referrals;
    private final MonitoringPlans plans;

    PathwayLetters(Pathways pathways, Citizens citizens, Organisations organisations, ReferralRepository referrals,
                   MonitoringPlans plans) {
        this.pathways = pathways;
        this.citizens = citizens;
        this.organisations = organisations;
        this.referrals = referrals;
        this.plans = plans;
    }

    /**
     * The letters of a kind for a pathway, one per recipient.
     *
     * @param occurrence distinguishes letters of a kind that may go more than once (a treatment
     *                   change); null for once-only letters
     */
    List<Letter> compose(Kind kind, UUID pathwayId, String occurrence, String dischargeReason) {
        PathwayView pathway = pathways.require(pathwayId);
        CitizenView citizen = citizens.require(pathway.citizenId());
        OrganisationView clinic = organisations.require(pathway.clinicId(), OrganisationKind.CLINIC);
        OrganisationView municipality = organisations.require(citizen.municipalityId(), OrganisationKind.MUNICIPALITY);
        Optional<OrganisationView> gp = organisations.find(citizen.gpPracticeId());
        List<Letter> letters = new ArrayList<>();
        switch (kind) {
            case REJECTION_NOTICE -> {
                Referral referral = referrals.findByPathwayId(pathwayId).orElseThrow();
                OrganisationView referrer = organisations.find(referral.referrerOrganisationId())
                        .orElseThrow(() -> new IllegalStateException("referrer " + referral.referrerOrganisationId() + " is not registered"));
                var view = referral.view();
                letters.add(letter(kind, pathway, citizen, clinic, referrer, occurrence,
                        "Henvisning til telemedicinsk hjemmemonitorering er ikke imødekommet",
                        "Henvisningen af borgeren til telemedicinsk hjemmemonitorering ved hjertesvigt (TeleHjerte) er vurderet og ikke imødekommet.\n\n"
                                + "Inklusionsreglernes vurdering: " + nullToDash(view.eligibilityReason()) + "\n"
                                + "Klinikkens vurdering og begrundelse fremgår af forløbets journal; kontakt klinikken ved spørgsmål.\n"
                                + "Borgeren kan genhenvises ved ændringer i tilstanden."));
            }
            case INCLUSION_NOTICE -> {
                String body = citizen.name() + " er inkluderet i telemedicinsk hjemmemonitorering (TeleHjerte) ved " + clinic.name() + ".\n\n"
                        + responsibility(pathway) + "\n" + planSummary(pathwayId) + "\n"
                        + "Servicecentret leverer og installerer måleudstyret hos borgeren.\n"
                        + "Telemedicin er ikke et akuttilbud: uden for klinikkens åbningstid kontakter borgeren egen læge, lægevagten eller 112.";
                letters.add(letter(kind, pathway, citizen, clinic, municipality, occurrence, "Borger inkluderet i telemedicinsk hjemmemonitorering", body));
                gp.ifPresent(g -> letters.add(letter(kind, pathway, citizen, clinic, g, occurrence, "Borger inkluderet i telemedicinsk hjemmemonitorering", body)));
            }
            case TREATMENT_CHANGE -> letters.add(letter(kind, pathway, citizen, clinic, municipality, occurrence,
                    "Ændring i behandlingen",
                    "Behandlingen af " + citizen.name() + " er ændret i forbindelse med titrering. Det Fælles Medicinkort (FMK) er opdateret.\n\n"
                            + responsibility(pathway)));
            case MUNICIPAL_COURSE_REFERRAL -> letters.add(letter(kind, pathway, citizen, clinic, municipality, occurrence,
                    "Henvisning til kommunalt forløb",
                    citizen.name() + " henvises til kommunalt forløb (rehabilitering, træning eller sygepleje) som led i det telemedicinske hjertesvigtsforløb.\n\n"
                            + "Behandlingsansvaret forbliver hos " + clinic.name() + ", indtil det kommunale forløb er afsluttet.\n"
                            + responsibility(pathway)));
            case HANDOVER_NOTICE -> {
                String body = "Monitoreringsansvaret for " + citizen.name() + " er overdraget.\n\n" + responsibility(pathway);
                letters.add(letter(kind, pathway, citizen, clinic, municipality, occurrence, "Overdragelse af monitoreringsansvar", body));
                gp.ifPresent(g -> letters.add(letter(kind, pathway, citizen, clinic, g, occurrence, "Overdragelse af monitoreringsansvar", body)));
            }
            case DISCHARGE_LETTER -> {
                String why = "NON_ADHERENCE".equals(dischargeReason)
                        ? "Forløbet er afsluttet, fordi borgeren gentagne gange ikke har målt (manglende motivation eller evne)."
                        : "Borgeren er færdigtitreret og stabil, og et eventuelt kommunalt forløb er afsluttet.";
                String text = why + "\n\nBehandlingsansvaret overgår til egen læge. Den telemedicinske monitorering ophører, og udstyret hentes af servicecentret.\n"
                        + "Ved forværring kan egen læge genhenvise til hjertesvigtsklinikken.";
                gp.ifPresent(g -> letters.add(letter(kind, pathway, citizen, clinic, g, occurrence,
                        "Epikrise: afslutning af telemedicinsk hjertesvigtsforløb", text)));
                letters.add(letter(kind, pathway, citizen, clinic, municipality, occurrence,
                        "Afslutning af telemedicinsk hjertesvigtsforløb", text));
            }
        }
        return letters;
    }

    private String responsibility(PathwayView pathway) {
        return "Behandlingsansvar: " + pathway.treatmentResponsible().danish()
                + ". Monitoreringsansvar: " + pathway.monitoringResponsible().danish() + ".";
    }

    private String planSummary(UUID pathwayId) {
        return plans.forPathway(pathwayId).map(plan -> "Måleplan: "
                + plan.measurements().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .map(e -> e.getKey().danish() + " " + e.getValue().danish().toLowerCase())
                        .collect(Collectors.joining(", "))
                + ", kl. " + plan.measurementTime() + ". Forventet varighed til " + DANISH_DATE.format(plan.expectedEndDate()) + ".")
                .orElse("");
    }

    private Letter letter(Kind kind, PathwayView pathway, CitizenView citizen, OrganisationView from, OrganisationView to,
                          String occurrence, String subject, String text) {
        if (to.mailAddress() == null || to.mailAddress().isBlank()) {
            throw new IllegalStateException(to.name() + " (" + to.id() + ") has no mail address; register one to send " + kind);
        }
        String body = "Til: " + to.name() + "\n"
                + "Fra: " + from.name() + (from.mailAddress() == null ? "" : " <" + from.mailAddress() + ">") + "\n"
                + "Kategori: Telemedicin – hjertesvigt (korrespondancemeddelelse)\n"
                + "Borger: " + citizen.name() + ", født " + DANISH_DATE.format(citizen.cpr().birthDate()) + "\n"
                + "Forløbsreference: " + pathway.id() + "\n\n"
                + text + "\n\nMed venlig hilsen\n" + from.name() + "\n";
        String dedup = pathway.id() + ":" + kind + ":" + to.id() + (occurrence == null ? "" : ":" + occurrence);
        return new Letter(dedup, pathway.id(), kind.name(), to.id(), to.mailAddress(), "TeleHjerte: " + subject, body);
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }
}
