import sys; sys.path.insert(0, __import__('os').path.dirname(__file__))
from bpmn import *

P = Scope("process", "heart-failure-pathway")
TH = ["pulseRedHigh","pulseYellowHigh","pulseYellowLow","pulseRedLow",
      "weightRedHigh","weightYellowHigh","weightYellowLow","weightRedLow",
      "systolicRedHigh","systolicYellowHigh","systolicYellowLow","systolicRedLow",
      "diastolicRedHigh","diastolicYellowHigh","diastolicYellowLow","diastolicRedLow"]

from elements import *

# ---------------------------------------------------------------- referral and inclusion
start(P, "Event_ReferralReceived", "Henvisning modtaget", message="Message_ReferralReceived")
rule = P.add(El("businessRuleTask", "Task_EvaluateInclusionEligibility", "Vurder inklusionskriterier",
    {"camunda:delegateExpression": "${evaluateDecision}", "camunda:asyncBefore": "true"}, "",
    ext(props={"decision": "inclusion-eligibility", "phase": "INCLUSION"},
        listeners=[("end", "${pathway.recordEligibility(execution)}")])))
rule.documentation = "Drools-beslutningen rules/inclusion-eligibility.dmn giver ELIGIBLE, NOT_ELIGIBLE eller NEEDS_JUDGEMENT med begrundelse. Asynkron, så henvisningen er gemt, selv om reglerne fejler (fejlen ses som incident i Cockpit)."
xgw(P, "Gateway_EligibilityResult", "Resultat af inklusionsreglerne?", default="Flow_RuleEligibleOrNeedsJudgement")
user(P, "Task_ConfirmRejection", "Bekræft afvisning af henvisning", "cardiologist", "confirm-rejection",
     fields=[("eligibilityReason", "${eligibilityReason}"), "rejectionDecision", "rejectionReason"],
     outputs=[("rejectionDecision", "${rejectionDecision}")],
     required=["rejectionDecision", "rejectionReason"], choices={"rejectionDecision": "CONFIRM,ASSESS"},
     doc="Reglerne finder borgeren uden for kriterierne. Kardiologen bekræfter afvisningen eller beder om en faglig vurdering alligevel [001: alle, der vurderes at have gavn, kan inkluderes].")
xgw(P, "Gateway_RejectionConfirmed", "Afvisning bekræftet?", default="Flow_AssessDespiteRules")
xgw(P, "Gateway_AssessmentNeeded")
pgw(P, "Gateway_StartAssessments")
user(P, "Task_CardiologicalAssessment", "Kardiologisk vurdering af inklusion", "cardiologist", "cardiological-assessment",
     fields=[("eligibility", "${eligibility}"), ("eligibilityReason", "${eligibilityReason}"), "cardiologistDecision", "cardiologistReason"],
     outputs=[("cardiologistDecision", "${cardiologistDecision}")],
     required=["cardiologistDecision", "cardiologistReason"], choices={"cardiologistDecision": "INCLUDE,REJECT"})
user(P, "Task_NursingAssessment", "Sygeplejefaglig vurdering af inklusion", "hf-nurse", "nursing-assessment",
     fields=[("eligibility", "${eligibility}"), ("eligibilityReason", "${eligibilityReason}"), "nurseDecision", "nurseReason"],
     outputs=[("nurseDecision", "${nurseDecision}")],
     required=["nurseDecision", "nurseReason"], choices={"nurseDecision": "INCLUDE,REJECT"})
pgw(P, "Gateway_AssessmentsDone")
xgw(P, "Gateway_InclusionDecision", "Inkluderes borgeren?", default="Flow_NotIncluded")
xgw(P, "Gateway_Rejected")
letter(P, "Task_InformReferrerOfRejection", "Informér henviser om afvisningen", "REJECTION_NOTICE")
end(P, "Event_ReferralRejected", "Henvisning afvist", outcome="REJECTED")

# ---------------------------------------------------------------- start
plan_fields = ["weightFrequency","pulseFrequency","bloodPressureFrequency","stepsFrequency","proFrequency",
               "measurementTime","referenceWeightKg"] + TH + ["startupDays","reviewIntervalDays","reassessmentIntervalWeeks","expectedDurationMonths","planNote"]
user(P, "Task_SetMonitoringPlan", "Fastlæg måleplan og grænseværdier", "cardiologist", "set-monitoring-plan",
     fields=plan_fields, phase="START", listener="${monitoringPlanForm}", create=True,
     doc="Måletyper, hyppighed og tidspunkt, referencevægt, individuelle grænseværdier (udfyldt med standardtabellen), opstartsperiode, gennemgangs- og revurderingsinterval og forventet varighed [002 §4.2.1].")
