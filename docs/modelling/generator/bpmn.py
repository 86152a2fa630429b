"""Tiny builder for Camunda 7 BPMN semantic XML (layout is added by bpmn-auto-layout)."""
from xml.sax.saxutils import escape, quoteattr

class Scope:
    def __init__(self, tag, id, name=None, attrs=None, triggered=False):
        self.tag, self.id, self.name = tag, id, name
        self.attrs = attrs or {}
        self.items = []   # list of (kind, xml-string-producer)
        self.flows = []
        self.incoming, self.outgoing = {}, {}
        self.triggered = triggered
        self.children = []
        self.boundaries = []
    def add(self, el):
        self.items.append(el); return el
    def flow(self, id, src, tgt, name=None, cond=None):
        self.flows.append((id, src, tgt, name, cond))
        self.outgoing.setdefault(src, []).append(id)
        self.incoming.setdefault(tgt, []).append(id)
        return id
    def sub(self, id, name, triggered=False, props=None, listeners=None, asyncBefore=False):
        s = Scope("subProcess", id, name, triggered=triggered)
        s.props = props or {}; s.listeners = listeners or []; s.asyncBefore = asyncBefore
        self.items.append(s)
        return s

def ext(props=None, listeners=None, io=None, task_listeners=None, fields=None):
    parts = []
    if props:
        parts.append("<camunda:properties>" + "".join(
            f'<camunda:property name={quoteattr(k)} value={quoteattr(v)} />' for k, v in props.items()) + "</camunda:properties>")
    for ev, expr in (listeners or []):
        parts.append(f'<camunda:executionListener expression={quoteattr(expr)} event="{ev}" />')
    for ev, de in (task_listeners or []):
        parts.append(f'<camunda:taskListener delegateExpression={quoteattr(de)} event="{ev}" />')
    if io:
        ins, outs = io
        s = "<camunda:inputOutput>"
        for n, v in ins:
            s += f'<camunda:inputParameter name="{n}" />' if v is None else f'<camunda:inputParameter name="{n}">{escape(v)}</camunda:inputParameter>'
        for n, v in outs:
            s += f'<camunda:outputParameter name="{n}">{escape(v)}</camunda:outputParameter>'
        s += "</camunda:inputOutput>"
        parts.append(s)
    if not parts:
        return ""
    return "<bpmn:extensionElements>" + "".join(parts) + "</bpmn:extensionElements>"

class El:
    def __init__(self, tag, id, name, attrs=None, inner="", extension=""):
        self.tag, self.id, self.name, self.attrs, self.inner, self.extension = tag, id, name, attrs or {}, inner, extension
        self.documentation = None

def render(scope, indent=2, defs=None):
    pad = " " * indent
    out = []
    for it in scope.items:
        if isinstance(it, Scope):
            attrs = f' id="{it.id}" name={quoteattr(it.name)}'
            if it.triggered: attrs += ' triggeredByEvent="true"'
            if getattr(it, "asyncBefore", False): attrs += ' camunda:asyncBefore="true"'
            out.append(f'{pad}<bpmn:subProcess{attrs}>')
            e = ext(props=getattr(it, "props", None), listeners=getattr(it, "listeners", None))
            if e: out.append(pad + "  " + e)
            for f in scope.incoming.get(it.id, []): out.append(f'{pad}  <bpmn:incoming>{f}</bpmn:incoming>')
            for f in scope.outgoing.get(it.id, []): out.append(f'{pad}  <bpmn:outgoing>{f}</bpmn:outgoing>')
            out.extend(render(it, indent + 2))
            out.append(f'{pad}</bpmn:subProcess>')
            continue
        attrs = f' id="{it.id}"' + (f' name={quoteattr(it.name)}' if it.name else "")
        for k, v in it.attrs.items():
            attrs += f' {k}={quoteattr(str(v))}'
        out.append(f'{pad}<bpmn:{it.tag}{attrs}>')
        if it.documentation:
            out.append(f'{pad}  <bpmn:documentation>{escape(it.documentation)}</bpmn:documentation>')
        if it.extension: out.append(pad + "  " + it.extension)
        for f in scope.incoming.get(it.id, []): out.append(f'{pad}  <bpmn:incoming>{f}</bpmn:incoming>')
        for f in scope.outgoing.get(it.id, []): out.append(f'{pad}  <bpmn:outgoing>{f}</bpmn:outgoing>')
        if it.inner: out.append(pad + "  " + it.inner)
        out.append(f'{pad}</bpmn:{it.tag}>')
    for (id, src, tgt, name, cond) in scope.flows:
        attrs = f' id="{id}"' + (f' name={quoteattr(name)}' if name else "") + f' sourceRef="{src}" targetRef="{tgt}"'
        if cond:
            out.append(f'{pad}<bpmn:sequenceFlow{attrs}>')
            out.append(f'{pad}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(cond)}</bpmn:conditionExpression>')
            out.append(f'{pad}</bpmn:sequenceFlow>')
        else:
            out.append(f'{pad}<bpmn:sequenceFlow{attrs} />')
    return out

HEADER = '''<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_{id}" targetNamespace="https://carepath.dk/processes" exporter="Carepath" exporterVersion="1" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">'''

def document(process_id, name, scope, globals_xml, httl="3650", doc=None, di_lines=None):
    out = [HEADER.replace("{id}", process_id.replace("-", "_"))]
    out.append(f'  <bpmn:process id="{process_id}" name={quoteattr(name)} isExecutable="true" camunda:historyTimeToLive="{httl}">')
    if doc:
        out.append(f'    <bpmn:documentation>{escape(doc)}</bpmn:documentation>')
    out.extend(render(scope, 4))
    out.append('  </bpmn:process>')
    out.extend("  " + g for g in globals_xml)
    if di_lines:
        out.extend(di_lines)
    out.append('</bpmn:definitions>')
    return "\n".join(out) + "\n"
