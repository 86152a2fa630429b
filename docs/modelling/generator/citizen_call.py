"""Writes processes/citizen-call.bpmn (run: python3 citizen_call.py processes/citizen-call.bpmn)."""
import sys; sys.path.insert(0, __import__('os').path.dirname(__file__))
from bpmn import *
from elements import *
import di

P = Scope("process", "citizen-call")
OUTCOME = [("start", "${citizenCall.recordOutcome(execution)}")]
NURSES = "municipal-nurse"

def outcome(s, id, name, doc=None):
    e = end(s, id, name, listeners=OUTCOME)
    e.documentation = doc
    return e

# ---------------------------------------------------------------- who answered, phone hours, call-back
e = start(P, "Event_CallReceived", "Borger ringer til kommunen", message="Message_CallReceived")
e.documentation = "Den, der tager telefonen, registrerer opkaldet (POST /api/calls): borger, årsag og besked [000]."
xgw(P, "Gateway_AnsweredBy", "Hvem tog telefonen?", default="Flow_AnsweredByFrontDesk")
service(P, "Task_RegisterMessage", "Registrér besked til opringning", expression="${citizenCall.registerMessage(execution)}",
        doc="Beskeden venter på en sygeplejerskes opringning: inden for kommunens telefontid samme dag, uden for telefontiden "
            "i næste telefontid (efter lukketid: næste hverdag). Borgeren får at vide hvornår [000].")
xgw(P, "Gateway_PhoneHours", "Inden for telefontiden?", default="Flow_OutsidePhoneHours")
timer(P, "Event_PhoneHoursOpen", "Telefontiden åbner", "timeDate", "${callBackFrom}")
xgw(P, "Gateway_CallBackReady")
user(P, "Task_CallCitizenBack", "Ring borgeren op", NURSES, "call-citizen-back",
     fields=[("callMessage", "${callMessage}"), ("callReason", "${callReason}"), ("callbackPhone", "${callbackPhone}"),
             ("callBackPromise", "${callBackPromise}"), "callBackResult", "callBackNote"],
     outputs=[("callBackResult", "${callBackResult}")], due="${callBackDue}", priority=60,
     listener="${callBackForm}", required=["callBackResult"], choices={"callBackResult": "REACHED,NOT_REACHED"},
     doc="En sundhedsfaglig medarbejder ringer borgeren op samme dag som beskeden (uden for telefontiden: næste hverdag) [000].")
xgw(P, "Gateway_CitizenReached", "Borgeren truffet?", default="Flow_CitizenNotReached")
throw(P, "Event_CitizenNotReached", "Borgeren ikke truffet", listeners=OUTCOME)
xgw(P, "Gateway_CallerOnLine")

# ---------------------------------------------------------------- the reason decides the path
H = P.sub("SubProcess_HandleCall", "Håndtér henvendelsen")
start(H, "Event_HandlingStarted", "Sundhedsfaglig medarbejder taler med borgeren")
xgw(H, "Gateway_CallReason", "Årsag til opkaldet?", default="Flow_DeviationReason")
user(H, "Task_AdviseCitizen", "Giv råd og vejledning", NURSES, "advise-citizen", assignee="${handledBy}",
     fields=[("callMessage", "${callMessage}"), ("clinicOpen", "${clinicHours.isOpenNow()}"), ("contactPurpose", "${contactPurpose}"),
             "clinicalOutcome", "adviceNote"],
     outputs=[("clinicalOutcome", "${clinicalOutcome}"), ("contactPurpose", "${contactPurpose}"), ("clinicOpen", "${clinicOpen}")],
     required=["contactPurpose", "clinicalOutcome"],
     choices={"contactPurpose": "CLINICAL_ADVICE,BOOKING,PRESCRIPTION_RENEWAL,SICK_NOTE_EXTENSION",
              "clinicalOutcome": "ADVICE_GIVEN,DETERIORATION"},
     doc="Spørgsmål, råd og vejledning om sygdommen, fx forværring og opstart af behandling [000].")
