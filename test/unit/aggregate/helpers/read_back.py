"""Reads back what `nianbao aggregate` wrote, with independent readers, and prints JSON.

  read_back.py xlsx <file>  sheets: names, frozen cell, header rows, data rows (cached values), number formats
  read_back.py docx <file>  every table of the .docx as rows of cell texts (python-docx)
"""
import json
import sys


def xlsx(path):
    import openpyxl

    wb = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path, data_only=False)
    out = []
    for ws in wb.worksheets:
        rows = [[c.value for c in row] for row in ws.iter_rows()]
        fws = formulas[ws.title]
        last = [c.value for c in fws[fws.max_row]]
        formats = sorted({c.number_format for row in ws.iter_rows(min_row=3) for c in row if isinstance(c.value, (int, float))})
        out.append({"name": ws.title, "freeze": ws.freeze_panes, "rows": rows, "lastFormulas": last, "formats": formats})
    return out


def docx(path):
    import docx as d

    doc = d.Document(path)
    return [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    print(json.dumps(xlsx(path) if kind == "xlsx" else docx(path), ensure_ascii=False, default=str))
