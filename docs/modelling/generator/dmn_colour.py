"""Writes rules/measurement-colour.dmn: one FIRST-hit table, one block of rules per measurement type."""
import sys
from xml.sax.saxutils import escape

inputs = [("type", "string", "Målingens type (WEIGHT, PULSE, BLOOD_PRESSURE, STEPS, PRO_QUESTIONNAIRE)"),
          ("value", "number", "Værdi: vægt (kg), puls (/min), systolisk tryk (mmHg), skridt, NYHA-klasse (1-4)"),
          ("value2", "number", "Diastolisk tryk (mmHg) for blodtryk"),
          ("referenceWeight", "number", "Borgerens referencevægt (kg)"),
          ("symptoms", "string", "PRO-symptomer, kommasepareret (fx MORE_BREATHLESS,SWOLLEN_LEGS)")]
for g, t in [("pulse", "puls"), ("weight", "vægt"), ("systolic", "systolisk tryk"), ("diastolic", "diastolisk tryk")]:
    for lvl, d in [("RedHigh", "rød øvre"), ("YellowHigh", "gul øvre"), ("YellowLow", "gul nedre"), ("RedLow", "rød nedre")]:
        inputs.append((g + lvl, "number", f"Grænseværdi {t}, {d}"))

cols = [("Input_Type", "Type", "type", "string"),
        ("Input_Value", "Værdi", "value", "number"),
        ("Input_WeightChange", "Vægtændring ift. referencevægt (kg)",
         "value - referenceWeight", "number"),
        ("Input_Diastolic", "Diastolisk (mmHg)", "value2", "number"),
        ("Input_BloodPressureThresholds", "Blodtryksgrænser sat", "systolicRedHigh != null and diastolicRedHigh != null", "boolean"),
        ("Input_SymptomSeverity", "Symptomer",
         'if symptoms = null or symptoms = "" then "NONE" else if contains(symptoms, "CHEST_PAIN") or contains(symptoms, "FAINTING") '
         'or contains(symptoms, "BREATHLESS_AT_REST") then "SEVERE" else "MODERATE"', "string")]
KEYS = ["type", "value", "change", "dia", "bp", "sym"]

def r(rid, colour, reason, threshold, **cond):
    return (rid, cond, colour, reason, threshold)

