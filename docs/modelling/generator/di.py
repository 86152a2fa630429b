"""Grid layout with expanded sub-processes and orthogonal edges, producing BPMN DI.

Each scope lays out its elements on a grid of (column, row) cells; a sub-process occupies one
cell whose size is its own content's size. Event sub-processes go in a band under the grid.
Edges are routed orthogonally; back edges and other special cases take a hint.
"""
from bpmn import Scope, El

SIZE = {"task": (120, 80), "event": (36, 36), "gateway": (50, 50)}
COL, ROW = 170, 120
PAD_L, PAD_T, PAD_R, PAD_B = 30, 40, 40, 30

def kind(el):
    if isinstance(el, Scope): return "sub"
    t = el.tag
    if t.endswith("Gateway"): return "gateway"
    if "Event" in t: return "event"
    return "task"

class Box:
    def __init__(self, x, y, w, h): self.x, self.y, self.w, self.h = x, y, w, h
    @property
    def cx(self): return self.x + self.w / 2
    @property
    def cy(self): return self.y + self.h / 2
    @property
    def r(self): return self.x + self.w
    @property
    def b(self): return self.y + self.h

def measure(scope, pos):
    """returns (width, height) of the scope's content area incl. padding; fills scope.cells"""
    grid = pos[scope.id]
    sizes = {}
    for it in scope.items:
        if isinstance(it, Scope):
            sizes[it.id] = measure(it, pos)
        elif kind(it) != "event" or it.tag != "boundaryEvent":
            sizes[it.id] = SIZE[kind(it)]
    cols, rows = {}, {}
    band = []
    for it in scope.items:
        if isinstance(it, Scope) and it.triggered:
            band.append(it); continue
        if getattr(it, "tag", None) == "boundaryEvent": continue
        c, r = grid[it.id]
        w, h = sizes[it.id]
        cols[c] = max(cols.get(c, COL), w + 60)
        span = -(-(h + 30) // ROW) if isinstance(it, Scope) else 1
        for k in range(span):
            rows[r + k] = ROW
    maxc, maxr = max(cols), max(rows)
    colx, x = {}, PAD_L
    for c in range(min(cols), maxc + 1):
        colx[c] = x; x += cols.get(c, COL)
    rowy, y = {}, PAD_T
    for r in range(min(rows), maxr + 1):
        rowy[r] = y; y += rows.get(r, ROW)
    width, height = x + PAD_R, y
    bandx, bandh = PAD_L, 0
    for s in band:
        w, h = sizes[s.id]
        bandx += w + 40
        bandh = max(bandh, h)
    if band:
        width = max(width, bandx + PAD_R)
        height += bandh + 40
    scope.cols, scope.rows, scope.colx, scope.rowy, scope.sizes, scope.band = cols, rows, colx, rowy, sizes, band
    scope.size = (width, height + PAD_B)
    return scope.size

def place(scope, pos, ox, oy, boxes):
    grid = pos[scope.id]
    bandy = oy + max(scope.rowy[r] + scope.rows.get(r, ROW) for r in scope.rowy) + 20
    bx = ox + PAD_L
    for it in scope.items:
        if getattr(it, "tag", None) == "boundaryEvent": continue
        w, h = scope.sizes[it.id]
        if isinstance(it, Scope) and it.triggered:
            boxes[it.id] = Box(bx, bandy, w, h)
            bx += w + 40
        else:
            c, r = grid[it.id]
            cw, rh = scope.cols.get(c, COL), scope.rows.get(r, ROW)
            if isinstance(it, Scope):  # anchored at the top of its cell, spanning rows below
                boxes[it.id] = Box(ox + scope.colx[c] + 30, oy + scope.rowy[r] + 10, w, h)
            else:
                boxes[it.id] = Box(ox + scope.colx[c] + (cw - w) / 2, oy + scope.rowy[r] + (rh - h) / 2, w, h)
        if isinstance(it, Scope):
            place(it, pos, boxes[it.id].x, boxes[it.id].y, boxes)
    for it in scope.items:
        if getattr(it, "tag", None) == "boundaryEvent":
            host = boxes[it.attrs["attachedToRef"]]
            side, frac = pos[scope.id].get(it.id, ("bottom", 0.7))
            if side == "right":
                x, y = host.r - 18, host.y + frac - 18 if frac > 1 else host.y + host.h * frac - 18
            else:
                x = host.x + host.w * frac - 18
                y = host.b - 18 if side == "bottom" else host.y - 18
            boxes[it.id] = Box(x, y, 36, 36)

def route(src, tgt, sk, tk, hint, boxes):
    """orthogonal waypoints from src to tgt"""
    hint = hint or {}
    if hint.get("straight"):
        return [(src.r, src.cy), (tgt.x, src.cy)]
    if hint.get("straight_from"):
        return [(src.r, tgt.cy), (tgt.x, tgt.cy)]
    if hint.get("right_then_vertical"):
        return [(src.r, src.cy), (tgt.cx, src.cy), (tgt.cx, tgt.b if tgt.cy < src.cy else tgt.y)]
    lane = None
    if "lane_above" in hint:
        lane = boxes[hint["lane_above"]].y - 20
    if "lane_below" in hint:
        lane = boxes[hint["lane_below"]].b + 25
    if lane is not None:
        # leave at the bottom (or top), travel along the lane, enter from below (or above)
        down = lane > src.cy
        sy = src.b if down else src.y
        ty = tgt.b if lane > tgt.cy else tgt.y
        return [(src.cx, sy), (src.cx, lane), (tgt.cx, lane), (tgt.cx, ty)]
    if abs(src.cy - tgt.cy) < 2:
        if tgt.x >= src.r:
            return [(src.r, src.cy), (tgt.x, tgt.cy)]
    if sk == "boundary":
        return [(src.cx, src.b), (src.cx, tgt.cy), (tgt.x, tgt.cy)] if tgt.x > src.cx else [(src.cx, src.b), (src.cx, tgt.cy), (tgt.r, tgt.cy)]
    if tgt.x >= src.r - 1:
        if sk == "gateway":
            sy = src.y if tgt.cy < src.cy else src.b
            return [(src.cx, sy), (src.cx, tgt.cy), (tgt.x, tgt.cy)]
        if tk == "gateway":
            ty = tgt.y if src.cy < tgt.cy else tgt.b
            return [(src.r, src.cy), (tgt.cx, src.cy), (tgt.cx, ty)]
        mx = (src.r + tgt.x) / 2
        return [(src.r, src.cy), (mx, src.cy), (mx, tgt.cy), (tgt.x, tgt.cy)]
    # backwards without a lane: go vertical first
    if abs(src.cx - tgt.cx) < 2:
        return [(src.cx, src.y if tgt.cy < src.cy else src.b), (tgt.cx, tgt.b if tgt.cy < src.cy else tgt.y)]
    if tk == "gateway":
        return [(src.x, src.cy), (tgt.cx, src.cy), (tgt.cx, tgt.b if tgt.cy < src.cy else tgt.y)]
    return [(src.cx, src.y if tgt.cy < src.cy else src.b), (src.cx, tgt.cy), (tgt.r, tgt.cy)]

def all_items(scope):
    for it in scope.items:
        yield scope, it
        if isinstance(it, Scope):
            yield from all_items(it)

def all_flows(scope):
    for f in scope.flows:
        yield f
    for it in scope.items:
        if isinstance(it, Scope):
            yield from all_flows(it)

def diagram(process_id, root, pos, hints=None):
    hints = hints or {}
    measure(root, pos)
    boxes = {}
    place(root, pos, 140, 60, boxes)
    kinds = {}
    for _, it in all_items(root):
        kinds[it.id] = "boundary" if getattr(it, "tag", None) == "boundaryEvent" else kind(it)
    out = [f'  <bpmndi:BPMNDiagram id="Diagram_{process_id.replace("-", "_")}">',
           f'    <bpmndi:BPMNPlane id="Plane_{process_id.replace("-", "_")}" bpmnElement="{process_id}">']
    for _, it in all_items(root):
        b = boxes[it.id]
        extra = ' isExpanded="true"' if isinstance(it, Scope) else ""
        marker = ' isMarkerVisible="true"' if kinds[it.id] == "gateway" and getattr(it, "tag", "") == "exclusiveGateway" else ""
        out.append(f'      <bpmndi:BPMNShape id="{it.id}_di" bpmnElement="{it.id}"{extra}{marker}>')
        out.append(f'        <dc:Bounds x="{b.x:.0f}" y="{b.y:.0f}" width="{b.w:.0f}" height="{b.h:.0f}" />')
        if kinds[it.id] == "gateway" and getattr(it, "name", None):
            # above and to the left: flows leave a gateway to the right and downwards
            out.append(f'        <bpmndi:BPMNLabel><dc:Bounds x="{b.x - 95:.0f}" y="{b.y - 30:.0f}" width="100" height="27" /></bpmndi:BPMNLabel>')
        elif kinds[it.id] in ("event", "boundary") and getattr(it, "name", None):
            out.append(f'        <bpmndi:BPMNLabel><dc:Bounds x="{b.cx - 50:.0f}" y="{b.b + 4:.0f}" width="100" height="27" /></bpmndi:BPMNLabel>')
        out.append('      </bpmndi:BPMNShape>')
    for (fid, s, t, name, cond) in all_flows(root):
        pts = route(boxes[s], boxes[t], kinds[s], kinds[t], hints.get(fid), boxes)
        out.append(f'      <bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">')
        for (x, y) in pts:
            out.append(f'        <di:waypoint x="{x:.0f}" y="{y:.0f}" />')
        if name:
            (x1, y1), (x2, y2) = pts[0], pts[1]
            lx = x1 + 5 if abs(x1 - x2) < 1 else (x1 + x2) / 2 - 45
            ly = (y1 + y2) / 2 - 7 if abs(x1 - x2) < 1 else y1 - 24
            out.append(f'        <bpmndi:BPMNLabel><dc:Bounds x="{lx:.0f}" y="{ly:.0f}" width="90" height="14" /></bpmndi:BPMNLabel>')
        out.append('      </bpmndi:BPMNEdge>')
    out.append('    </bpmndi:BPMNPlane>')
    out.append('  </bpmndi:BPMNDiagram>')
    return out, boxes
