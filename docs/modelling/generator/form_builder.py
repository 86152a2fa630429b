"""Builder of Camunda Forms (form-js JSON, schema 16, Camunda Platform 7.24) shared by the form scripts."""
import json, os

class F:
    OUT = "forms"

    def __init__(self, form_id):
        self.id = form_id; self.c = []; self.n = 0
    def _id(self, p):
        self.n += 1; return f"{p}_{self.n}"
    def text(self, t):
        self.c.append({"type": "text", "text": t, "id": self._id("Text")}); return self
    def field(self, type, key, label, required=False, readonly=False, desc=None, hide=None, **kw):
        d = {"type": type, "key": key, "label": label, "id": f"Field_{key}"}
        if type == "datetime":
            d.pop("label")
        v = {}
        if required: v["required"] = True
        for k in ("min", "max", "minLength", "maxLength"):
            if k in kw: v[k] = kw.pop(k)
        if v: d["validate"] = v
        if readonly: d["readonly"] = True
        if desc: d["description"] = desc
        if hide: d["conditional"] = {"hide": hide}
        d.update(kw)
        self.c.append(d); return self
    def tf(self, key, label, **kw): return self.field("textfield", key, label, **kw)
    def ta(self, key, label, **kw): return self.field("textarea", key, label, **kw)
    def num(self, key, label, decimals=0, **kw):
        kw.setdefault("decimalDigits", decimals)
        return self.field("number", key, label, **kw)
    def cb(self, key, label, **kw): return self.field("checkbox", key, label, **kw)
    def radio(self, key, label, values, **kw):
        return self.field("radio", key, label, values=[{"label": l, "value": v} for v, l in values], **kw)
    def select(self, key, label, values, **kw):
        return self.field("select", key, label, values=[{"label": l, "value": v} for v, l in values], **kw)
    def date(self, key, label, **kw):
        return self.field("datetime", key, label, subtype="date", dateLabel=label, **kw)
    def time(self, key, label, **kw):
        return self.field("datetime", key, label, subtype="time", timeLabel=label, use24h=True, timeSerializingFormat="no_timezone", timeInterval=15, **kw)
    def group(self, label, build):
        g = F(self.id); g.n = self.n * 100
        build(g)
        self.c.append({"type": "group", "label": label, "id": self._id("Group"), "showOutline": True, "components": g.c})
        return self
    def row(self, fields, row):
        for f in fields: self.c[-0]  # noop
        return self
    def save(self):
        doc = {"components": self.c, "type": "default", "id": self.id,
               "executionPlatform": "Camunda Platform", "executionPlatformVersion": "7.24.0",
               "exporter": {"name": "Carepath", "version": "1"}, "schemaVersion": 16}
        with open(os.path.join(F.OUT, self.id + ".form"), "w", encoding="utf-8") as fh:
            json.dump(doc, fh, ensure_ascii=False, indent=2); fh.write("\n")

def citizen(f, title, intro=None):
    t = f"### {title}\n\n**Borger:** {{{{citizenLabel}}}}"
    if intro: t += "\n\n" + intro
    return f.text(t)

def in_row(fields):
    # four threshold fields side by side
    for i, fl in enumerate(fields):
        fl["layout"] = {"row": "Row_" + fields[0]["key"], "columns": 4}
    return fields