pgw(P, "Gateway_StartSetup")
letter(P, "Task_SendInclusionCorrespondence", "Send korrespondance om inklusion til kommune og egen læge", "INCLUSION_NOTICE")
user(P, "Task_InstallKit", "Lever og installer telekit hos borgeren", "service-center", "install-kit",
     fields=["kitNumber", "installedOn", "instructionGiven", "installationNote"], listener="${kitInstallationForm}",
     required=["kitNumber"], doc="Servicecentret leverer, installerer og instruerer; kittets nummer registreres på borgeren [002 §6.1; 001].")
pgw(P, "Gateway_SetupDone")
xgw(P, "Gateway_SetupCheck")
user(P, "Task_CallCitizenAfterSetup", "Ring til borgeren og tjek opsætningen", "${monitoringGroup}", "call-citizen-after-setup",
     fields=["setupStatus", "setupCallNote"], outputs=[("setupStatus", "${setupStatus}"), ("setupProblem", "${setupCallNote}")],
     due="${clinicHours.dueInWorkingDays(1)}", required=["setupStatus"], choices={"setupStatus": "WORKS,NOT_WORKING"},
     doc="Kort efter opsætningen ringer sygeplejersken til borgeren for at sikre, at det tekniske virker [001].")
xgw(P, "Gateway_SetupWorks", "Virker opsætningen?", default="Flow_SetupNotWorking")
user(P, "Task_ResolveSetupProblem", "Løs problem med opsætningen", "service-center", "resolve-setup-problem",
     fields=[("setupProblem", "${setupProblem}"), "resolutionNote"], required=["resolutionNote"])

# ---------------------------------------------------------------- monitoring
M = P.sub("SubProcess_Monitoring", "Telemedicinsk monitorering", props={"phase": "STARTUP_MONITORING"})
start(M, "Event_MonitoringStarted", "Monitorering startet")
timer(M, "Event_StartupPeriodEnded", "Opstartsperiode slut", "timeDuration", "${startupPeriod}")
user(M, "Task_ConcludeStartup", "Afslut opstart: fastsæt individuelle grænseværdier", "hf-nurse,cardiologist", "conclude-startup",
     fields=TH + ["reviewIntervalDays", "startupNote"], listener="${startupConclusionForm}", create=True,
     due="${clinicHours.dueInWorkingDays(2)}",
     doc="Efter 1-2 ugers daglige målinger fastsættes de individuelle grænseværdier og intervallet for gennemgang af målinger [002 §4.2.1].")
xgw(M, "Gateway_CycleStart")
C = M.sub("SubProcess_MonitoringCycle", "Titrering og løbende monitorering", props={"phase": "TITRATION"})
start(C, "Event_CycleStarted", "Periode startet")
pgw(C, "Gateway_CycleFork")
xgw(C, "Gateway_NextReview")
timer(C, "Event_ReviewDue", "Gennemgang af målinger forfalden", "timeDuration", "${reviewInterval}")
user(C, "Task_ReviewMeasurements", "Gennemgå målinger og PRO-svar", "${monitoringGroup}", "review-measurements",
     fields=["medicationChanged", "reviewNote", "nextReviewIntervalDays"], outputs=[("medicationChanged", "${medicationChanged == true}")],
     listener="${measurementReviewForm}", create=True, due="${clinicHours.dueInWorkingDays(1)}",
     doc="Mindst ugentligt i starten, senere sjældnere - evt. kun før konsultationer [002 §4.2.1]. Ved medicinændring opdateres FMK og kommunen orienteres [002 §5.4].")