xgw(H, "Gateway_Deterioration", "Forværring?", default="Flow_NoDeterioration")
outcome(H, "Event_ClinicalAdviceGiven", "Råd og vejledning givet")
xgw(H, "Gateway_ClinicOpen", "Klinikken åben?", default="Flow_ClinicClosed")
outcome(H, "Event_CitizenReferredToClinic", "Borgeren henvist til hjertesvigtsklinikken")
outcome(H, "Event_CitizenReferredToOutOfHoursCare", "Borgeren henvist til egen læge, lægevagt eller 112",
        doc="Telemedicin er ikke et akuttilbud: uden for klinikkens åbningstid kontakter borgeren egen læge, lægevagten eller 112 [002 §4.1].")
user(H, "Task_ClarifyTechnicalProblem", "Afklar det tekniske problem", NURSES, "clarify-technical-problem", assignee="${handledBy}",
     fields=[("callMessage", "${callMessage}"), ("kitSummary", "${citizenCall.kitSummary(citizenId)}"),
             ("supportLine", "${serviceCenter.supportLine()}"), "technicalOutcome", "faultDescription", "technicalNote"],
     outputs=[("technicalOutcome", "${technicalOutcome}"), ("faultDescription", "${faultDescription}")],
     listener="${technicalProblemForm}", required=["technicalOutcome"],
     choices={"technicalOutcome": "USER_RELATED,CITIZEN_CALLS_SUPPORT,FILE_FAULT_REPORT"},
     doc="Tablet eller måleudstyr virker ikke efter hensigten: brugerrelateret eller formentlig defekt [000].")
xgw(H, "Gateway_TechnicalProblem", "Problemets karakter?", default="Flow_UserRelated")
outcome(H, "Event_CitizenGuided", "Borgeren vejledt i udstyret")
outcome(H, "Event_CitizenReferredToSupportLine", "Borgeren ringer selv til support")
service(H, "Task_FileFaultReport", "Fejlmeld telekittet", expression="${citizenCall.fileFaultReport(execution)}",
        doc="\"Fejlmelding af TeleKit\" [000]: starter forløbet equipment-fault hos servicecentret; mens fejlen er åben, "
            "udløses ingen alarmer om manglende målinger.")
outcome(H, "Event_FaultReportFiled", "Telekit fejlmeldt til servicecentret")
user(H, "Task_HandleDeviation", "Håndtér afvigelse fra måletidspunkterne", NURSES, "handle-deviation", assignee="${handledBy}",
     fields=[("callMessage", "${callMessage}"), ("currentMeasurementTime", "${citizenCall.measurementTimeOf(pathwayId)}"),
             "deviationAction", "newMeasurementTime", "pauseLastDay", "deviationNote"],
     outputs=[("deviationAction", "${deviationAction}")],
     listener="${deviationForm}", required=["deviationAction"], choices={"deviationAction": "CHANGE_MEASUREMENT_TIME,PAUSE"},
     doc="Aftalte måletidspunkter kan ikke overholdes (andet tidspunkt, ferie): ændr måletidspunktet i måleplanen eller opret en pause [000].")
xgw(H, "Gateway_DeviationAction", "Nyt tidspunkt eller pause?", default="Flow_ChangeMeasurementTime")
service(H, "Task_ChangeMeasurementTime", "Ændr måletidspunktet i måleplanen", expression="${citizenCall.changeMeasurementTime(execution)}")
outcome(H, "Event_MeasurementTimeChanged", "Måletidspunkt ændret")
service(H, "Task_RequestPause", "Sæt monitoreringen på pause", expression="${citizenCall.requestPause(execution)}",
        doc="Sender Pause_Requested til borgerens forløb: ingen alarmer om manglende målinger, til pausen slutter.")
outcome(H, "Event_PauseRequested", "Pause oprettet i forløbet")

