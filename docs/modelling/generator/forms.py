import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from form_builder import F, citizen, in_row
F.OUT = sys.argv[1]
FREQ = [("NONE","Måles ikke"),("DAILY","Dagligt"),("EVERY_OTHER_DAY","Hver anden dag"),("TWICE_WEEKLY","To gange om ugen"),("WEEKLY","Ugentligt")]

def thresholds(f):
    def pulse(g):
        g.num("pulseRedHigh", "Rød ved puls ≥", required=True, min=20, max=250)
        g.num("pulseYellowHigh", "Gul ved puls ≥", required=True, min=20, max=250)
        g.num("pulseYellowLow", "Gul ved puls ≤", required=True, min=20, max=250)
        g.num("pulseRedLow", "Rød ved puls ≤", required=True, min=20, max=250)
        in_row(g.c[-4:])
    def weight(g):
        g.num("weightRedHigh", "Rød ved stigning ≥ (kg)", 1, required=True, min=0.1, max=20)
        g.num("weightYellowHigh", "Gul ved stigning ≥ (kg)", 1, required=True, min=0.1, max=20)
        g.num("weightYellowLow", "Gul ved fald ≤ (kg, negativ)", 1, required=True, min=-20, max=-0.1)
        g.num("weightRedLow", "Rød ved fald ≤ (kg, negativ)", 1, required=True, min=-20, max=-0.1)
        in_row(g.c[-4:])
    def bp(g):
        g.text("Fastsættes individuelt ved titreringsstart; lad felterne stå tomme, hvis blodtryk ikke farves.")
        g.num("systolicRedHigh", "Systolisk rød ≥", min=50, max=300)
        g.num("systolicYellowHigh", "Systolisk gul ≥", min=50, max=300)
        g.num("systolicYellowLow", "Systolisk gul ≤", min=50, max=300)
        g.num("systolicRedLow", "Systolisk rød ≤", min=50, max=300)
        in_row(g.c[-4:])
        g.num("diastolicRedHigh", "Diastolisk rød ≥", min=30, max=200)
        g.num("diastolicYellowHigh", "Diastolisk gul ≥", min=30, max=200)
        g.num("diastolicYellowLow", "Diastolisk gul ≤", min=30, max=200)
        g.num("diastolicRedLow", "Diastolisk rød ≤", min=30, max=200)
        in_row(g.c[-4:])
    f.group("Puls (slag/min)", pulse)
    f.group("Vægt i forhold til referencevægten", weight)
    f.group("Blodtryk (mmHg)", bp)

# 1
f = F("confirm-rejection")
citizen(f, "Bekræft afvisning af henvisning", "Inklusionsreglerne vurderer, at borgeren ikke opfylder kriterierne. En afvisning sendes til henviseren.")
f.ta("eligibilityReason", "Reglernes begrundelse", readonly=True)
f.radio("rejectionDecision", "Beslutning", [("CONFIRM", "Afvis henvisningen"), ("ASSESS", "Vurder borgeren alligevel (faglig vurdering)")], required=True)
f.ta("rejectionReason", "Begrundelse", required=True, desc="Sendes med afvisningen til henviseren")
f.save()
# 2, 3
for fid, title, key, who, intro in [
    ("cardiological-assessment", "Kardiologisk vurdering af inklusion", "cardiologist", "Kardiologens",
     "Hjertesvigt med EF ≤ 40 %, i målgruppen for medicinsk titrering, forventes at kunne forstå og handle på egne værdier [002 §3.1]."),
    ("nursing-assessment", "Sygeplejefaglig vurdering af inklusion", "nurse", "Sygeplejerskens",
     "Kan borgeren håndtere løsningen (evt. med støtte fra pårørende eller kommune), er borgeren interesseret, og kan borgeren måle og indberette? [002 §3.1–3.2]")]:
    f = F(fid)
    citizen(f, title, intro)
    f.tf("eligibility", "Inklusionsreglernes vurdering", readonly=True, desc="ELIGIBLE = egnet, NEEDS_JUDGEMENT = kræver faglig vurdering, NOT_ELIGIBLE = ikke egnet")
    f.ta("eligibilityReason", "Reglernes begrundelse", readonly=True)
    f.radio(key + "Decision", "Beslutning", [("INCLUDE", "Inkluder borgeren"), ("REJECT", "Afvis")], required=True)
    f.ta(key + "Reason", "Begrundelse", required=True)
    f.save()
