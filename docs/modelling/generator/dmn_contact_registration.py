"""Writes rules/contact-registration.dmn (run: python3 dmn_contact_registration.py rules/contact-registration.dmn).

The Swedish routine for booking and registering phone contacts [003] as a decision table. Values that
are names in the routine stay Swedish ("Tele", "Generell betalningsbefrielse (Gena)", "Tfn",
"Utanbesöksanteckning", "Ordinarie patientavgift"); the reasons are Danish, for the nurses.
"""
import sys
from xml.sax.saxutils import escape

INPUTS = [  # name, typeRef, label, description
 ("contactPurpose", "string", "Formål", "CLINICAL_ADVICE, BOOKING, PRESCRIPTION_RENEWAL, SICK_NOTE_EXTENSION, TECHNICAL_SUPPORT, MEASUREMENT_DEVIATION"),
 ("contactKind", "string", "Kontaktform", "INCOMING_ANSWERED, CALL_BACK_FROM_QUEUE, CALL_BACK_UNANSWERED, BOOKED_ANSWERED, BOOKED_UNANSWERED"),
 ("withPhysician", "boolean", "Med læge", "Kontakten er med en læge"),
]
OUTPUTS = [  # name, typeRef, label
 ("registeredAsContact", "boolean", "Registreres som kontakt"),
 ("visitType", "string", "Besøgstype"),
 ("patientFee", "number", "Patientafgift (kr.)"),
 ("paymentMethod", "string", "Betalingsmåde"),
 ("noteType", "string", "Notattype"),
 ("followUp", "string", "Opfølgning"),
 ("registrationReason", "string", "Begrundelse"),
]
Q = lambda s: '"' + s + '"'
TELE, GENA, TFN, UTANB = Q("Tele"), Q("Generell betalningsbefrielse (Gena)"), Q("Tfn"), Q("Utanbesöksanteckning")
NO = ["false", "null", "null", "null", "null", "null"]
RULES = [  # id, (purpose, kind, physician), outputs without reason, reason, annotation
 ("Rule_UnansweredBookedCall", ("-", Q("BOOKED_UNANSWERED"), "-"), NO,
  "Booket telefonkontakt, hvor borgeren ikke svarer: ankomstregistreres ikke, da ingen kontakt er gennemført",
  "En bokad telefonkontakt där patienten inte svarar ska inte ankomstregistreras [003 Bokning]"),
 ("Rule_UnansweredCallBack", ("-", Q("CALL_BACK_UNANSWERED"), "-"), ["false", "null", "null", "null", UTANB, "null"],
  "Opringning fra telefonkø, hvor borgeren ikke svarer: ingen kontakt; forsøget dokumenteres som notat uden for besøg",
  "Från telefonkö: utanbesöksanteckning, ingen telefonkontakt [003]; ingen vårdkontakt genomförd [003 Bokning]"),
 ("Rule_BookingCall", (Q("BOOKING"), "-", "-"), NO,
  "Opkald om tidsbestilling tæller ikke som telefonkontakt og registreres ikke",
  "Telefonsamtal avseende tidbokning räknas inte som en telefonkontakt [003]"),
 ("Rule_PrescriptionRenewalCall", (Q("PRESCRIPTION_RENEWAL"), "-", "-"), ["false", "null", "null", "null", "null", Q("WATCH_LIST")],
  "Opkald om receptfornyelse tæller ikke som telefonkontakt; fornyelsen håndteres via bevågning (JO20)",
  "Receptförnyelse räknas inte som telefonkontakt; hanteras via bevakningsfunktionen JO20 [003]"),
 ("Rule_SickNoteExtensionWithoutPhysician", (Q("SICK_NOTE_EXTENSION"), "-", "not(true)"),
  ["false", "null", "null", "null", "null", Q("BOOK_PHYSICIAN_CONTACT")],
  "Forlængelse af sygemelding kræver altid en kontakt med en læge (fysisk eller på afstand), som borgeren betaler for: book en lægekontakt",
  "Förlängning av sjukintyg ska alltid göras i en vårdkontakt med läkare [003]"),
 ("Rule_SickNoteExtensionWithPhysician", (Q("SICK_NOTE_EXTENSION"), "-", "true"),
  ["true", TELE, "null", Q("Ordinarie patientavgift"), TFN, "null"],
  "Lægekontakt om forlængelse af sygemelding: registreres som kontakt; borgeren betaler almindelig patientafgift, og forlængelsen indgår i den",
  "Patient betalar för sin vårdkontakt med läkare; förlängningen ingår i patientavgiften [003]"),
 ("Rule_CallBackFromPhoneQueue", ("-", Q("CALL_BACK_FROM_QUEUE"), "-"), ["false", "null", "null", "null", UTANB, "null"],
  "Når personalet ringer borgeren op fra en telefonkø (her: en besked fra omstillingen), skrives et notat uden for besøg; det registreres ikke som telefonkontakt",
  "Från telefonkö – t ex TeleQ: utanbesöksanteckning, ska inte registreras som telefonkontakt [003]"),
 ("Rule_TechnicalSupportCall", (Q("TECHNICAL_SUPPORT"), "-", "-"), ["false", "null", "null", "null", UTANB, "null"],
  "Teknisk vejledning om udstyret er ikke sundhedsfaglig rådgivning: ikke en telefonkontakt; dokumenteres som notat uden for besøg",
  "Fortolkning: kun rådgivning (AN5/AN24) er en telefonkontakt [003]"),
 ("Rule_MeasurementDeviationCall", (Q("MEASUREMENT_DEVIATION"), "-", "-"), ["false", "null", "null", "null", UTANB, "null"],
  "Nyt måletidspunkt eller pause er planlægning som en tidsbestilling: ikke en telefonkontakt; dokumenteres som notat uden for besøg",
  "Fortolkning: som tidbokning [003]"),
 ("Rule_BookedPhoneContact", (Q("CLINICAL_ADVICE"), Q("BOOKED_ANSWERED"), "-"), ["true", TELE, "0", GENA, TFN, "null"],
  "Booket telefonkontakt med sundhedspersonale: besøgstype Tele, patientafgift 0 kr. (P0), betalingsmåde generel betalingsfritagelse (Gena); journalføres som Tfn",
  "Besöksregistrering av bokad telefonkontakt: Tele, P0, Gena [003]; statistik på journaltyp Tfn [003 Uppföljning]"),
 ("Rule_PhoneAdvice", (Q("CLINICAL_ADVICE"), Q("INCOMING_ANSWERED"), "-"), ["true", TELE, "0", GENA, TFN, "null"],
  "Telefonisk rådgivning fra sundhedspersonale: registreres som telefonkontakt med besøgstype Tele, patientafgift 0 kr. (P0), generel betalingsfritagelse (Gena); journalføres som Tfn",
  "Besöksregistrering av telefonkontakt och rådgivning (AN5/AN24): Tele, P0, Gena [003]"),
 ("Rule_NotInRoutine", ("-", "-", "-"), NO,
  "Kombinationen er ikke beskrevet i rutinen: registreres ikke som kontakt – vurderes manuelt",
  "Alle andre tilfælde"),
]

