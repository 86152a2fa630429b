package dk.carepath.region;

import dk.carepath.calendar.BusinessHours;
import dk.carepath.calendar.RegionCalendars;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The regions Carepath serves, one per region pack ({@code regions/<id>/region.yaml}): every setting
 * that differs between regions is read from here, for the region of the pathway, call or fault at
 * hand, never from one global value. A pack with problems is not used (and its problems are
 * logged and kept for the process owner); the other regions carry on.
 */
@Service
public class Regions implements RegionCalendars {

    private static final Logger log = LoggerFactory.getLogger(Regions.class);
    static final String PACKS = "classpath*:regions/*/region.yaml";

    /** the packs in use by region id; replaced whole when a process owner changes one */
    private final Map<String, RegionPack> packs = new ConcurrentHashMap<>();
    /** the text of each pack in use, as its process owner wrote it */
    private final Map<String, String> texts = new ConcurrentHashMap<>();
    /** the text of each pack as shipped in regions/ */
    private final Map<String, String> shipped = new ConcurrentHashMap<>();
    private final List<RegionPacks.Read> read = new ArrayList<>();
    private final Organisations organisations;
    private final List<RegionPackRule> rules;
    private final ZoneId zone;
    private final Map<String, BusinessHours> hours = new ConcurrentHashMap<>();

    Regions(Organisations organisations, List<RegionPackRule> rules, @Value("${carepath.zone}") ZoneId zone) throws IOException {
        this.organisations = organisations;
        this.rules = rules;
        this.zone = zone;
        Resource[] found = new PathMatchingResourcePatternResolver().getResources(PACKS);
        java.util.Arrays.sort(found, Comparator.comparing(r -> String.valueOf(r.getDescription())));
        for (Resource resource : found) {
            String folder = folderOf(resource);
            String file = "regions/" + folder + "/region.yaml";
            String text;
            try (InputStream in = resource.getInputStream()) {
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            RegionPacks.Read pack = check(file, folder, text);
            read.add(pack);
            if (!pack.usable()) {
                pack.problems().forEach(p -> log.error("region pack not used: {}", p));
            } else if (packs.containsKey(pack.pack().id())) {
                log.error("region pack {} not used: region {} is already {}", file, pack.pack().id(), packs.get(pack.pack().id()).name());
            } else {
                packs.put(pack.pack().id(), pack.pack());
                texts.put(pack.pack().id(), text);
                shipped.put(pack.pack().id(), text);
            }
        }
        log.info("regions in use: {}", new java.util.TreeSet<>(packs.keySet()));
    }

    /** A pack's text read and checked completely, with the other modules' rules. */
    public RegionPacks.Read check(String file, String folder, String text) {
        RegionPacks.Read pack = RegionPacks.read(file, folder,
                new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), zone);
        if (pack.pack() != null && pack.problems().isEmpty()) {
            List<RegionPackProblem> more = new ArrayList<>();
            for (RegionPackRule rule : rules) {
                more.addAll(rule.check(file, pack.pack()));
            }
            pack = new RegionPacks.Read(file, pack.pack(), more);
        }
        return pack;
    }

    /**
     * Puts a checked pack in use at once, in place of the region's current one: every question asked
     * from now on gets its settings (hours are read afresh). The caller has checked it.
     */
    void use(RegionPack pack, String text) {
        hours.keySet().removeIf(key -> key.startsWith(pack.id() + "/"));
        packs.put(pack.id(), pack);
        texts.put(pack.id(), text);
        log.info("region {} changed: now in use as its process owner wrote it", pack.id());
    }

    /** the text of a region's pack as shipped */
    public Optional<String> shippedText(String region) {
        return Optional.ofNullable(region == null ? null : shipped.get(region));
    }

    /** the text of the pack in use for a region */
    public Optional<String> text(String region) {
        return Optional.ofNullable(region == null ? null : texts.get(region));
    }

    private static String folderOf(Resource resource) throws IOException {
        String url = resource.getURL().toString();
        String[] parts = url.split("/");
        return parts[parts.length - 2];
    }

    /** every region pack found, with its problems (empty for those in use) */
    public List<RegionPacks.Read> packs() {
        return List.copyOf(read);
    }

    public List<RegionPack> all() {
        return packs.values().stream().sorted(Comparator.comparing(RegionPack::id)).toList();
    }

    public Optional<RegionPack> find(String region) {
        return Optional.ofNullable(region == null ? null : packs.get(region));
    }

    /**
     * The region's pack; a null region is the only region, where there is one.
     *
     * @throws IllegalStateException when no pack is in use for it: nothing may fall back on another region's settings
     */
    public RegionPack require(String region) {
        if (region == null && packs.size() == 1) {
            return packs.values().iterator().next();
        }
        RegionPack pack = region == null ? null : packs.get(region);
        if (pack == null) {
            throw new IllegalStateException("no region pack is in use for region " + region + " (in use: " + packs.keySet()
                    + "; see regions/<id>/region.yaml and the log for its problems)");
        }
        return pack;
    }

    /** the pack of the region an organisation belongs to */
    public RegionPack ofOrganisation(String organisationId) {
        OrganisationView organisation = organisations.find(organisationId)
                .orElseThrow(() -> new IllegalStateException("unknown organisation " + organisationId));
        return require(organisation.region());
    }

    @Override
    public BusinessHours clinicHours(String region) {
        RegionPack pack = require(region);
        return hours.computeIfAbsent(pack.id() + "/clinics",
                k -> BusinessHours.of(pack.clinics().openingHours(), pack.clinics().extraClosedDays(), zone));
    }

    @Override
    public BusinessHours supportHours(String region) {
        RegionPack pack = require(region);
        return hours.computeIfAbsent(pack.id() + "/service-center",
                k -> BusinessHours.of(pack.serviceCenter().supportHours(), pack.serviceCenter().extraClosedDays(), zone));
    }

    @Override
    public BusinessHours phoneHours(String municipalityId) {
        RegionPack pack = municipalityId == null ? require(null) : ofOrganisation(municipalityId);
        String key = municipalityId != null && pack.municipalities().containsKey(municipalityId) ? municipalityId : RegionPack.DEFAULT_MUNICIPALITY;
        RegionPack.Hours phone = pack.municipalities().get(key);
        return hours.computeIfAbsent(pack.id() + "/municipality/" + key,
                k -> BusinessHours.of(phone.phoneHours(), phone.extraClosedDays(), zone));
    }
}