xgw(C, "Gateway_MedicationChanged", "Medicin ændret?", default="Flow_MedicationUnchanged")
letter(C, "Task_SendTreatmentChangeCorrespondence", "Send korrespondance om behandlingsændring til kommunen", "TREATMENT_CHANGE")
xgw(C, "Gateway_MedicationHandled")
xgw(C, "Gateway_ReviewsContinue", "Flere faste gennemgange?", default="Flow_StopPeriodicReviews")
end(C, "Event_PeriodicReviewsStopped", "Faste gennemgange stoppet indtil revurdering")
timer(C, "Event_ReassessmentDue", "Revurdering forfalden", "timeDuration", "${reassessmentInterval}")
user(C, "Task_Reassess", "Revurdering af forløbet (hver 2.-3. måned)", "cardiologist,hf-nurse", "reassess-pathway",
     fields=["reassessmentOutcome", "treatmentResponsible", "monitoringResponsible", "municipalCourseActive", "municipalCourseEnded", "extensionMonths", "reassessmentNote"],
     outputs=[("reassessmentOutcome", "${reassessmentOutcome}")], phase="REASSESSMENT", priority=60,
     listener="${reassessmentForm}", create=True, due="${clinicHours.after(reassessmentGracePeriod)}",
     required=["reassessmentOutcome", "treatmentResponsible", "monitoringResponsible", "reassessmentNote"],
     choices={"reassessmentOutcome": "CONTINUE,EXTEND,MUNICIPAL_COURSE,HANDOVER,DISCHARGE_TO_GP,DISCHARGE_NON_ADHERENCE",
              "treatmentResponsible": "CLINIC,MUNICIPALITY,GP", "monitoringResponsible": "CLINIC,MUNICIPALITY,NONE"},
     doc="Kardiolog og sygeplejerske vurderer sammen med borgeren udbyttet: fortsæt, forlæng, henvis til kommunalt forløb, overdrag eller afslut - og hvem der herefter har behandlings- og monitoreringsansvaret [002 §4.1, §4.2.1 Varighed].")
timer(C, "Event_ReassessmentOverdue", "Revurdering overskredet", "timeDuration", "${reassessmentGracePeriod}", attached="Task_Reassess", cancel=False)
service(C, "Task_EscalateOverdueReassessment", "Eskalér overskredet revurdering", expression="${pathway.escalateOverdueReassessment(execution)}",
        doc="Hæver revurderingsopgavens prioritet til højeste og markerer forløbet som overskredet (ses i KPI).")
end(C, "Event_OverdueReassessmentEscalated", "Overskredet revurdering eskaleret")
end(C, "Event_CycleEnded", "Revurdering gennemført", terminate=True)
xgw(M, "Gateway_ReassessmentOutcome", "Resultat af revurderingen?")
letter(M, "Task_SendMunicipalCourseReferral", "Send henvisning til kommunalt forløb", "MUNICIPAL_COURSE_REFERRAL")
letter(M, "Task_SendHandoverCorrespondence", "Send korrespondance om overdragelse af monitorering", "HANDOVER_NOTICE")
end(M, "Event_MonitoringEnded", "Monitorering afsluttet")

R = M.sub("EventSubProcess_RedMeasurement", "Rød måling", triggered=True)
start(R, "Event_MeasurementRed", "Rød måling modtaget", message="Message_MeasurementRed", interrupting=False)
user(R, "Task_ReviewRedMeasurement", "Rød måling: kontakt borgeren", "${monitoringGroup}", "review-red-measurement",
     fields=[("measurementId", "${measurementId}"), ("measurementSummary", "${measurementSummary}"), "redAction", "redNote"],
     priority=90, due="${clinicHours.dueWithin('PT2H')}", required=["redAction"],
     choices={"redAction": "ADVICE_GIVEN,MEDICATION_ADJUSTED,PHYSICIAN_CONSULTED,ADMISSION_ARRANGED,NO_ACTION_NEEDED"},
     doc="Høj prioritet, forfalder inden for to timers åbningstid i klinikken. Uden for åbningstid har borgeren fået besked om at følge selvhjælpsguiden og kontakte egen læge, lægevagt eller 112 [002 §4.1].")
end(R, "Event_RedMeasurementHandled", "Rød måling håndteret")

Y = M.sub("EventSubProcess_PersistentYellow", "Vedvarende gul måling", triggered=True)
start(Y, "Event_MeasurementYellowPersistent", "Vedvarende gule målinger", message="Message_MeasurementYellowPersistent", interrupting=False)
user(Y, "Task_FollowUpPersistentYellow", "Vedvarende gule målinger: følg op", "${monitoringGroup}", "follow-up-persistent-yellow",
     fields=[("measurementId", "${measurementId}"), ("measurementSummary", "${measurementSummary}"), "yellowAction", "yellowNote"],
     priority=70, due="${clinicHours.dueInWorkingDays(1)}", required=["yellowAction"],
     choices={"yellowAction": "ADVICE_GIVEN,MEDICATION_ADJUSTED,PHYSICIAN_CONSULTED,NO_ACTION_NEEDED"})
end(Y, "Event_PersistentYellowHandled", "Vedvarende gul måling håndteret")