# 4
f = F("set-monitoring-plan")
citizen(f, "Fastlæg måleplan og grænseværdier", "Grænseværdierne er udfyldt med standardtabellen [002 Skema 1] og kan tilpasses borgeren.")
def types(g):
    g.select("weightFrequency", "Vægt", FREQ, required=True)
    g.select("pulseFrequency", "Puls", FREQ, required=True)
    g.select("bloodPressureFrequency", "Blodtryk", FREQ, required=True)
    for fl in g.c[-3:]: fl["layout"] = {"row": "Row_types1", "columns": 5}
    g.select("stepsFrequency", "Skridt", FREQ, required=True)
    g.select("proFrequency", "PRO/NYHA-spørgeskema", FREQ, required=True)
    for fl in g.c[-2:]: fl["layout"] = {"row": "Row_types2", "columns": 5}
    g.time("measurementTime", "Måletidspunkt", required=True, desc="Om morgenen")
    g.num("referenceWeightKg", "Referencevægt (kg)", 1, min=20, max=300, desc="Påkrævet når vægt måles")
    for fl in g.c[-2:]: fl["layout"] = {"row": "Row_time", "columns": 5}
f.group("Måletyper og hyppighed", types)
thresholds(f)
def rhythm(g):
    g.num("startupDays", "Opstart (dage)", required=True, min=7, max=14, desc="Daglige målinger i 1–2 uger")
    g.num("reviewIntervalDays", "Gennemgang (dage)", required=True, min=1, max=7, desc="Mindst ugentligt i starten")
    g.num("reassessmentIntervalWeeks", "Revurdering (uger)", required=True, min=8, max=13, desc="Hver 2.–3. måned")
    g.num("expectedDurationMonths", "Varighed (mdr.)", required=True, min=1, max=36, desc="Forventet")
    for fl in g.c[-4:]: fl["layout"] = {"row": "Row_rhythm", "columns": 4}
f.group("Forløbets rytme", rhythm)
f.ta("planNote", "Bemærkninger til planen")
f.save()
# 5
f = F("install-kit")
citizen(f, "Lever og installer telekit", "Registrér kittets nummer, så det altid er kendt, hvilket kit borgeren har [001].")
f.tf("kitNumber", "Kitnummer", required=True, minLength=3, maxLength=40)
f.date("installedOn", "Installeret den")
f.cb("instructionGiven", "Borgeren er instrueret i udstyret")
f.ta("installationNote", "Notat")
f.save()
# 6
f = F("call-citizen-after-setup")
citizen(f, "Ring til borgeren og tjek opsætningen", "Kort efter opsætningen: kan borgeren tage målingerne, og kommer de frem?")
f.radio("setupStatus", "Resultat", [("WORKS", "Opsætningen virker"), ("NOT_WORKING", "Virker ikke – send til servicecentret")], required=True)
f.ta("setupCallNote", "Notat", desc="Beskriv problemet, hvis opsætningen ikke virker")
f.save()
# 7
f = F("resolve-setup-problem")
citizen(f, "Løs problem med opsætningen")
f.ta("setupProblem", "Problem meldt af sygeplejersken", readonly=True)
f.ta("resolutionNote", "Hvad er gjort?", required=True)
f.save()
# 8
f = F("conclude-startup")
citizen(f, "Afslut opstart: fastsæt individuelle grænseværdier", "Efter opstartsperiodens daglige målinger fastsættes borgerens individuelle grænseværdier [002 §4.2.1].")
thresholds(f)
f.num("reviewIntervalDays", "Gennemgang af målinger hver (dage)", required=True, min=1, max=7)
f.ta("startupNote", "Notat")
f.save()
# 9
f = F("review-measurements")
citizen(f, "Gennemgå målinger og PRO-svar")
f.cb("medicationChanged", "Medicin ændret (FMK er opdateret)", desc="Kommunen får automatisk korrespondance om behandlingsændringen")
f.num("nextReviewIntervalDays", "Næste gennemgang om (dage)", required=True, min=0, max=28, desc="0 = ingen faste gennemgange før næste revurdering")
f.ta("reviewNote", "Notat")
f.save()
# 10
f = F("reassess-pathway")
citizen(f, "Revurdering af forløbet", "Vurder sammen med borgeren udbyttet af telemedicinen. Ved afslutning skal det være klart, hvem der herefter har behandlingsansvaret [002 §4.2.1].")
f.radio("reassessmentOutcome", "Resultat", [
    ("CONTINUE", "Fortsæt monitoreringen"),
    ("EXTEND", "Forlæng forløbet (svært forløb, fokus på egenomsorg)"),
    ("MUNICIPAL_COURSE", "Henvis til kommunalt forløb (rehabilitering, træning, sygepleje)"),
    ("HANDOVER", "Overdrag monitoreringen"),
    ("DISCHARGE_TO_GP", "Afslut – færdigtitreret og stabil, opfølgning hos egen læge"),
    ("DISCHARGE_NON_ADHERENCE", "Afslut – gentagne manglende målinger")], required=True)
