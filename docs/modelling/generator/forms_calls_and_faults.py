"""Forms of the user tasks of citizen-call and equipment-fault (run: python3 forms_calls_and_faults.py forms)."""
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from form_builder import F, citizen
F.OUT = sys.argv[1]

REASONS = [("CLINICAL", "Sundhedsfagligt (råd, vejledning, forværring)"), ("TECHNICAL", "Teknisk (tablet eller måleudstyr)"),
           ("DEVIATION", "Afvigelse (måletidspunkter kan ikke overholdes)")]

# ------------------------------------------------------------------ citizen-call
f = F("call-citizen-back")
citizen(f, "Ring borgeren op", "Omstillingen har taget imod en besked fra borgeren. Ring borgeren op inden fristen [000].")
f.ta("callMessage", "Borgerens besked", readonly=True)
f.select("callReason", "Årsag", REASONS, readonly=True)
f.tf("callbackPhone", "Ring op på", readonly=True)
f.ta("callBackPromise", "Borgeren har fået at vide", readonly=True)
f.radio("callBackResult", "Resultat", [("REACHED", "Borgeren er truffet – fortsæt med henvendelsen"),
                                       ("NOT_REACHED", "Borgeren kunne ikke træffes")], required=True,
        desc="Kan borgeren ikke træffes, så læg en besked; borgeren kan ringe igen")
f.ta("callBackNote", "Notat")
f.save()

f = F("advise-citizen")
citizen(f, "Giv råd og vejledning",
        "Ved **forværring**: i hjertesvigtsklinikkens åbningstid henvises borgeren til klinikken; uden for åbningstid til egen læge, "
        "lægevagten eller 112. Telemedicin er ikke et akuttilbud [002 §4.1].")
f.ta("callMessage", "Borgerens henvendelse", readonly=True)
f.cb("clinicOpen", "Hjertesvigtsklinikken har åbent nu", readonly=True)
f.select("contactPurpose", "Opkaldet handlede om", [("CLINICAL_ADVICE", "Råd og vejledning om sygdommen"), ("BOOKING", "Tidsbestilling"),
         ("PRESCRIPTION_RENEWAL", "Receptfornyelse"), ("SICK_NOTE_EXTENSION", "Forlængelse af sygemelding")], required=True,
         desc="Bestemmer, om opkaldet registreres som telefonkontakt")
f.radio("clinicalOutcome", "Resultat", [("ADVICE_GIVEN", "Råd og vejledning givet"),
        ("DETERIORATION", "Forværring: borgeren henvises til klinikken – uden for klinikkens åbningstid til egen læge, lægevagten eller 112")],
        required=True)
f.ta("adviceNote", "Notat")
f.save()

f = F("clarify-technical-problem")
citizen(f, "Afklar det tekniske problem", "Er problemet brugerrelateret, vejleder du borgeren. Er udstyret formentlig defekt, "
        "ringer borgeren selv til support, eller du fejlmelder telekittet her [000].")
f.ta("callMessage", "Borgerens henvendelse", readonly=True)
f.tf("kitSummary", "Borgerens telekit", readonly=True)
f.tf("supportLine", "Support til borgere", readonly=True)
f.radio("technicalOutcome", "Resultat", [("USER_RELATED", "Brugerrelateret: borgeren er vejledt"),
        ("CITIZEN_CALLS_SUPPORT", "Formentlig defekt: borgeren ringer selv til support"),
        ("FILE_FAULT_REPORT", "Formentlig defekt: fejlmeld telekittet nu")], required=True)
f.ta("faultDescription", "Fejlbeskrivelse til servicecentret", hide='=technicalOutcome != "FILE_FAULT_REPORT"',
     desc="Hvad virker ikke? Servicecentret kontakter borgeren", maxLength=2000)
f.ta("technicalNote", "Notat")
f.save()

f = F("handle-deviation")
citizen(f, "Håndtér afvigelse fra måletidspunkterne", "Kan borgeren ikke måle på de aftalte tidspunkter, ændres måletidspunktet "
        "i måleplanen, eller monitoreringen sættes på pause (fx ferie) – under pausen kommer der ingen alarmer om manglende målinger [000].")