X = M.sub("EventSubProcess_MissingMeasurements", "Manglende målinger", triggered=True)
start(X, "Event_MeasurementsMissing", "Målinger mangler", message="Message_MeasurementsMissing", interrupting=False)
xgw(X, "Gateway_RepeatedMisses", "Gentagne manglende målinger?", default="Flow_FirstMisses")
user(X, "Task_ContactCitizenAboutMissingMeasurements", "Manglende målinger: kontakt borgeren", "${monitoringGroup}", "contact-citizen-missing-measurements",
     fields=[("missingSummary", "${missingSummary}"), "missingCause", "missingNote"], priority=60,
     due="${clinicHours.dueInWorkingDays(1)}", required=["missingCause"],
     choices={"missingCause": "FORGOTTEN,TECHNICAL_PROBLEM,ILL_OR_ADMITTED,HOLIDAY,NOT_REACHED,OTHER"})
end(X, "Event_MissingMeasurementsHandled", "Borger kontaktet om manglende målinger")
user(X, "Task_ConsiderNonAdherenceDischarge", "Overvej afslutning pga. gentagne manglende målinger", "cardiologist,hf-nurse", "consider-non-adherence-discharge",
     fields=[("missingSummary", "${missingSummary}"), "nonAdherenceDecision", "nonAdherenceReason"],
     outputs=[("nonAdherenceDecision", "${nonAdherenceDecision}")], priority=60, due="${clinicHours.dueInWorkingDays(2)}",
     required=["nonAdherenceDecision", "nonAdherenceReason"], choices={"nonAdherenceDecision": "DISCHARGE,CONTINUE"},
     doc="Borgere, der gentagne gange ikke måler, kan afsluttes pga. manglende motivation eller evne [002 §4.1, Figur 4].")
xgw(X, "Gateway_NonAdherenceDecision", "Afslut forløbet?", default="Flow_KeepMonitoringDespiteMisses")
end(X, "Event_MonitoringContinuesDespiteMisses", "Monitorering fortsætter")
end(X, "Event_NonAdherenceDischargeDecided", "Afslutning besluttet", escalation="Escalation_NonAdherenceDischarge")

Z = M.sub("EventSubProcess_Pause", "Pause i monitoreringen", triggered=True)
start(Z, "Event_PauseRequested", "Pause ønsket", message="Message_PauseRequested", interrupting=False)
service(Z, "Task_PauseMonitoring", "Sæt monitoreringen på pause", expression="${pathway.pauseMonitoring(execution)}",
        doc="Under pausen udløses ingen alarmer for manglende målinger [000].")
timer(Z, "Event_PauseEnded", "Pausen slutter", "timeDate", "${pauseEnd}")
service(Z, "Task_ResumeMonitoring", "Genoptag monitoreringen", expression="${pathway.resumeMonitoring(execution)}")
end(Z, "Event_MonitoringResumed", "Monitorering genoptaget")

A = M.sub("EventSubProcess_Readmission", "Genindlæggelse", triggered=True)
start(A, "Event_ReadmissionReported", "Indlæggelse meldt", message="Message_ReadmissionReported", interrupting=False)
service(A, "Task_ResumeMonitoringInClinic", "Flyt monitoreringen tilbage til klinikken", expression="${pathway.resumeMonitoringInClinic(execution)}",
        doc="Ved forværring og indlæggelse genoptager klinikken telemedicinen [002 §4.1, §5.3].")
user(A, "Task_ReviewAfterReadmission", "Gennemgå forløbet efter indlæggelse", "hf-nurse", "review-after-readmission",
     fields=[("admissionSummary", "${admissionSummary}"), "planAdjusted", "readmissionNote"], priority=70,
     due="${clinicHours.dueInWorkingDays(1)}", required=["readmissionNote"])
end(A, "Event_ReadmissionReviewed", "Forløb gennemgået efter indlæggelse")

P.add(El("boundaryEvent", "Event_NonAdherenceDischargeRequested", "Afslutning pga. manglende målinger",
         {"attachedToRef": "SubProcess_Monitoring", "cancelActivity": "true"},
         '<bpmn:escalationEventDefinition id="Event_NonAdherenceDischargeRequested_Definition" escalationRef="Escalation_NonAdherenceDischarge" />',
         ext(listeners=[("end", "${execution.setVariable('dischargeReason', 'NON_ADHERENCE')}")])))

# ---------------------------------------------------------------- discharge
xgw(P, "Gateway_DischargeStart")
pgw(P, "Gateway_DischargeFork", phase="DISCHARGING")
user(P, "Task_CollectKit", "Hent telekit hos borgeren", "service-center", "collect-kit",
     fields=["kitCollected", "collectedOn", "collectionNote"], listener="${kitCollectionForm}", required=["kitCollected"],
     choices={"kitCollected": "COLLECTED,NOT_FOUND"})
