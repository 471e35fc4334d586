"""Reads the tables of a .docx with python-docx (an independent reader) and prints JSON:
for each table the grid column widths, whether rows repeat as header / may split, and every
origin cell with its rowspan/colspan (vMerge/gridSpan resolved) and text. Also the paragraphs
with their style names, and the section's page setup."""
import json
import sys

import docx
from docx.oxml.ns import qn


def cell_text(tc):
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))


def table_info(tbl):
    grid = [int(g.get(qn("w:w"))) for g in tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
    rows = tbl.findall(qn("w:tr"))
    slots = [[None] * len(grid) for _ in rows]
    cells = []
    header, cant_split = [], []
    for r, tr in enumerate(rows):
        trpr = tr.find(qn("w:trPr"))
        header.append(trpr is not None and trpr.find(qn("w:tblHeader")) is not None)
        cant_split.append(trpr is not None and trpr.find(qn("w:cantSplit")) is not None)
        c = 0
        for tc in tr.findall(qn("w:tc")):
            pr = tc.find(qn("w:tcPr"))
            span = 1
            vmerge = None
            if pr is not None:
                gs = pr.find(qn("w:gridSpan"))
                if gs is not None:
                    span = int(gs.get(qn("w:val")))
                vm = pr.find(qn("w:vMerge"))
                if vm is not None:
                    vmerge = vm.get(qn("w:val")) or "continue"
            if vmerge == "continue" and r > 0 and slots[r - 1][c] is not None and slots[r - 1][c]["c"] == c:
                origin = slots[r - 1][c]
                origin["rowspan"] = r - origin["r"] + 1
                for k in range(origin["colspan"]):
                    slots[r][c + k] = origin
                c += origin["colspan"]
                continue
            origin = {"r": r, "c": c, "rowspan": 1, "colspan": span, "text": cell_text(tc)}
            cells.append(origin)
            for k in range(span):
                if c + k < len(grid):
                    slots[r][c + k] = origin
            c += span
    return {"grid": grid, "rows": len(rows), "header": header, "cantSplit": cant_split, "cells": cells}


def main(path):
    d = docx.Document(path)
    body = d.element.body
    out = {"tables": [table_info(t) for t in body.iter(qn("w:tbl")) if t.getparent() is body]}
    out["paragraphs"] = [{"text": p.text, "style": p.style.name if p.style is not None else None} for p in d.paragraphs]
    s = d.sections[0]
    out["page"] = {
        "width": s.page_width.twips if hasattr(s.page_width, "twips") else int(s.page_width / 635),
        "height": s.page_height.twips if hasattr(s.page_height, "twips") else int(s.page_height / 635),
    }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