f.ta("callMessage", "Borgerens henvendelse", readonly=True)
f.tf("currentMeasurementTime", "Måletidspunkt nu", readonly=True)
f.radio("deviationAction", "Handling", [("CHANGE_MEASUREMENT_TIME", "Ændr måletidspunktet i måleplanen"),
        ("PAUSE", "Opret en pause i monitoreringen")], required=True)
f.time("newMeasurementTime", "Nyt måletidspunkt", hide='=deviationAction != "CHANGE_MEASUREMENT_TIME"')
f.date("pauseLastDay", "Pausens sidste dag", hide='=deviationAction != "PAUSE"', desc="Monitoreringen genoptages dagen efter")
f.ta("deviationNote", "Begrundelse", desc="Fx ferie, indlæggelse, andet måletidspunkt")
f.save()

# ------------------------------------------------------------------ equipment-fault
f = F("contact-citizen-about-fault")
citizen(f, "Kontakt borgeren om fejlen på telekittet", "Kontakt borgeren inden for servicemålet og løs problemet – over telefonen, "
        "ved et besøg i hjemmet eller ved at bytte telekittet. Handler henvendelsen ikke om udstyret, går den videre til "
        "den monitoreringsansvarlige sygeplejerske [002 §6.1].")
f.tf("kitNumber", "Kitnummer", readonly=True)
f.ta("faultDescription", "Fejlmelding", readonly=True)
f.radio("faultAssessment", "Resultat", [("SOLVED_REMOTELY", "Løst over telefonen eller ved fjernsupport"),
        ("HOME_VISIT", "Kræver et besøg i hjemmet"), ("SWAP_KIT", "Kan ikke løses: bestil ombytning af telekittet hos logistik"),
        ("NOT_TECHNICAL", "Ingen fejl ved udstyret (fx spørgsmål om målingerne): send videre til sygeplejersken")], required=True)
f.ta("contactNote", "Notat", desc="Sendes med, hvis henvendelsen går videre til sygeplejersken")
f.save()

f = F("visit-citizen-at-home")
citizen(f, "Besøg borgeren og løs fejlen i hjemmet")
f.tf("kitNumber", "Kitnummer", readonly=True)
f.ta("faultDescription", "Fejlmelding", readonly=True)
f.radio("homeVisitResult", "Resultat", [("SOLVED", "Fejlen er løst ved besøget"), ("SWAP_KIT", "Kan ikke løses: telekittet skal byttes")],
        required=True)
f.ta("visitNote", "Notat")
f.save()

f = F("swap-kit")
citizen(f, "Byt telekittet hos borgeren", "Det nye kitnummer registreres på borgeren; det defekte kit tages med til reparation.")
f.tf("kitNumber", "Defekt kit", readonly=True)
f.tf("newKitNumber", "Nyt kitnummer", required=True, minLength=3, maxLength=40)
f.ta("swapNote", "Notat")
f.save()

f = F("check-measurements-after-swap")
citizen(f, "Nyt telekit hos borgeren: tjek målingerne", "Borgerens telekit er byttet. Tjek, at målingerne fra det nye kit kommer igennem.")
f.tf("kitNumber", "Tidligere kit", readonly=True)
f.tf("newKitNumber", "Nyt kit", readonly=True)
f.radio("newKitCheck", "Resultat", [("MEASUREMENTS_RECEIVED", "Der er modtaget målinger fra det nye kit"),
        ("CITIZEN_CONTACTED", "Borgeren er kontaktet – målingerne følger")], required=True)
f.ta("checkNote", "Notat")
f.save()

f = F("follow-up-non-technical-question")
citizen(f, "Henvendelse om målingerne: kontakt borgeren", "Servicecentret har talt med borgeren: henvendelsen handler ikke om udstyret, "
        "men fx om at forstå målingerne [002 §6.1].")
f.ta("faultDescription", "Borgerens henvendelse", readonly=True)
f.ta("contactNote", "Servicecentrets notat", readonly=True)
f.ta("followUpNote", "Notat", required=True)
f.save()
print("forms written")