letter(P, "Task_SendDischargeLetter", "Send epikrise til egen læge og korrespondance til kommunen", "DISCHARGE_LETTER")
pgw(P, "Gateway_DischargeJoin")
xgw(P, "Gateway_DischargeReason", "Årsag til afslutning?")
end(P, "Event_DischargedToGp", "Afsluttet til opfølgning hos egen læge", outcome="DISCHARGED_TO_GP")
end(P, "Event_DischargedForNonAdherence", "Afsluttet pga. manglende målinger", outcome="DISCHARGED_NON_ADHERENCE")

# ---------------------------------------------------------------- flows
f = P.flow
f("Flow_ReferralToRules", "Event_ReferralReceived", "Task_EvaluateInclusionEligibility")
f("Flow_RulesEvaluated", "Task_EvaluateInclusionEligibility", "Gateway_EligibilityResult")
f("Flow_RuleNotEligible", "Gateway_EligibilityResult", "Task_ConfirmRejection", "Ikke egnet", "${eligibility == 'NOT_ELIGIBLE'}")
f("Flow_RuleEligibleOrNeedsJudgement", "Gateway_EligibilityResult", "Gateway_AssessmentNeeded", "Egnet eller kræver vurdering")
f("Flow_RejectionDecided", "Task_ConfirmRejection", "Gateway_RejectionConfirmed")
f("Flow_RejectionConfirmed", "Gateway_RejectionConfirmed", "Gateway_Rejected", "Ja, afvis", "${rejectionDecision == 'CONFIRM'}")
f("Flow_AssessDespiteRules", "Gateway_RejectionConfirmed", "Gateway_AssessmentNeeded", "Nej, vurder borgeren")
f("Flow_ToAssessments", "Gateway_AssessmentNeeded", "Gateway_StartAssessments")
f("Flow_ToCardiologicalAssessment", "Gateway_StartAssessments", "Task_CardiologicalAssessment")
f("Flow_ToNursingAssessment", "Gateway_StartAssessments", "Task_NursingAssessment")
f("Flow_CardiologicalAssessed", "Task_CardiologicalAssessment", "Gateway_AssessmentsDone")
f("Flow_NursingAssessed", "Task_NursingAssessment", "Gateway_AssessmentsDone")
f("Flow_AssessmentsDone", "Gateway_AssessmentsDone", "Gateway_InclusionDecision")
f("Flow_Included", "Gateway_InclusionDecision", "Task_SetMonitoringPlan", "Ja, begge inkluderer", "${cardiologistDecision == 'INCLUDE' && nurseDecision == 'INCLUDE'}")
f("Flow_NotIncluded", "Gateway_InclusionDecision", "Gateway_Rejected", "Nej")
f("Flow_ToRejectionNotice", "Gateway_Rejected", "Task_InformReferrerOfRejection")
f("Flow_ReferrerInformed", "Task_InformReferrerOfRejection", "Event_ReferralRejected")
f("Flow_PlanSet", "Task_SetMonitoringPlan", "Gateway_StartSetup")
f("Flow_ToInclusionCorrespondence", "Gateway_StartSetup", "Task_SendInclusionCorrespondence")
f("Flow_ToKitInstallation", "Gateway_StartSetup", "Task_InstallKit")
f("Flow_InclusionCorrespondenceSent", "Task_SendInclusionCorrespondence", "Gateway_SetupDone")
f("Flow_KitInstalled", "Task_InstallKit", "Gateway_SetupDone")
f("Flow_SetupDone", "Gateway_SetupDone", "Gateway_SetupCheck")
f("Flow_ToSetupCall", "Gateway_SetupCheck", "Task_CallCitizenAfterSetup")
f("Flow_SetupCalled", "Task_CallCitizenAfterSetup", "Gateway_SetupWorks")
f("Flow_SetupWorks", "Gateway_SetupWorks", "SubProcess_Monitoring", "Ja", "${setupStatus == 'WORKS'}")
f("Flow_SetupNotWorking", "Gateway_SetupWorks", "Task_ResolveSetupProblem", "Nej")
f("Flow_SetupProblemResolved", "Task_ResolveSetupProblem", "Gateway_SetupCheck")
f("Flow_MonitoringCompleted", "SubProcess_Monitoring", "Gateway_DischargeStart")
f("Flow_NonAdherenceDischarge", "Event_NonAdherenceDischargeRequested", "Gateway_DischargeStart")
f("Flow_ToDischarge", "Gateway_DischargeStart", "Gateway_DischargeFork")
f("Flow_ToKitCollection", "Gateway_DischargeFork", "Task_CollectKit")
f("Flow_ToDischargeLetter", "Gateway_DischargeFork", "Task_SendDischargeLetter")
f("Flow_KitCollected", "Task_CollectKit", "Gateway_DischargeJoin")
f("Flow_DischargeLetterSent", "Task_SendDischargeLetter", "Gateway_DischargeJoin")
f("Flow_DischargeDone", "Gateway_DischargeJoin", "Gateway_DischargeReason")
f("Flow_DischargedToGp", "Gateway_DischargeReason", "Event_DischargedToGp", "Færdigtitreret og stabil", "${dischargeReason == 'TO_GP'}")
f("Flow_DischargedForNonAdherence", "Gateway_DischargeReason", "Event_DischargedForNonAdherence", "Gentagne manglende målinger", "${dischargeReason == 'NON_ADHERENCE'}")