# ---------------------------------------------------------------- contact registration
xgw(P, "Gateway_ReadyToClassify")
rule(P, "Task_ClassifyContact", "Klassificér og registrér kontakten", "contact-registration",
     listeners=[("end", "${citizenCall.recordContactRegistration(execution)}")],
     doc="Drools-beslutningen rules/contact-registration.dmn afgør efter formål og kontaktform, om opkaldet registreres som "
         "telefonkontakt, og med hvilken besøgstype, patientafgift, betalingsmåde og notattype [003]. Gemmes til kontaktstatistikken. "
         "Asynkron, så sygeplejerskens opgave er gemt, selv om reglerne fejler (ses som incident i Cockpit).")
end(P, "Event_CallHandled", "Opkald afsluttet og registreret")

# ---------------------------------------------------------------- flows
f = P.flow
f("Flow_CallToAnswerer", "Event_CallReceived", "Gateway_AnsweredBy")
f("Flow_AnsweredByHealthProfessional", "Gateway_AnsweredBy", "Gateway_CallerOnLine", "Sundhedsfaglig medarbejder: håndteres med det samme",
  "${answeredBy == 'HEALTH_PROFESSIONAL'}")
f("Flow_AnsweredByFrontDesk", "Gateway_AnsweredBy", "Task_RegisterMessage", "Omstilling")
f("Flow_MessageRegistered", "Task_RegisterMessage", "Gateway_PhoneHours")
f("Flow_WithinPhoneHours", "Gateway_PhoneHours", "Gateway_CallBackReady", "Ja: samme dag", "${withinPhoneHours}")
f("Flow_OutsidePhoneHours", "Gateway_PhoneHours", "Event_PhoneHoursOpen", "Nej: næste telefontid")
f("Flow_PhoneHoursOpened", "Event_PhoneHoursOpen", "Gateway_CallBackReady")
f("Flow_ToCallBack", "Gateway_CallBackReady", "Task_CallCitizenBack")
f("Flow_CalledBack", "Task_CallCitizenBack", "Gateway_CitizenReached")
f("Flow_CitizenReached", "Gateway_CitizenReached", "Gateway_CallerOnLine", "Ja", "${callBackResult == 'REACHED'}")
f("Flow_CitizenNotReached", "Gateway_CitizenReached", "Event_CitizenNotReached", "Nej")
f("Flow_NotReachedToRegistration", "Event_CitizenNotReached", "Gateway_ReadyToClassify")
f("Flow_ToHandling", "Gateway_CallerOnLine", "SubProcess_HandleCall")
f("Flow_CallHandled", "SubProcess_HandleCall", "Gateway_ReadyToClassify")
f("Flow_ToClassification", "Gateway_ReadyToClassify", "Task_ClassifyContact")
f("Flow_Classified", "Task_ClassifyContact", "Event_CallHandled")

g = H.flow
g("Flow_HandlingBegins", "Event_HandlingStarted", "Gateway_CallReason")
g("Flow_ClinicalReason", "Gateway_CallReason", "Task_AdviseCitizen", "Sundhedsfagligt", "${callReason == 'CLINICAL'}")
g("Flow_TechnicalReason", "Gateway_CallReason", "Task_ClarifyTechnicalProblem", "Teknisk", "${callReason == 'TECHNICAL'}")
g("Flow_DeviationReason", "Gateway_CallReason", "Task_HandleDeviation", "Afvigelse")
g("Flow_Advised", "Task_AdviseCitizen", "Gateway_Deterioration")
g("Flow_NoDeterioration", "Gateway_Deterioration", "Event_ClinicalAdviceGiven", "Nej")
g("Flow_Deterioration", "Gateway_Deterioration", "Gateway_ClinicOpen", "Ja", "${clinicalOutcome == 'DETERIORATION'}")
g("Flow_ClinicOpen", "Gateway_ClinicOpen", "Event_CitizenReferredToClinic", "Ja", "${clinicOpen}")
g("Flow_ClinicClosed", "Gateway_ClinicOpen", "Event_CitizenReferredToOutOfHoursCare", "Nej")
g("Flow_ProblemClarified", "Task_ClarifyTechnicalProblem", "Gateway_TechnicalProblem")
g("Flow_UserRelated", "Gateway_TechnicalProblem", "Event_CitizenGuided", "Brugerrelateret")
g("Flow_CitizenCallsSupport", "Gateway_TechnicalProblem", "Event_CitizenReferredToSupportLine", "Defekt: borgeren ringer selv",
  "${technicalOutcome == 'CITIZEN_CALLS_SUPPORT'}")
