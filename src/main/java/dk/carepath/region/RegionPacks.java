package dk.carepath.region;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dk.carepath.calendar.BusinessHours;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a {@code region.yaml} and checks it completely before anything of it is used: every problem
 * is reported at once, naming the file and the field, in English and Danish. A pack with problems
 * is not used; the other regions carry on.
 */
public final class RegionPacks {

    /** A pack as read: usable when it has no problems. */
    public record Read(String file, RegionPack pack, List<RegionPackProblem> problems) {

        public boolean usable() {
            return pack != null && problems.isEmpty();
        }
    }

    static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9-]{1,19}");
    static final Pattern ORGANISATION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** Danish phone numbers as people write them: "98 45 84 84", "+45 7020 3048", "1813" */
    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ]{2,18}[0-9]");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private RegionPacks() {
    }

    /**
     * @param file   the pack's file as the process owner knows it ({@code regions/nord/region.yaml})
     * @param folder the pack's folder name ({@code nord}), which must be its id in lower case
     */
    public static Read read(String file, String folder, InputStream yaml, ZoneId zone) {
        RegionPack pack;
        try {
            pack = YAML.readValue(yaml, RegionPack.class);
        } catch (UnrecognizedPropertyException e) {
            return failed(file, path(e), "unknown field '" + e.getPropertyName() + "' (known: " + known(e) + ")",
                    "ukendt felt '" + e.getPropertyName() + "' (kendte: " + known(e) + ")");
        } catch (InvalidFormatException e) {
            return failed(file, path(e), "'" + e.getValue() + "' is not a " + e.getTargetType().getSimpleName() + allowed(e.getTargetType()),
                    "'" + e.getValue() + "' er ikke en gyldig værdi her" + allowed(e.getTargetType()));
        } catch (JsonMappingException e) {
            return failed(file, path(e), e.getOriginalMessage(), "feltet har en forkert form: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
            return failed(file, where, "not valid YAML: " + e.getOriginalMessage(), "ikke gyldig YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            return failed(file, "", "cannot be read: " + e.getMessage(), "kan ikke læses: " + e.getMessage());
        }
        if (pack == null) {
            return failed(file, "", "is empty", "er tom");
        }
        return new Read(file, pack, check(file, folder, pack, zone));
    }

    private static Read failed(String file, String field, String english, String danish) {
        return new Read(file, null, List.of(new RegionPackProblem(file, field, english, danish)));
    }

    /** Every problem of a pack that parsed; empty when it is complete and consistent. */
    static List<RegionPackProblem> check(String file, String folder, RegionPack p, ZoneId zone) {
        Problems problems = new Problems(file);
        if (p.id() == null || !ID.matcher(p.id()).matches()) {
            problems.add("id", "is required: the region id in capitals, e.g. NORD (letters, digits, '-', at most 20)",
                    "skal udfyldes: regionens id med store bogstaver, fx NORD (bogstaver, tal, '-', højst 20)");
        } else if (folder != null && !p.id().toLowerCase(Locale.ROOT).equals(folder)) {
            problems.add("id", "'" + p.id() + "' must be the folder's name in capitals (" + folder.toUpperCase(Locale.ROOT) + ")",
                    "'" + p.id() + "' skal være mappens navn med store bogstaver (" + folder.toUpperCase(Locale.ROOT) + ")");
        }
        problems.required("name", p.name());
        Map<String, OrganisationKind> organisations = organisations(p, problems);
        hours(problems, "clinics.opening-hours", p.clinics() == null ? null : p.clinics().openingHours(),
                p.clinics() == null ? null : p.clinics().extraClosedDays(), zone, false);
        if (p.municipalities() == null || !p.municipalities().containsKey(RegionPack.DEFAULT_MUNICIPALITY)) {
            problems.add("municipalities.default", "is required: the phone hours of every municipality without its own",
                    "skal udfyldes: telefontiden for alle kommuner uden deres egen");
        }
        if (p.municipalities() != null) {
            p.municipalities().forEach((id, hours) -> {
                String field = "municipalities." + id;
                if (!id.equals(RegionPack.DEFAULT_MUNICIPALITY) && organisations.get(id) != OrganisationKind.MUNICIPALITY) {
                    problems.add(field, "'" + id + "' is not a municipality among the organisations",
                            "'" + id + "' er ikke en kommune blandt organisationerne");
                }
                hours(problems, field + ".phone-hours", hours == null ? null : hours.phoneHours(), hours == null ? null : hours.extraClosedDays(),
                        zone, true);
            });
        }
        RegionPack.ServiceCenter sc = p.serviceCenter();
        if (sc == null) {
            problems.add("service-center", "is required", "skal udfyldes");
        } else {
            if (sc.organisation() == null || organisations.get(sc.organisation()) != OrganisationKind.SERVICE_CENTER) {
                problems.add("service-center.organisation", "must name an organisation of kind SERVICE_CENTER",
                        "skal være id'et på en organisation af typen SERVICE_CENTER");
            }
            problems.required("service-center.name", sc.name());
            problems.phone("service-center.support-phone", sc.supportPhone());
            hours(problems, "service-center.support-hours", sc.supportHours(), sc.extraClosedDays(), zone, false);
            serviceLevel(problems, sc.serviceLevel());
        }
        if (p.outOfHours() == null) {
            problems.add("out-of-hours", "is required: the out-of-hours doctor's phone", "skal udfyldes: lægevagtens telefonnummer");
        } else {
            problems.phone("out-of-hours.phone", p.outOfHours().phone());
        }
        if (p.inclusion() == null || p.inclusion().mitIdRequired() == null) {
            problems.add("inclusion.mit-id-required", "is required: true or false", "skal udfyldes: true eller false");
        }
        if (!"CLINIC".equals(p.monitoringAfterStart()) && !"MUNICIPALITY".equals(p.monitoringAfterStart())) {
            problems.add("monitoring-after-start", "must be CLINIC or MUNICIPALITY, not " + quoted(p.monitoringAfterStart()),
                    "skal være CLINIC eller MUNICIPALITY, ikke " + quoted(p.monitoringAfterStart()));
        }
        if (p.reassessmentIntervalWeeks() == null || p.reassessmentIntervalWeeks() < 8 || p.reassessmentIntervalWeeks() > 13) {
            problems.add("reassessment-interval-weeks", "must be 8 to 13 weeks (every 2-3 months)", "skal være 8 til 13 uger (hver 2.-3. måned)");
        }
        if (p.thresholds() == null) {
            problems.add("thresholds", "is required: the default thresholds per measured value", "skal udfyldes: standardgrænseværdierne pr. måleværdi");
        }
        return problems.list;
    }

    private static Map<String, OrganisationKind> organisations(RegionPack p, Problems problems) {
        Map<String, OrganisationKind> kinds = new java.util.LinkedHashMap<>();
        if (p.organisations() == null || p.organisations().isEmpty()) {
            problems.add("organisations", "is required: the region's organisations", "skal udfyldes: regionens organisationer");
            return kinds;
        }
        for (int i = 0; i < p.organisations().size(); i++) {
            RegionPack.PackOrganisation o = p.organisations().get(i);
            String field = "organisations[" + i + "]";
            if (o.id() == null || !ORGANISATION_ID.matcher(o.id()).matches()) {
                problems.add(field + ".id", "is required: lower case letters, digits and '-', at most 40 (hjerteklinik-aauh)",
                        "skal udfyldes: små bogstaver, tal og '-', højst 40 (hjerteklinik-aauh)");
            } else if (kinds.containsKey(o.id())) {
                problems.add(field + ".id", "'" + o.id() + "' appears twice", "'" + o.id() + "' står der to gange");
            }
            if (o.kind() == null) {
                problems.add(field + ".kind", "is required (" + List.of(OrganisationKind.values()) + ")",
                        "skal udfyldes (" + List.of(OrganisationKind.values()) + ")");
            }
            problems.required(field + ".name", o.name());
            if (o.name() != null && o.name().length() > 200) {
                problems.add(field + ".name", "at most 200 characters", "højst 200 tegn");
            }
            if (o.id() != null && o.kind() != null) {
                kinds.putIfAbsent(o.id(), o.kind());
            }
        }
        for (OrganisationKind needed : List.of(OrganisationKind.REGION, OrganisationKind.CLINIC, OrganisationKind.MUNICIPALITY,
                OrganisationKind.SERVICE_CENTER)) {
            if (!kinds.containsValue(needed)) {
                problems.add("organisations", "needs at least one organisation of kind " + needed,
                        "skal have mindst én organisation af typen " + needed);
            }
        }
        return kinds;
    }

    private static void hours(Problems problems, String field, Map<DayOfWeek, String> week, List<String> extraClosedDays, ZoneId zone,
                              boolean weekdaysOnly) {
        if (week == null || week.isEmpty()) {
            problems.add(field, "is required: e.g. MONDAY: \"08:00-15:30\"", "skal udfyldes: fx MONDAY: \"08:00-15:30\"");
            return;
        }
        if (weekdaysOnly && (week.containsKey(DayOfWeek.SATURDAY) || week.containsKey(DayOfWeek.SUNDAY))) {
            problems.add(field, "a municipality's phone hours are on weekdays only", "en kommunes telefontid ligger kun på hverdage");
        }
        try {
            BusinessHours.of(week, extraClosedDays, zone);
        } catch (RuntimeException e) {
            problems.add(field, e.getMessage() + " (hours as \"08:00-15:30\", closed days as \"12-24\")",
                    "ugyldig: " + e.getMessage() + " (tider som \"08:00-15:30\", lukkedage som \"12-24\")");
        }
    }

    private static void serviceLevel(Problems problems, String level) {
        String field = "service-center.service-level";
        if (level == null || level.isBlank()) {
            problems.add(field, "is required: PT4H (support hours) or P1D (working days)", "skal udfyldes: PT4H (supporttimer) eller P1D (arbejdsdage)");
            return;
        }
        try {
            if (level.startsWith("PT")) {
                if (Duration.parse(level).isNegative() || Duration.parse(level).isZero()) throw new IllegalArgumentException();
            } else {
                Period period = Period.parse(level);
                if (period.getYears() != 0 || period.getMonths() != 0 || period.getDays() < 1) throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            problems.add(field, quoted(level) + " is neither PTnH/PTnM (support hours) nor PnD (working days)",
                    quoted(level) + " er hverken PTnH/PTnM (supporttimer) eller PnD (arbejdsdage)");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String known(UnrecognizedPropertyException e) {
        return e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }

    private static String allowed(Class<?> type) {
        return type.isEnum() ? " (" + List.of(type.getEnumConstants()) + ")" : "";
    }

    private static String quoted(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }

    /** the problems of one pack, collected */
    static final class Problems {
        final String file;
        final List<RegionPackProblem> list = new ArrayList<>();
        final Set<String> fields = new HashSet<>();

        Problems(String file) {
            this.file = file;
        }

        void add(String field, String english, String danish) {
            list.add(new RegionPackProblem(file, field, english, danish));
            fields.add(field);
        }

        void required(String field, String value) {
            if (value == null || value.isBlank()) {
                add(field, "is required", "skal udfyldes");
            }
        }

        void phone(String field, String value) {
            if (value == null || !PHONE.matcher(value.strip()).matches()) {
                add(field, "is required: a phone number as \"98 45 84 84\" or \"+45 7020 3048\"",
                        "skal udfyldes: et telefonnummer som \"98 45 84 84\" eller \"+45 7020 3048\"");
            }
        }
    }
}