f.num("extensionMonths", "Forlæng med (måneder)", min=1, max=12, hide='=reassessmentOutcome != "EXTEND"')
resp = [("CLINIC", "Hjertesvigtsklinikken"), ("MUNICIPALITY", "Kommunen"), ("GP", "Egen læge")]
f.select("treatmentResponsible", "Behandlingsansvar herefter", resp, required=True)
f.select("monitoringResponsible", "Monitoreringsansvar herefter", [("CLINIC", "Hjertesvigtsklinikken"), ("MUNICIPALITY", "Kommunen"), ("NONE", "Ingen (monitorering ophører)")], required=True)
for fl in f.c[-2:]: fl["layout"] = {"row": "Row_responsibility", "columns": 6}
f.cb("municipalCourseActive", "Borgeren er i et kommunalt forløb", readonly=True)
f.cb("municipalCourseEnded", "Det kommunale forløb er afsluttet", hide="=not(municipalCourseActive)",
     desc="Afslutning til egen læge forudsætter, at et kommunalt forløb er afsluttet")
f.ta("reassessmentNote", "Begrundelse og aftaler med borgeren", required=True)
f.save()
# 11
f = F("collect-kit")
citizen(f, "Hent telekit hos borgeren", "Forløbet er afsluttet; udstyret hentes og klargøres til næste borger.")
f.radio("kitCollected", "Resultat", [("COLLECTED", "Kittet er hentet"), ("NOT_FOUND", "Kittet kunne ikke findes hos borgeren")], required=True)
f.date("collectedOn", "Hentet den")
f.ta("collectionNote", "Notat")
f.save()
# 12, 13
ACT = [("ADVICE_GIVEN", "Borgeren er kontaktet og har fået råd (selvhjælpsguide)"),
       ("MEDICATION_ADJUSTED", "Medicin justeret (FMK opdateret)"),
       ("PHYSICIAN_CONSULTED", "Læge konsulteret"),
       ("ADMISSION_ARRANGED", "Indlæggelse/akut vurdering aftalt"),
       ("NO_ACTION_NEEDED", "Ingen handling nødvendig (fx målefejl)")]
f = F("review-red-measurement")
citizen(f, "Rød måling: kontakt borgeren", "**Høj prioritet.** Borgeren har fået besked om at følge selvhjælpsguiden og uden for åbningstid at kontakte egen læge, lægevagten eller 112.")
f.ta("measurementSummary", "Måling", readonly=True)
f.radio("redAction", "Handling", ACT, required=True)
f.ta("redNote", "Notat")
f.save()
f = F("follow-up-persistent-yellow")
citizen(f, "Vedvarende gule målinger: følg op", "Gule målinger uden bedring trods selvhjælpsguiden.")
f.ta("measurementSummary", "Målinger", readonly=True)
f.radio("yellowAction", "Handling", [a for a in ACT if a[0] != "ADMISSION_ARRANGED"], required=True)
f.ta("yellowNote", "Notat")
f.save()
# 14
f = F("contact-citizen-missing-measurements")
citizen(f, "Manglende målinger: kontakt borgeren")
f.ta("missingSummary", "Manglende målinger", readonly=True)
f.radio("missingCause", "Årsag", [("FORGOTTEN", "Glemt – borgeren måler igen"), ("TECHNICAL_PROBLEM", "Teknisk problem – fejlmeldt til servicecentret"),
    ("ILL_OR_ADMITTED", "Syg eller indlagt"), ("HOLIDAY", "Ferie – pause oprettet"), ("NOT_REACHED", "Borgeren kunne ikke træffes"), ("OTHER", "Andet")], required=True)
f.ta("missingNote", "Notat")
f.save()
# 15
f = F("consider-non-adherence-discharge")
citizen(f, "Overvej afslutning pga. gentagne manglende målinger", "Borgere, der gentagne gange ikke måler, kan afsluttes pga. manglende motivation eller evne [002 §4.1].")
f.ta("missingSummary", "Manglende målinger", readonly=True)
f.radio("nonAdherenceDecision", "Beslutning", [("CONTINUE", "Fortsæt monitoreringen"), ("DISCHARGE", "Afslut forløbet – opfølgning hos egen læge")], required=True)
f.ta("nonAdherenceReason", "Begrundelse", required=True)
f.save()
# 16
f = F("review-after-readmission")
citizen(f, "Gennemgå forløbet efter indlæggelse", "Monitoreringen er flyttet tilbage til hjertesvigtsklinikken.")
f.ta("admissionSummary", "Indlæggelse", readonly=True)
f.cb("planAdjusted", "Måleplan eller grænseværdier er justeret")
f.ta("readmissionNote", "Notat", required=True)
f.save()
print("forms written")