g("Flow_FileFaultReport", "Gateway_TechnicalProblem", "Task_FileFaultReport", "Defekt: personalet fejlmelder",
  "${technicalOutcome == 'FILE_FAULT_REPORT'}")
g("Flow_FaultReportFiled", "Task_FileFaultReport", "Event_FaultReportFiled")
g("Flow_DeviationHandled", "Task_HandleDeviation", "Gateway_DeviationAction")
g("Flow_ChangeMeasurementTime", "Gateway_DeviationAction", "Task_ChangeMeasurementTime", "Nyt måletidspunkt")
g("Flow_RequestPause", "Gateway_DeviationAction", "Task_RequestPause", "Pause", "${deviationAction == 'PAUSE'}")
g("Flow_MeasurementTimeChanged", "Task_ChangeMeasurementTime", "Event_MeasurementTimeChanged")
g("Flow_PauseRequested", "Task_RequestPause", "Event_PauseRequested")

globals_xml = ['<bpmn:message id="Message_CallReceived" name="Call_Received" />']
POS = {
 "citizen-call": {
  "Event_CallReceived": (0, 1), "Gateway_AnsweredBy": (1, 1), "Task_RegisterMessage": (2, 3), "Gateway_PhoneHours": (3, 3),
  "Event_PhoneHoursOpen": (4, 4), "Gateway_CallBackReady": (5, 3), "Task_CallCitizenBack": (6, 3), "Gateway_CitizenReached": (7, 3),
  "Event_CitizenNotReached": (8, 3), "Gateway_CallerOnLine": (8, 1), "SubProcess_HandleCall": (9, 0),
  "Gateway_ReadyToClassify": (10, 1), "Task_ClassifyContact": (11, 1), "Event_CallHandled": (12, 1)},
 "SubProcess_HandleCall": {
  "Event_HandlingStarted": (0, 3), "Gateway_CallReason": (1, 3),
  "Task_AdviseCitizen": (2, 0), "Gateway_Deterioration": (3, 0), "Event_ClinicalAdviceGiven": (5, 0),
  "Gateway_ClinicOpen": (4, 1), "Event_CitizenReferredToClinic": (5, 1), "Event_CitizenReferredToOutOfHoursCare": (5, 2),
  "Task_ClarifyTechnicalProblem": (2, 3), "Gateway_TechnicalProblem": (3, 3), "Event_CitizenGuided": (5, 3),
  "Event_CitizenReferredToSupportLine": (5, 4), "Task_FileFaultReport": (4, 5), "Event_FaultReportFiled": (5, 5),
  "Task_HandleDeviation": (2, 6), "Gateway_DeviationAction": (3, 6), "Task_ChangeMeasurementTime": (4, 6),
  "Event_MeasurementTimeChanged": (5, 6), "Task_RequestPause": (4, 7), "Event_PauseRequested": (5, 7)},
}
HINTS = {
 "Flow_ToHandling": {"straight": True}, "Flow_CallHandled": {"straight_from": True},
 "Flow_NotReachedToRegistration": {"lane_below": "SubProcess_HandleCall"},
}
DI, _ = di.diagram("citizen-call", P, POS, HINTS)
xml = document("citizen-call", "Borgers opkald til kommunen (TeleHjerte)", P, globals_xml, httl="3650",
  doc="Et telefonopkald fra en borger til kommunen om telemedicin [000]: en sundhedsfaglig medarbejder håndterer det med det samme; "
      "omstillingen registrerer en besked, og en sygeplejerske ringer op samme dag (uden for telefontiden næste hverdag). "
      "Årsagen afgør vejen: sundhedsfagligt, teknisk eller afvigelse. Hvert opkald klassificeres til kontaktregistrering [003]. "
      "Forretningsnøgle = opkaldets id.",
  di_lines=DI)
open(sys.argv[1], "w").write(xml)
