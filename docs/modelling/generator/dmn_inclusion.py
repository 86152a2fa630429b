import sys
from xml.sax.saxutils import escape
inputs = [ # id, name, typeRef, label
 ("ejectionFraction","number","EF i procent ved ekkokardiografi"),
 ("titrationTargetGroup","boolean","I målgruppen for medicinsk titrering i hjerteambulatoriet"),
 ("canUnderstandOwnValues","boolean","Forventes at kunne forstå og handle på egne værdier (evt. med hjælp)"),
 ("communicatesInDanish","boolean","Kan forstå og kommunikere på dansk"),
 ("canHandleSolution","boolean","Kan håndtere løsningen"),
 ("hasSupport","boolean","Har støtte fra pårørende eller kommunal sygepleje"),
 ("interested","boolean","Er interesseret i telemedicin"),
 ("canMeasureAndReport","boolean","Kan måle og indberette (evt. med støtte)"),
 ("fixedResidenceInRegion","boolean","Fast bopæl i regionen"),
 ("gpInRegion","boolean","Egen læge i regionen"),
 ("hasMitId","boolean","Har MitID"),
 ("mitIdRequired","boolean","Regionen kræver MitID"),
]
cols = [ # id, label, expression, typeRef
 ("Input_EjectionFraction","EF (%)","ejectionFraction","number"),
 ("Input_TitrationTargetGroup","I målgruppe for titrering","titrationTargetGroup","boolean"),
 ("Input_UnderstandsOwnValues","Forstår egne værdier","canUnderstandOwnValues","boolean"),
 ("Input_CommunicatesInDanish","Kommunikerer på dansk","communicatesInDanish","boolean"),
 ("Input_HandlesSolutionWithSupport","Håndterer løsningen (evt. med støtte)","canHandleSolution or hasSupport","boolean"),
 ("Input_MitIdRequirementMet","MitID-krav opfyldt","not(mitIdRequired) or hasMitId","boolean"),
 ("Input_Interested","Interesseret","interested","boolean"),
 ("Input_CanMeasureAndReport","Kan måle og indberette","canMeasureAndReport","boolean"),
 ("Input_FixedResidenceInRegion","Fast bopæl i regionen","fixedResidenceInRegion","boolean"),
 ("Input_GpInRegion","Egen læge i regionen","gpInRegion","boolean"),
]
NE, EL, NJ = '"NOT_ELIGIBLE"', '"ELIGIBLE"', '"NEEDS_JUDGEMENT"'
def row(**kw):
    keys=[c[2] for c in cols]
    return [kw.get(k,'-') for k in ["ef","tg","uv","dk","hs","mi","in","me","re","gp"]]
rules = [
 ("Rule_EjectionFractionAbove40", dict(ef="&gt; 40"), NE, "EF over 40 % – uden for målgruppen (kræver EF ≤ 40 % ved ekkokardiografi)", "Inklusionskriterie: hjertesvigt med EF ≤ 40 % [002 §3.1]"),
 ("Rule_NotInTitrationTargetGroup", dict(tg="false"), NE, "Ikke i målgruppen for medicinsk titrering i hjerteambulatoriet", "Inklusionskriterie [002 §3.1]"),
 ("Rule_CannotUnderstandOwnValues", dict(uv="false"), NE, "Forventes ikke at kunne forstå og handle på egne værdier, heller ikke med hjælp", "Inklusionskriterie [002 §3.1]"),
 ("Rule_CannotCommunicateInDanish", dict(dk="false"), NE, "Eksklusion: kan ikke forstå og kommunikere på dansk", "Eksklusionskriterie [002 §3.2]"),
 ("Rule_CannotHandleSolutionWithoutSupport", dict(hs="false"), NE, "Eksklusion: kan ikke håndtere løsningen og har ingen støtte", "Eksklusionskriterie [002 §3.2]"),
 ("Rule_MissingRequiredMitId", dict(mi="false"), NE, "Har ikke MitID, som regionen kræver for at logge på løsningen", "Regionsafhængigt krav [002 §3.1; 001]"),
 ("Rule_AllCriteriaMet", dict(ef="&lt;= 40",tg="true",uv="true",dk="true",hs="true",mi="true",**{"in":"true"},me="true",re="true",gp="true"), EL, "Alle inklusionskriterier er opfyldt", "Alle kriterier [002 §3.1]"),
 ("Rule_NotInterested", {"in":"false"}, NJ, "Borgeren har ikke udtrykt interesse – afklar ved den sygeplejefaglige vurdering", "Yderligere kriterie [002 §3.1]"),
 ("Rule_CannotMeasureAndReport", dict(me="false"), NJ, "Kan ikke måle og indberette – vurder om støtte fra pårørende eller kommune er mulig", "Yderligere kriterie [002 §3.1]"),
 ("Rule_NoFixedResidenceInRegion", dict(re="false"), NJ, "Ingen fast bopæl i regionen – faglig vurdering", "Yderligere kriterie [002 §3.1]"),
 ("Rule_GpOutsideRegion", dict(gp="false"), NJ, "Egen læge er ikke i regionen – faglig vurdering", "Yderligere kriterie [002 §3.1]"),
 ("Rule_InformationMissing", dict(), NJ, "Oplysninger mangler (fx EF) – faglig vurdering", "Alle andre tilfælde: mennesker vurderer [001]"),
]
out=[]
out.append('<?xml version="1.0" encoding="UTF-8"?>')
out.append('<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" xmlns:di="http://www.omg.org/spec/DMN/20180521/DI/" id="inclusion-eligibility" name="inclusion-eligibility" namespace="https://carepath.dk/rules/inclusion-eligibility" exporter="Carepath" exporterVersion="1">')
out.append('  <description>Inklusion i telemedicinsk hjemmemonitorering ved hjertesvigt (TeleHjerte), jf. den kliniske retningslinje [002 §3.1–3.2]. Giver ELIGIBLE / NOT_ELIGIBLE / NEEDS_JUDGEMENT med en begrundelse; en kardiologisk og en sygeplejefaglig vurdering træffer altid den endelige beslutning.</description>')
out.append('  <decision id="inclusion-eligibility" name="inclusion-eligibility">')
out.append('    <description>Hit policy FIRST: eksklusions- og kernekriterier først, derefter fuld opfyldelse, derefter kriterier der kræver faglig vurdering.</description>')
out.append('    <variable id="Variable_InclusionEligibility" name="inclusion-eligibility" />')
for i,_,_ in inputs:
    out.append(f'    <informationRequirement id="Requirement_{i[0].upper()+i[1:]}">\n      <requiredInput href="#InputData_{i[0].upper()+i[1:]}" />\n    </informationRequirement>')