P, W, B = '"PULSE"', '"WEIGHT"', '"BLOOD_PRESSURE"'
rules = [
 r("Rule_PulseImplausible", "CHECK", "Usandsynlig puls – kontrollér målingen", "plausibility", type=P, value="< 30, > 220"),
 r("Rule_PulseAtOrAboveRedHigh", "RED", "Puls ved eller over rød øvre grænse", "pulseRedHigh", type=P, value=">= pulseRedHigh"),
 r("Rule_PulseAtOrBelowRedLow", "RED", "Puls ved eller under rød nedre grænse", "pulseRedLow", type=P, value="<= pulseRedLow"),
 r("Rule_PulseAtOrAboveYellowHigh", "YELLOW", "Puls ved eller over gul øvre grænse", "pulseYellowHigh", type=P, value=">= pulseYellowHigh"),
 r("Rule_PulseAtOrBelowYellowLow", "YELLOW", "Puls ved eller under gul nedre grænse", "pulseYellowLow", type=P, value="<= pulseYellowLow"),
 r("Rule_PulseWithinThresholds", "GREEN", "Puls inden for grænserne", "none", type=P),
 r("Rule_WeightWithoutReference", "CHECK", "Ingen referencevægt – vægten kan ikke farves", "referenceWeight", type=W, change="null"),
 r("Rule_WeightChangeImplausible", "CHECK", "Vægtændring over 15 kg – kontrollér målingen", "plausibility", type=W, change="< -15, > 15"),
 r("Rule_WeightGainAtOrAboveRedHigh", "RED", "Vægtstigning ved eller over rød grænse", "weightRedHigh", type=W, change=">= weightRedHigh"),
 r("Rule_WeightLossAtOrBelowRedLow", "RED", "Vægttab ved eller under rød grænse", "weightRedLow", type=W, change="<= weightRedLow"),
 r("Rule_WeightGainAtOrAboveYellowHigh", "YELLOW", "Vægtstigning ved eller over gul grænse", "weightYellowHigh", type=W, change=">= weightYellowHigh"),
 r("Rule_WeightLossAtOrBelowYellowLow", "YELLOW", "Vægttab ved eller under gul grænse", "weightYellowLow", type=W, change="<= weightYellowLow"),
 r("Rule_WeightWithinThresholds", "GREEN", "Vægt inden for grænserne", "none", type=W),
 r("Rule_SystolicImplausible", "CHECK", "Usandsynligt systolisk tryk – kontrollér målingen", "plausibility", type=B, value="< 70, > 250"),
 r("Rule_DiastolicImplausible", "CHECK", "Usandsynligt diastolisk tryk – kontrollér målingen", "plausibility", type=B, dia="< 35, > 150"),
 r("Rule_BloodPressureWithoutThresholds", "UNCOLOURED", "Ingen individuelle blodtryksgrænser", "none", type=B, bp="false"),
 r("Rule_SystolicAtOrAboveRedHigh", "RED", "Systolisk tryk ved eller over rød øvre grænse", "systolicRedHigh", type=B, value=">= systolicRedHigh"),
 r("Rule_SystolicAtOrBelowRedLow", "RED", "Systolisk tryk ved eller under rød nedre grænse", "systolicRedLow", type=B, value="<= systolicRedLow"),
 r("Rule_DiastolicAtOrAboveRedHigh", "RED", "Diastolisk tryk ved eller over rød øvre grænse", "diastolicRedHigh", type=B, dia=">= diastolicRedHigh"),
 r("Rule_DiastolicAtOrBelowRedLow", "RED", "Diastolisk tryk ved eller under rød nedre grænse", "diastolicRedLow", type=B, dia="<= diastolicRedLow"),
 r("Rule_SystolicAtOrAboveYellowHigh", "YELLOW", "Systolisk tryk ved eller over gul øvre grænse", "systolicYellowHigh", type=B, value=">= systolicYellowHigh"),
 r("Rule_SystolicAtOrBelowYellowLow", "YELLOW", "Systolisk tryk ved eller under gul nedre grænse", "systolicYellowLow", type=B, value="<= systolicYellowLow"),
 r("Rule_DiastolicAtOrAboveYellowHigh", "YELLOW", "Diastolisk tryk ved eller over gul øvre grænse", "diastolicYellowHigh", type=B, dia=">= diastolicYellowHigh"),
 r("Rule_DiastolicAtOrBelowYellowLow", "YELLOW", "Diastolisk tryk ved eller under gul nedre grænse", "diastolicYellowLow", type=B, dia="<= diastolicYellowLow"),
 r("Rule_BloodPressureWithinThresholds", "GREEN", "Blodtryk inden for grænserne", "none", type=B),
 r("Rule_StepsImplausible", "CHECK", "Over 50.000 skridt – kontrollér målingen", "plausibility", type='"STEPS"', value="> 50000"),
 r("Rule_StepsAreNotColoured", "UNCOLOURED", "Skridt farves ikke", "none", type='"STEPS"'),
 r("Rule_NyhaClassFour", "RED", "NYHA-klasse IV: symptomer i hvile", "nyhaClass", type='"PRO_QUESTIONNAIRE"', value="4"),
 r("Rule_SevereSymptoms", "RED", "Alvorlige symptomer (brystsmerter, besvimelse eller åndenød i hvile)", "symptoms", type='"PRO_QUESTIONNAIRE"', sym='"SEVERE"'),
 r("Rule_NyhaClassThree", "YELLOW", "NYHA-klasse III: symptomer ved let aktivitet", "nyhaClass", type='"PRO_QUESTIONNAIRE"', value="3"),
 r("Rule_WorseningSymptoms", "YELLOW", "Forværrede symptomer (åndenød, hævede ben, træthed eller vægtøgning)", "symptoms", type='"PRO_QUESTIONNAIRE"', sym='"MODERATE"'),
 r("Rule_NoWorryingAnswers", "GREEN", "Ingen bekymrende svar", "none", type='"PRO_QUESTIONNAIRE"'),
]


# one decision table per measurement type, so that a colour evaluates only the rules of its type
TABLES = [
  ("pulse-colour", "Puls", "PULSE", ["value"] + [f"pulse{l}" for l in ("RedHigh", "YellowHigh", "YellowLow", "RedLow")],
   [("Input_PulseValue", "Puls (/min)", "value", "number")], ["value"]),
  ("weight-colour", "Vægt", "WEIGHT", ["value", "referenceWeight"] + [f"weight{l}" for l in ("RedHigh", "YellowHigh", "YellowLow", "RedLow")],
   [("Input_WeightChange", "Vægtændring ift. referencevægt (kg)", "value - referenceWeight", "number")], ["change"]),
  ("blood-pressure-colour", "Blodtryk", "BLOOD_PRESSURE", ["value", "value2"] + [f"{g}{l}" for g in ("systolic", "diastolic") for l in ("RedHigh", "YellowHigh", "YellowLow", "RedLow")],
   [("Input_Systolic", "Systolisk (mmHg)", "value", "number"), ("Input_Diastolic", "Diastolisk (mmHg)", "value2", "number"),
    ("Input_BloodPressureThresholds", "Blodtryksgrænser sat", "systolicRedHigh != null and diastolicRedHigh != null", "boolean")], ["value", "dia", "bp"]),
  ("steps-colour", "Skridt", "STEPS", ["value"], [("Input_Steps", "Skridt", "value", "number")], ["value"]),
  ("pro-colour", "PRO-svar", "PRO_QUESTIONNAIRE", ["value", "symptoms"],
   [("Input_NyhaClass", "NYHA-klasse", "value", "number"),
    ("Input_SymptomSeverity", "Symptomer",
     'if symptoms = null or symptoms = "" then "NONE" else if contains(symptoms, "CHEST_PAIN") or contains(symptoms, "FAINTING") '
     'or contains(symptoms, "BREATHLESS_AT_REST") then "SEVERE" else "MODERATE"', "string")], ["value", "sym"]),
]
INPUT_DOC = {n: (t, d) for n, t, d in inputs}

