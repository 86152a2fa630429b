"""Writes processes/equipment-fault.bpmn (run: python3 equipment_fault.py processes/equipment-fault.bpmn)."""
import sys; sys.path.insert(0, __import__('os').path.dirname(__file__))
from bpmn import *
from elements import *
import di

P = Scope("process", "equipment-fault")
SC = "service-center"

e = start(P, "Event_FaultReported", "Telekit fejlmeldt", message="Message_FaultReported")
e.documentation = ("\"Fejlmelding af TeleKit\" [000] fra et borgeropkald, fra servicecentret eller en sygeplejerske (POST /api/faults). "
                   "Kittet er markeret defekt; mens fejlen er åben, udløses ingen alarmer om manglende målinger.")
user(P, "Task_ContactCitizenAboutFault", "Kontakt borgeren om fejlen på telekittet", SC, "contact-citizen-about-fault",
     fields=[("kitNumber", "${kitNumber}"), ("faultDescription", "${faultDescription}"), "faultAssessment", "contactNote"],
     outputs=[("faultAssessment", "${faultAssessment}"), ("contactNote", "${contactNote}")],
     due="${serviceLevelDue}", priority=60, listener="${faultNoteForm}", required=["faultAssessment"],
     choices={"faultAssessment": "SOLVED_REMOTELY,HOME_VISIT,SWAP_KIT,NOT_TECHNICAL"},
     doc="Support kontakter borgeren inden for regionens servicemål (carepath.service-center.service-level, talt i supporttiden) "
         "og løser problemet, evt. ved et besøg i hjemmet, ellers bestilles ombytning af telekittet [000; 002 §6.1].")
timer(P, "Event_ServiceLevelBreached", "Servicemål overskredet", "timeDate", "${serviceLevelDue}",
      attached="Task_ContactCitizenAboutFault", cancel=False)
service(P, "Task_EscalateServiceLevelBreach", "Eskalér overskredet servicemål",
        expression="${equipmentFault.escalateServiceLevelBreach(execution)}",
        doc="Hæver opgavens prioritet til højeste (Tasklist-filtret \"Haster\"), markerer fejlen som overskredet (KPI) "
            "og skriver til servicecentrets postkasse.")
end(P, "Event_ServiceLevelBreachEscalated", "Overskredet servicemål eskaleret")
xgw(P, "Gateway_FaultAssessment", "Hvordan løses fejlen?", default="Flow_SolvedRemotely")
user(P, "Task_VisitCitizenAtHome", "Besøg borgeren og løs fejlen i hjemmet", SC, "visit-citizen-at-home",
     fields=[("kitNumber", "${kitNumber}"), ("faultDescription", "${faultDescription}"), "homeVisitResult", "visitNote"],
     outputs=[("homeVisitResult", "${homeVisitResult}")], priority=60, listener="${faultNoteForm}",
     required=["homeVisitResult"], choices={"homeVisitResult": "SOLVED,SWAP_KIT"},
     doc="Den tekniske support kan foregå som et besøg i hjemmet, hvis borgeren har behov for det [002 §6.1].")
xgw(P, "Gateway_HomeVisitResult", "Løst ved besøget?", default="Flow_SolvedAtHome")
xgw(P, "Gateway_FaultSolved")
service(P, "Task_CloseFaultAsSolved", "Afslut fejlen: kittet er i brug igen", expression="${equipmentFault.closeAsSolved(execution)}")
end(P, "Event_FaultSolved", "Fejl løst")
xgw(P, "Gateway_SwapNeeded")
user(P, "Task_SwapKit", "Byt telekittet hos borgeren", SC, "swap-kit",
     fields=[("kitNumber", "${kitNumber}"), "newKitNumber", "swapNote"], listener="${kitSwapForm}", required=["newKitNumber"],
     doc="Logistik bytter telekittet [004 §2]: det nye kitnummer registreres på borgeren, det defekte kit markeres byttet ud til reparation.")
user(P, "Task_CheckMeasurementsAfterSwap", "Nyt telekit hos borgeren: tjek målingerne", "${monitoringGroup}",
     "check-measurements-after-swap",
     fields=[("kitNumber", "${kitNumber}"), ("newKitNumber", "${newKitNumber}"), "newKitCheck", "checkNote"],
     due="${clinicHours.dueInWorkingDays(1)}", priority=60, required=["newKitCheck"],
     choices={"newKitCheck": "MEASUREMENTS_RECEIVED,CITIZEN_CONTACTED"},
     doc="Den monitoreringsansvarlige sygeplejerske får at vide, hvilket kit borgeren nu har, og tjekker, at målingerne kommer igennem.")
end(P, "Event_KitSwapped", "Telekit byttet")
service(P, "Task_CloseFaultAsNotTechnical", "Afslut fejlmeldingen: ingen fejl ved udstyret",
        expression="${equipmentFault.closeAsNotTechnical(execution)}")