g = M.flow
g("Flow_StartupBegins", "Event_MonitoringStarted", "Event_StartupPeriodEnded")
g("Flow_StartupEnded", "Event_StartupPeriodEnded", "Task_ConcludeStartup")
g("Flow_StartupConcluded", "Task_ConcludeStartup", "Gateway_CycleStart")
g("Flow_ToCycle", "Gateway_CycleStart", "SubProcess_MonitoringCycle")
g("Flow_CycleDone", "SubProcess_MonitoringCycle", "Gateway_ReassessmentOutcome")
g("Flow_ContinueMonitoring", "Gateway_ReassessmentOutcome", "Gateway_CycleStart", "Fortsæt eller forlæng", "${reassessmentOutcome == 'CONTINUE' || reassessmentOutcome == 'EXTEND'}")
g("Flow_ReferToMunicipalCourse", "Gateway_ReassessmentOutcome", "Task_SendMunicipalCourseReferral", "Kommunalt forløb", "${reassessmentOutcome == 'MUNICIPAL_COURSE'}")
g("Flow_HandOverMonitoring", "Gateway_ReassessmentOutcome", "Task_SendHandoverCorrespondence", "Overdrag monitorering", "${reassessmentOutcome == 'HANDOVER'}")
g("Flow_Discharge", "Gateway_ReassessmentOutcome", "Event_MonitoringEnded", "Afslut", "${reassessmentOutcome == 'DISCHARGE_TO_GP' || reassessmentOutcome == 'DISCHARGE_NON_ADHERENCE'}")
g("Flow_MunicipalCourseReferred", "Task_SendMunicipalCourseReferral", "Gateway_CycleStart")
g("Flow_MonitoringHandedOver", "Task_SendHandoverCorrespondence", "Gateway_CycleStart")

h = C.flow
h("Flow_CycleBegins", "Event_CycleStarted", "Gateway_CycleFork")
h("Flow_ToReviews", "Gateway_CycleFork", "Gateway_NextReview")
h("Flow_ToReassessmentTimer", "Gateway_CycleFork", "Event_ReassessmentDue")
h("Flow_WaitForReview", "Gateway_NextReview", "Event_ReviewDue")
h("Flow_ReviewDue", "Event_ReviewDue", "Task_ReviewMeasurements")
h("Flow_Reviewed", "Task_ReviewMeasurements", "Gateway_MedicationChanged")
h("Flow_MedicationChanged", "Gateway_MedicationChanged", "Task_SendTreatmentChangeCorrespondence", "Ja", "${medicationChanged}")
h("Flow_MedicationUnchanged", "Gateway_MedicationChanged", "Gateway_MedicationHandled", "Nej")
h("Flow_TreatmentChangeSent", "Task_SendTreatmentChangeCorrespondence", "Gateway_MedicationHandled")
h("Flow_MedicationHandled", "Gateway_MedicationHandled", "Gateway_ReviewsContinue")
h("Flow_NextReview", "Gateway_ReviewsContinue", "Gateway_NextReview", "Ja", "${periodicReviews}")
h("Flow_StopPeriodicReviews", "Gateway_ReviewsContinue", "Event_PeriodicReviewsStopped", "Nej, først ved revurdering")
h("Flow_ReassessmentDue", "Event_ReassessmentDue", "Task_Reassess")
h("Flow_Reassessed", "Task_Reassess", "Event_CycleEnded")
h("Flow_ReassessmentOverdue", "Event_ReassessmentOverdue", "Task_EscalateOverdueReassessment")
h("Flow_OverdueEscalated", "Task_EscalateOverdueReassessment", "Event_OverdueReassessmentEscalated")