out = ['<?xml version="1.0" encoding="UTF-8"?>',
 '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" xmlns:di="http://www.omg.org/spec/DMN/20180521/DI/" id="contact-registration" name="contact-registration" namespace="https://carepath.dk/rules/contact-registration" exporter="Carepath" exporterVersion="1">',
 '  <description>Registrering af telefonkontakter efter den svenske rutine [003]: om et opkald registreres som kontakt, og i så fald med hvilken besøgstype, patientafgift, betalingsmåde og notattype. Statistikken tæller journalposter af typen "Tfn".</description>',
 '  <decision id="contact-registration" name="contact-registration">',
 '    <description>Hit policy FIRST: opkald uden svar først, så formål, der aldrig er en kontakt, så opringning fra telefonkø, til sidst rådgivning.</description>',
 '    <variable id="Variable_ContactRegistration" name="contact-registration" />']
cap = lambda n: n[0].upper() + n[1:]
for n, _, _, _ in INPUTS:
    out.append(f'    <informationRequirement id="Requirement_{cap(n)}">\n      <requiredInput href="#InputData_{cap(n)}" />\n    </informationRequirement>')
out.append('    <decisionTable id="Table_ContactRegistration" hitPolicy="FIRST">')
for n, t, label, _ in INPUTS:
    out.append(f'      <input id="Input_{cap(n)}" label="{escape(label)}">\n        <inputExpression id="Input_{cap(n)}_Expression" typeRef="{t}">\n          <text>{n}</text>\n        </inputExpression>\n      </input>')
for n, t, label in OUTPUTS:
    out.append(f'      <output id="Output_{cap(n)}" label="{escape(label)}" name="{n}" typeRef="{t}" />')
for rid, ins, outs, reason, ann in RULES:
    out.append(f'      <rule id="{rid}">\n        <description>{escape(ann)}</description>')
    for i, v in enumerate(ins):
        out.append(f'        <inputEntry id="{rid}_In{i + 1}">\n          <text>{escape(v)}</text>\n        </inputEntry>')
    for (n, _, _), v in zip(OUTPUTS, outs + [Q(reason)]):
        out.append(f'        <outputEntry id="{rid}_{cap(n)}">\n          <text>{escape(v)}</text>\n        </outputEntry>')
    out.append('      </rule>')
out.append('    </decisionTable>')
out.append('  </decision>')
for n, t, label, desc in INPUTS:
    out.append(f'  <inputData id="InputData_{cap(n)}" name="{n}">\n    <description>{escape(label + ": " + desc)}</description>\n    <variable id="InputData_{cap(n)}_Variable" name="{n}" typeRef="{t}" />\n  </inputData>')
out.append('  <dmndi:DMNDI>\n    <dmndi:DMNDiagram id="Diagram_ContactRegistration">')
out.append('      <dmndi:DMNShape id="Shape_ContactRegistration" dmnElementRef="contact-registration">\n        <dc:Bounds height="80" width="180" x="250" y="80" />\n      </dmndi:DMNShape>')
for i, (n, _, _, _) in enumerate(INPUTS):
    x = 100 + i * 180
    out.append(f'      <dmndi:DMNShape id="Shape_InputData_{cap(n)}" dmnElementRef="InputData_{cap(n)}">\n        <dc:Bounds height="45" width="125" x="{x}" y="300" />\n      </dmndi:DMNShape>')
    out.append(f'      <dmndi:DMNEdge id="Edge_Requirement_{cap(n)}" dmnElementRef="Requirement_{cap(n)}">\n        <di:waypoint x="{x + 62}" y="300" />\n        <di:waypoint x="340" y="160" />\n      </dmndi:DMNEdge>')
out.append('    </dmndi:DMNDiagram>\n  </dmndi:DMNDI>')
out.append('</definitions>')
open(sys.argv[1] if len(sys.argv) > 1 else 'rules/contact-registration.dmn', 'w', encoding='utf-8').write("\n".join(out) + "\n")
