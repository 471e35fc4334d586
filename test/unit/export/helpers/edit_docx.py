"""Edits a .docx the way a clerk or a leader would in Word, with python-docx. Usage:
edit_docx.py in.docx out.docx ops.json — ops is a list of
  {"op": "replace", "find": "...", "with": "..."}            change words inside a paragraph
  {"op": "delete", "startswith": "..."}                       delete a paragraph
  {"op": "insert_before", "startswith": "...", "text": "...", "style": "heading 2"?}
  {"op": "append_after", "startswith": "...", "text": "..."}  new paragraph after one
  {"op": "cell", "table": 1, "row": 3, "col": 3, "text": "22"}
  {"op": "last", "text": "..."}                                rewrite the last paragraph
  {"op": "delete_row", "table": 1, "row": 14}                  remove a table row
"""
import copy
import json
import sys

import docx


def find(d, prefix):
    for p in d.paragraphs:
        if p.text.startswith(prefix):
            return p
    raise SystemExit("no paragraph starts with %r" % prefix)


def set_text(p, text):
    runs = p.runs
    runs[0].text = text
    for r in runs[1:]:
        r._element.getparent().remove(r._element)


def main(src, dst, ops_path):
    d = docx.Document(src)
    ops = json.load(open(ops_path, encoding="utf-8"))
    for op in ops:
        kind = op["op"]
        if kind == "replace":
            for p in d.paragraphs:
                if op["find"] in p.text:
                    set_text(p, p.text.replace(op["find"], op["with"]))
                    break
            else:
                raise SystemExit("not found: %r" % op["find"])
        elif kind == "delete":
            p = find(d, op["startswith"])
            p._element.getparent().remove(p._element)
        elif kind == "insert_before":
            p = find(d, op["startswith"])
            new = p.insert_paragraph_before(op["text"])
            if op.get("style"):
                new.style = d.styles[op["style"]]
        elif kind == "append_after":
            p = find(d, op["startswith"])
            new_el = copy.deepcopy(p._element)
            p._element.addnext(new_el)
            new = docx.text.paragraph.Paragraph(new_el, p._parent)
            set_text(new, op["text"])
        elif kind == "cell":
            cell = d.tables[op["table"]].cell(op["row"], op["col"])
            para = cell.paragraphs[0]
            if para.runs:
                set_text(para, op["text"])
            else:
                para.add_run(op["text"])
        elif kind == "delete_row":
            tr = d.tables[op["table"]].rows[op["row"]]._tr
            tr.getparent().remove(tr)
        elif kind == "last":
            set_text(d.paragraphs[-1], op["text"])
        else:
            raise SystemExit("unknown op %r" % kind)
    d.save(dst)


if __name__ == "__main__":
    main(*sys.argv[1:4])