R.flow("Flow_RedToNurse", "Event_MeasurementRed", "Task_ReviewRedMeasurement")
R.flow("Flow_RedReviewed", "Task_ReviewRedMeasurement", "Event_RedMeasurementHandled")
Y.flow("Flow_YellowToNurse", "Event_MeasurementYellowPersistent", "Task_FollowUpPersistentYellow")
Y.flow("Flow_YellowFollowedUp", "Task_FollowUpPersistentYellow", "Event_PersistentYellowHandled")
X.flow("Flow_MissingReceived", "Event_MeasurementsMissing", "Gateway_RepeatedMisses")
X.flow("Flow_FirstMisses", "Gateway_RepeatedMisses", "Task_ContactCitizenAboutMissingMeasurements", "Nej")
X.flow("Flow_RepeatedMisses", "Gateway_RepeatedMisses", "Task_ConsiderNonAdherenceDischarge", "Ja", "${repeatedMisses == true}")
X.flow("Flow_CitizenContacted", "Task_ContactCitizenAboutMissingMeasurements", "Event_MissingMeasurementsHandled")
X.flow("Flow_NonAdherenceConsidered", "Task_ConsiderNonAdherenceDischarge", "Gateway_NonAdherenceDecision")
X.flow("Flow_KeepMonitoringDespiteMisses", "Gateway_NonAdherenceDecision", "Event_MonitoringContinuesDespiteMisses", "Nej, fortsæt")
X.flow("Flow_DischargeForNonAdherence", "Gateway_NonAdherenceDecision", "Event_NonAdherenceDischargeDecided", "Ja, afslut", "${nonAdherenceDecision == 'DISCHARGE'}")
Z.flow("Flow_PauseRequested", "Event_PauseRequested", "Task_PauseMonitoring")
Z.flow("Flow_Paused", "Task_PauseMonitoring", "Event_PauseEnded")
Z.flow("Flow_PauseOver", "Event_PauseEnded", "Task_ResumeMonitoring")
Z.flow("Flow_Resumed", "Task_ResumeMonitoring", "Event_MonitoringResumed")
A.flow("Flow_ReadmissionReported", "Event_ReadmissionReported", "Task_ResumeMonitoringInClinic")
A.flow("Flow_BackInClinic", "Task_ResumeMonitoringInClinic", "Task_ReviewAfterReadmission")
A.flow("Flow_ReadmissionReviewed", "Task_ReviewAfterReadmission", "Event_ReadmissionReviewed")