out.append('    <decisionTable id="Table_InclusionEligibility" hitPolicy="FIRST">')
for cid,label,expr,t in cols:
    out.append(f'      <input id="{cid}" label="{escape(label)}">\n        <inputExpression id="{cid}_Expression" typeRef="{t}">\n          <text>{escape(expr)}</text>\n        </inputExpression>\n      </input>')
out.append('      <output id="Output_Eligibility" label="Vurdering" name="eligibility" typeRef="string">\n        <outputValues id="Output_Eligibility_Values">\n          <text>"ELIGIBLE","NOT_ELIGIBLE","NEEDS_JUDGEMENT"</text>\n        </outputValues>\n      </output>')
out.append('      <output id="Output_EligibilityReason" label="Begrundelse" name="eligibilityReason" typeRef="string" />')
for rid,cond,res,reason,ann in rules:
    out.append(f'      <rule id="{rid}">\n        <description>{escape(ann)}</description>')
    for n,k in enumerate(["ef","tg","uv","dk","hs","mi","in","me","re","gp"]):
        out.append(f'        <inputEntry id="{rid}_In{n+1}">\n          <text>{cond.get(k,"-")}</text>\n        </inputEntry>')
    out.append(f'        <outputEntry id="{rid}_Eligibility">\n          <text>{res}</text>\n        </outputEntry>')
    out.append(f'        <outputEntry id="{rid}_Reason">\n          <text>"{escape(reason)}"</text>\n        </outputEntry>')
    out.append('      </rule>')
out.append('    </decisionTable>')
out.append('  </decision>')
for i,t,label in inputs:
    I=i[0].upper()+i[1:]
    out.append(f'  <inputData id="InputData_{I}" name="{i}">\n    <description>{escape(label)}</description>\n    <variable id="InputData_{I}_Variable" name="{i}" typeRef="{t}" />\n  </inputData>')
# DI
out.append('  <dmndi:DMNDI>\n    <dmndi:DMNDiagram id="Diagram_InclusionEligibility">')
out.append('      <dmndi:DMNShape id="Shape_InclusionEligibility" dmnElementRef="inclusion-eligibility">\n        <dc:Bounds height="80" width="180" x="780" y="80" />\n      </dmndi:DMNShape>')
for n,(i,t,label) in enumerate(inputs):
    I=i[0].upper()+i[1:]
    x = 20 + n*145; y = 300
    out.append(f'      <dmndi:DMNShape id="Shape_InputData_{I}" dmnElementRef="InputData_{I}">\n        <dc:Bounds height="45" width="125" x="{x}" y="{y}" />\n      </dmndi:DMNShape>')
    out.append(f'      <dmndi:DMNEdge id="Edge_Requirement_{I}" dmnElementRef="Requirement_{I}">\n        <di:waypoint x="{x+62}" y="{y}" />\n        <di:waypoint x="870" y="160" />\n      </dmndi:DMNEdge>')
out.append('    </dmndi:DMNDiagram>\n  </dmndi:DMNDI>')
out.append('</definitions>')
open(sys.argv[1] if len(sys.argv) > 1 else 'rules/inclusion-eligibility.dmn','w').write("\n".join(out)+"\n")
