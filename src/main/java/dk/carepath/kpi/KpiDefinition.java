package dk.carepath.kpi;

import java.util.Arrays;
import java.util.Optional;

/**
 * The KPIs of docs/kpis.md: id (in the API's paths), Danish name and question, unit, and the
 * default target (overridable per KPI as {@code carepath.kpi.targets.<id>}).
 */
enum KpiDefinition {
    PHASES("phases", "Borgere pr. fase nu", "Hvor mange borgere er i forløb nu, og i hvilken fase?", "borgere", null, 0, true),
    REFERRALS("referrals", "Henvisninger", "Hvor mange henvises, og hvorfra?", "henvisninger", null, 0, true),
    INCLUSION_RATE("inclusion-rate", "Inklusionsrate", "Hvor mange af de vurderede henvisninger inkluderes?", "%", null, 0, true),
    LEAD_REFERRAL_INCLUSION("lead-referral-inclusion", "Henvisning → inklusionsbeslutning (median)",
            "Hvor længe venter en henvist borger på en beslutning?", "dage", Kpi.Comparison.AT_MOST, 7, true),
    LEAD_INCLUSION_KIT("lead-inclusion-kit", "Inklusion → telekit installeret (median)",
            "Hvor hurtigt har en inkluderet borger udstyret?", "dage", Kpi.Comparison.AT_MOST, 5, true),
    LEAD_KIT_FIRST_MEASUREMENT("lead-kit-first-measurement", "Telekit → første måling (median)",
            "Hvor hurtigt måler borgeren efter installationen?", "dage", Kpi.Comparison.AT_MOST, 1, true),
    LEAD_STARTUP_TITRATION("lead-startup-titration", "Opstartsmonitorering → titrering (median)",
            "Hvor længe varer opstarten?", "dage", Kpi.Comparison.AT_MOST, 16, true),
    REASSESSMENTS("reassessments", "Revurderinger til tiden",
            "Bliver borgerne revurderet hver 2.–3. måned, som retningslinjen siger?", "%", Kpi.Comparison.AT_LEAST, 95, true),
    RED_ACTION("red-action", "Røde målinger handlet på inden for to åbningstimer",
            "Hvor hurtigt handler en sygeplejerske på en rød måling?", "%", Kpi.Comparison.AT_LEAST, 90, true),
    ADHERENCE("adherence", "Målinger modtaget af de forventede (median pr. borger)",
            "Måler borgerne, som måleplanen siger?", "%", Kpi.Comparison.AT_LEAST, 80, true),
    MISSING_ALARMS("missing-alarms", "Alarmer for manglende målinger pr. 100 borgerdage",
            "Hvor ofte må en sygeplejerske rykke for målinger?", "pr. 100 borgerdage", Kpi.Comparison.AT_MOST, 5, true),
    OUTCOMES("outcomes", "Afslutninger", "Hvordan ender forløbene, og hvor længe varer de?", "afsluttede forløb", null, 0, true),
    CALLS("calls", "Opkald fra borgere", "Hvor mange ringer til kommunen, og hvordan registreres kontakterne?", "opkald", null, 0, false),
    CALL_BACKS("call-backs", "Tilbagekald holdt samme dag", "Ringer kommunen tilbage den dag, borgeren fik at vide?", "%",
            Kpi.Comparison.AT_LEAST, 95, false),
    KIT_FAULTS("kit-faults", "Fejlmeldinger over serviceniveau", "Hvor mange telekit fejler, byttes, og overholdes serviceniveauet?",
            "%", Kpi.Comparison.AT_MOST, 5, true),
    WORKLOAD("workload", "Åbne opgaver", "Hvor meget arbejde ligger hos hvert team, og hvor længe venter det?", "opgaver", null, 0, false),
    MEASUREMENTS("measurements", "Modtagne målinger", "Hvor mange målinger kommer ind, og i hvilke farver?", "målinger", null, 0, false);

    private final String id;
    private final String danish;
    private final String question;
    private final String unit;
    private final Kpi.Comparison comparison;
    private final double target;
    private final boolean drillDown;

    KpiDefinition(String id, String danish, String question, String unit, Kpi.Comparison comparison, double target, boolean drillDown) {
        this.id = id;
        this.danish = danish;
        this.question = question;
        this.unit = unit;
        this.comparison = comparison;
        this.target = target;
        this.drillDown = drillDown;
    }

    String id() {
        return id;
    }

    String danish() {
        return danish;
    }

    String question() {
        return question;
    }

    String unit() {
        return unit;
    }

    Kpi.Comparison comparison() {
        return comparison;
    }

    double defaultTarget() {
        return target;
    }

    boolean drillDown() {
        return drillDown;
    }

    static Optional<KpiDefinition> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