globals_xml = [
 '<bpmn:message id="Message_ReferralReceived" name="Referral_Received" />',
 '<bpmn:message id="Message_MeasurementRed" name="Measurement_Red" />',
 '<bpmn:message id="Message_MeasurementYellowPersistent" name="Measurement_Yellow_Persistent" />',
 '<bpmn:message id="Message_MeasurementsMissing" name="Measurements_Missing" />',
 '<bpmn:message id="Message_PauseRequested" name="Pause_Requested" />',
 '<bpmn:message id="Message_ReadmissionReported" name="Readmission_Reported" />',
 '<bpmn:escalation id="Escalation_NonAdherenceDischarge" name="Afslutning pga. manglende målinger" escalationCode="NON_ADHERENCE_DISCHARGE" />',
]
import di
POS = {
 "heart-failure-pathway": {
  "Event_ReferralReceived": (0, 1), "Task_EvaluateInclusionEligibility": (1, 1), "Gateway_EligibilityResult": (2, 1),
  "Task_ConfirmRejection": (3, 3), "Gateway_RejectionConfirmed": (4, 3), "Gateway_AssessmentNeeded": (4, 1),
  "Gateway_StartAssessments": (5, 1), "Task_CardiologicalAssessment": (6, 0), "Task_NursingAssessment": (6, 2),
  "Gateway_AssessmentsDone": (7, 1), "Gateway_InclusionDecision": (8, 1), "Gateway_Rejected": (8, 4),
  "Task_InformReferrerOfRejection": (9, 4), "Event_ReferralRejected": (10, 4), "Task_SetMonitoringPlan": (9, 1),
  "Gateway_StartSetup": (10, 1), "Task_SendInclusionCorrespondence": (11, 0), "Task_InstallKit": (11, 2),
  "Gateway_SetupDone": (12, 1), "Gateway_SetupCheck": (13, 1), "Task_CallCitizenAfterSetup": (14, 1),
  "Gateway_SetupWorks": (15, 1), "Task_ResolveSetupProblem": (14, 3), "SubProcess_Monitoring": (16, 0),
  "Event_NonAdherenceDischargeRequested": ("right", 330),
  "Gateway_DischargeStart": (17, 1), "Gateway_DischargeFork": (18, 1), "Task_CollectKit": (19, 0),
  "Task_SendDischargeLetter": (19, 2), "Gateway_DischargeJoin": (20, 1), "Gateway_DischargeReason": (21, 1),
  "Event_DischargedToGp": (22, 1), "Event_DischargedForNonAdherence": (22, 3)},
 "SubProcess_Monitoring": {
  "Event_MonitoringStarted": (0, 1), "Event_StartupPeriodEnded": (1, 1), "Task_ConcludeStartup": (2, 1),
  "Gateway_CycleStart": (3, 1), "SubProcess_MonitoringCycle": (4, 0), "Gateway_ReassessmentOutcome": (5, 1),
  "Event_MonitoringEnded": (6, 1), "Task_SendMunicipalCourseReferral": (4, 6), "Task_SendHandoverCorrespondence": (4, 7)},
 "SubProcess_MonitoringCycle": {
  "Event_CycleStarted": (0, 1), "Gateway_CycleFork": (1, 1), "Gateway_NextReview": (2, 1), "Event_ReviewDue": (3, 1),
  "Task_ReviewMeasurements": (4, 1), "Gateway_MedicationChanged": (5, 1), "Task_SendTreatmentChangeCorrespondence": (6, 0),
  "Gateway_MedicationHandled": (7, 1), "Gateway_ReviewsContinue": (8, 1), "Event_PeriodicReviewsStopped": (9, 1),
  "Event_ReassessmentDue": (2, 2), "Task_Reassess": (4, 2), "Event_CycleEnded": (9, 2),
  "Event_ReassessmentOverdue": ("bottom", 0.5), "Task_EscalateOverdueReassessment": (5, 3), "Event_OverdueReassessmentEscalated": (6, 3)},
 "EventSubProcess_RedMeasurement": {"Event_MeasurementRed": (0, 0), "Task_ReviewRedMeasurement": (1, 0), "Event_RedMeasurementHandled": (2, 0)},
 "EventSubProcess_PersistentYellow": {"Event_MeasurementYellowPersistent": (0, 0), "Task_FollowUpPersistentYellow": (1, 0), "Event_PersistentYellowHandled": (2, 0)},
 "EventSubProcess_MissingMeasurements": {"Event_MeasurementsMissing": (0, 0), "Gateway_RepeatedMisses": (1, 0),
  "Task_ContactCitizenAboutMissingMeasurements": (2, 0), "Event_MissingMeasurementsHandled": (3, 0),
  "Task_ConsiderNonAdherenceDischarge": (2, 1), "Gateway_NonAdherenceDecision": (3, 1),
  "Event_MonitoringContinuesDespiteMisses": (4, 1), "Event_NonAdherenceDischargeDecided": (4, 2)},
 "EventSubProcess_Pause": {"Event_PauseRequested": (0, 0), "Task_PauseMonitoring": (1, 0), "Event_PauseEnded": (2, 0),
  "Task_ResumeMonitoring": (3, 0), "Event_MonitoringResumed": (4, 0)},
 "EventSubProcess_Readmission": {"Event_ReadmissionReported": (0, 0), "Task_ResumeMonitoringInClinic": (1, 0),
  "Task_ReviewAfterReadmission": (2, 0), "Event_ReadmissionReviewed": (3, 0)},
}
HINTS = {
 "Flow_SetupWorks": {"straight": True}, "Flow_MonitoringCompleted": {"straight_from": True},
 "Flow_NonAdherenceDischarge": {"right_then_vertical": True},
 "Flow_ToCycle": {"straight": True}, "Flow_CycleDone": {"straight_from": True},
 "Flow_ContinueMonitoring": {"lane_below": "SubProcess_MonitoringCycle"},
 "Flow_NextReview": {"lane_above": "Task_SendTreatmentChangeCorrespondence"},
}
DI, _ = di.diagram("heart-failure-pathway", P, POS, HINTS)
xml = document("heart-failure-pathway", "Hjertesvigtsforløb (TeleHjerte)", P, globals_xml,
  doc="Telemedicinsk hjemmemonitorering ved hjertesvigt: henvisning, inklusion, opstart, opstartsmonitorering, titrering, revurdering hver 2.-3. måned og afslutning [002 §3-4; 001]. Forretningsnøgle = forløbets id.",
  di_lines=DI)
open(sys.argv[1], "w").write(xml)
