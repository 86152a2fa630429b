"""Element helpers on top of bpmn.py: events, gateways, tasks with the Camunda extensions Carepath uses."""
from bpmn import *

def props_of(phase=None, outcome=None, extra=None):
    p = {}
    if phase: p["phase"] = phase
    if outcome: p["outcome"] = outcome
    if extra: p.update(extra)
    return p

def start(s, id, name, message=None, interrupting=True, props=None, listeners=None):
    inner = f'<bpmn:messageEventDefinition id="{id}_Definition" messageRef="{message}" />' if message else ""
    attrs = {} if interrupting else {"isInterrupting": "false"}
    return s.add(El("startEvent", id, name, attrs, inner, ext(props=props, listeners=listeners)))

def end(s, id, name, outcome=None, terminate=False, escalation=None, listeners=None):
    inner = ""
    if terminate: inner = f'<bpmn:terminateEventDefinition id="{id}_Definition" />'
    if escalation: inner = f'<bpmn:escalationEventDefinition id="{id}_Definition" escalationRef="{escalation}" />'
    return s.add(El("endEvent", id, name, {}, inner, ext(props=props_of(outcome=outcome), listeners=listeners)))

def timer(s, id, name, kind, expr, attached=None, cancel=True):
    inner = f'<bpmn:timerEventDefinition id="{id}_Definition"><bpmn:{kind} xsi:type="bpmn:tFormalExpression">{escape(expr)}</bpmn:{kind}></bpmn:timerEventDefinition>'
    if attached:
        return s.add(El("boundaryEvent", id, name, {"attachedToRef": attached, "cancelActivity": "true" if cancel else "false"}, inner))
    return s.add(El("intermediateCatchEvent", id, name, {}, inner))

def xgw(s, id, name=None, default=None):
    a = {"default": default} if default else {}
    return s.add(El("exclusiveGateway", id, name, a))

def pgw(s, id, name=None, phase=None):
    return s.add(El("parallelGateway", id, name, {}, "", ext(props=props_of(phase=phase))))

def user(s, id, name, groups, form, fields=(), outputs=(), due=None, priority=None, phase=None,
         listener=None, create=False, required=(), choices=None, doc=None, assignee=None):
    a = {"camunda:formRef": form, "camunda:formRefBinding": "deployment", "camunda:candidateGroups": groups}
    if assignee: a["camunda:assignee"] = assignee
    if due: a["camunda:dueDate"] = due
    if priority: a["camunda:priority"] = str(priority)
    p = props_of(phase=phase)
    if required: p["required"] = ",".join(required)
    for k, v in (choices or {}).items(): p["choices." + k] = v
    tl = []
    if listener and create: tl.append(("create", listener))
    if listener: tl.append(("complete", listener))
    ins = [(f, None) if isinstance(f, str) else f for f in fields]
    e = El("userTask", id, name, a, "", ext(props=p, task_listeners=tl, io=(ins, list(outputs))))
    e.documentation = doc
    return s.add(e)

def throw(s, id, name, listeners=None, doc=None):
    """an intermediate none event: a milestone on a path"""
    e = El("intermediateThrowEvent", id, name, {}, "", ext(listeners=listeners))
    e.documentation = doc
    return s.add(e)

def rule(s, id, name, decision, listeners=None, doc=None, asyncBefore=True):
    """a business rule task evaluating a Drools decision of rules/ through ${evaluateDecision}"""
    a = {"camunda:delegateExpression": "${evaluateDecision}"}
    if asyncBefore: a["camunda:asyncBefore"] = "true"
    e = El("businessRuleTask", id, name, a, "", ext(props={"decision": decision}, listeners=listeners))
    e.documentation = doc
    return s.add(e)

def service(s, id, name, delegate=None, expression=None, letter=None, phase=None, doc=None, asyncBefore=False):
    a = {"camunda:delegateExpression": delegate} if delegate else {"camunda:expression": expression}
    if asyncBefore: a["camunda:asyncBefore"] = "true"
    e = El("serviceTask", id, name, a, "", ext(props=props_of(phase=phase, extra={"letter": letter} if letter else None)))
    e.documentation = doc
    return s.add(e)

def letter(s, id, name, kind, doc=None):
    return service(s, id, name, delegate="${sendCorrespondence}", letter=kind, asyncBefore=True,
                   doc=doc or "Lægges i udbakken i samme transaktion og sendes efter commit; asynkron, så en manglende modtageradresse bliver en incident i Cockpit i stedet for at blokere brugeren.")