user(P, "Task_FollowUpNonTechnicalQuestion", "Henvendelse om målingerne: kontakt borgeren", "${monitoringGroup}",
     "follow-up-non-technical-question",
     fields=[("faultDescription", "${faultDescription}"), ("contactNote", "${contactNote}"), "followUpNote"],
     due="${clinicHours.dueInWorkingDays(1)}", priority=50, required=["followUpNote"],
     doc="Handler borgerens problem ikke om udstyret, men fx om at forstå målingerne, sørger supporten for, at den "
         "monitoreringsansvarlige sygeplejerske bliver kontaktet [002 §6.1].")
end(P, "Event_QuestionPassedToMonitoringNurse", "Henvendelse fulgt op af sygeplejersken")

f = P.flow
f("Flow_ToSupport", "Event_FaultReported", "Task_ContactCitizenAboutFault")
f("Flow_CitizenContacted", "Task_ContactCitizenAboutFault", "Gateway_FaultAssessment")
f("Flow_ServiceLevelBreached", "Event_ServiceLevelBreached", "Task_EscalateServiceLevelBreach")
f("Flow_BreachEscalated", "Task_EscalateServiceLevelBreach", "Event_ServiceLevelBreachEscalated")
f("Flow_SolvedRemotely", "Gateway_FaultAssessment", "Gateway_FaultSolved", "Løst over telefonen")
f("Flow_HomeVisitNeeded", "Gateway_FaultAssessment", "Task_VisitCitizenAtHome", "Besøg i hjemmet", "${faultAssessment == 'HOME_VISIT'}")
f("Flow_SwapOrdered", "Gateway_FaultAssessment", "Gateway_SwapNeeded", "Ombytning", "${faultAssessment == 'SWAP_KIT'}")
f("Flow_NotTechnical", "Gateway_FaultAssessment", "Task_CloseFaultAsNotTechnical", "Ikke en teknisk fejl", "${faultAssessment == 'NOT_TECHNICAL'}")
f("Flow_HomeVisited", "Task_VisitCitizenAtHome", "Gateway_HomeVisitResult")
f("Flow_SolvedAtHome", "Gateway_HomeVisitResult", "Gateway_FaultSolved", "Ja")
f("Flow_SwapAfterHomeVisit", "Gateway_HomeVisitResult", "Gateway_SwapNeeded", "Nej, byt kittet", "${homeVisitResult == 'SWAP_KIT'}")
f("Flow_ToCloseSolvedFault", "Gateway_FaultSolved", "Task_CloseFaultAsSolved")
f("Flow_FaultClosed", "Task_CloseFaultAsSolved", "Event_FaultSolved")
f("Flow_ToSwap", "Gateway_SwapNeeded", "Task_SwapKit")
f("Flow_KitSwapped", "Task_SwapKit", "Task_CheckMeasurementsAfterSwap")
f("Flow_NewKitChecked", "Task_CheckMeasurementsAfterSwap", "Event_KitSwapped")
f("Flow_ToMonitoringNurse", "Task_CloseFaultAsNotTechnical", "Task_FollowUpNonTechnicalQuestion")
f("Flow_QuestionFollowedUp", "Task_FollowUpNonTechnicalQuestion", "Event_QuestionPassedToMonitoringNurse")

globals_xml = ['<bpmn:message id="Message_FaultReported" name="Fault_Reported" />']
POS = {"equipment-fault": {
  "Event_FaultReported": (0, 1), "Task_ContactCitizenAboutFault": (1, 1), "Event_ServiceLevelBreached": ("bottom", 0.5),
  "Task_EscalateServiceLevelBreach": (2, 4), "Event_ServiceLevelBreachEscalated": (3, 4),
  "Gateway_FaultAssessment": (2, 1), "Task_VisitCitizenAtHome": (3, 1), "Gateway_HomeVisitResult": (4, 1),
  "Gateway_FaultSolved": (5, 0), "Task_CloseFaultAsSolved": (6, 0), "Event_FaultSolved": (7, 0),
  "Gateway_SwapNeeded": (5, 2), "Task_SwapKit": (6, 2), "Task_CheckMeasurementsAfterSwap": (7, 2), "Event_KitSwapped": (8, 2),
  "Task_CloseFaultAsNotTechnical": (3, 3), "Task_FollowUpNonTechnicalQuestion": (4, 3),
  "Event_QuestionPassedToMonitoringNurse": (5, 3)}}
DI, _ = di.diagram("equipment-fault", P, POS, {})
xml = document("equipment-fault", "Fejl på telekit (TeleHjerte)", P, globals_xml, httl="3650",
  doc="En fejl på borgerens telekit fra fejlmelding til løsning eller ombytning [000; 004; 002 §6.1]: servicecentret kontakter "
      "borgeren inden for servicemålet, løser fejlen over telefonen eller ved et besøg, eller bytter kittet; den monitoreringsansvarlige "
      "sygeplejerske får det nye kitnummer. Forretningsnøgle = fejlmeldingens id.",
  di_lines=DI)
open(sys.argv[1], "w").write(xml)