out = ['<?xml version="1.0" encoding="UTF-8"?>',
 '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" '
 'xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" xmlns:di="http://www.omg.org/spec/DMN/20180521/DI/" '
 'id="measurement-colour" name="measurement-colour" namespace="https://carepath.dk/rules/measurement-colour" exporter="Carepath" exporterVersion="1">',
 '  <description>Farven på en hjemmemåling ud fra borgerens individuelle grænseværdier [002 §4.2.1 Grænseværdier, Skema 1]: '
 'én beslutningstabel pr. måletype. En værdi ved eller ud over en grænse får grænsens farve; usandsynlige værdier får CHECK. '
 'Se docs/measurement-colours.md.</description>']
for did, dname, typ, needs, columns, keys in TABLES:
    tid = "".join(w.capitalize() for w in did.split("-"))
    out.append(f'  <decision id="{did}" name="{did}">')
    out.append(f'    <description>{dname}: hit policy FIRST – usandsynlig (CHECK), rød, gul, ellers grøn.</description>')
    out.append(f'    <variable id="Variable_{tid}" name="{did}" />')
    for name in needs:
        I = name[0].upper() + name[1:]
        out.append(f'    <informationRequirement id="Requirement_{tid}_{I}"><requiredInput href="#InputData_{I}" /></informationRequirement>')
    out.append(f'    <decisionTable id="Table_{tid}" hitPolicy="FIRST">')
    for cid, label, expr, t in columns:
        out.append(f'      <input id="{cid}" label="{escape(label)}"><inputExpression id="{cid}_Expression" typeRef="{t}"><text>{escape(expr)}</text></inputExpression></input>')
    out.append(f'      <output id="Output_{tid}_Colour" label="Farve" name="colour" typeRef="string"><outputValues id="Output_{tid}_Values"><text>"GREEN","YELLOW","RED","CHECK","UNCOLOURED"</text></outputValues></output>')
    out.append(f'      <output id="Output_{tid}_Reason" label="Begrundelse" name="reason" typeRef="string" />')
    out.append(f'      <output id="Output_{tid}_Threshold" label="Afgørende grænse" name="threshold" typeRef="string" />')
    for rid, cond, colour, reason, threshold in rules:
        if cond.get("type") != f'"{typ}"':
            continue
        out.append(f'      <rule id="{rid}">')
        for n, k in enumerate(keys):
            out.append(f'        <inputEntry id="{rid}_In{n + 1}"><text>{escape(cond.get(k, "-"))}</text></inputEntry>')
        out.append(f'        <outputEntry id="{rid}_Colour"><text>"{colour}"</text></outputEntry>')
        out.append(f'        <outputEntry id="{rid}_Reason"><text>"{escape(reason)}"</text></outputEntry>')
        out.append(f'        <outputEntry id="{rid}_Threshold"><text>"{threshold}"</text></outputEntry>')
        out.append('      </rule>')
    out.append('    </decisionTable>\n  </decision>')
for name, t, d in inputs:
    I = name[0].upper() + name[1:]
    out.append(f'  <inputData id="InputData_{I}" name="{name}"><description>{escape(d)}</description>'
               f'<variable id="InputData_{I}_Variable" name="{name}" typeRef="{t}" /></inputData>')
out.append('  <dmndi:DMNDI>\n    <dmndi:DMNDiagram id="Diagram_MeasurementColour">')
dx = {}
for n, (did, *_rest) in enumerate(TABLES):
    x = 40 + n * 330
    dx[did] = x
    out.append(f'      <dmndi:DMNShape id="Shape_{did}" dmnElementRef="{did}"><dc:Bounds height="80" width="180" x="{x}" y="80" /></dmndi:DMNShape>')
for n, (name, t, d) in enumerate(inputs):
    I = name[0].upper() + name[1:]
    x, y = 20 + (n % 11) * 150, 320 + (n // 11) * 90
    out.append(f'      <dmndi:DMNShape id="Shape_InputData_{I}" dmnElementRef="InputData_{I}"><dc:Bounds height="45" width="130" x="{x}" y="{y}" /></dmndi:DMNShape>')
    for did, dname, typ, needs, columns, keys in TABLES:
        if name in needs:
            tid = "".join(w.capitalize() for w in did.split("-"))
            out.append(f'      <dmndi:DMNEdge id="Edge_{tid}_{I}" dmnElementRef="Requirement_{tid}_{I}"><di:waypoint x="{x + 65}" y="{y}" /><di:waypoint x="{dx[did] + 90}" y="160" /></dmndi:DMNEdge>')
out.append('    </dmndi:DMNDiagram>\n  </dmndi:DMNDI>\n</definitions>')
open(sys.argv[1] if len(sys.argv) > 1 else "rules/measurement-colour.dmn", "w").write("\n".join(out) + "\n")
print(len(rules), "rules in", len(TABLES), "tables")
