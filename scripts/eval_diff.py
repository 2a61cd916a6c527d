#!/usr/bin/env python3
"""Lists quotecheck's disagreements with PolNeAR gold quotes, for error
analysis (use the train split for tuning; dev only to measure).

    scripts/eval_diff.py GOLD.jsonl PRED.jsonl [fp|fn|attr] [N]
"""
import json, sys, random, re

gold_path, pred_path = sys.argv[1], sys.argv[2]
what = sys.argv[3] if len(sys.argv) > 3 else "attr"
limit = int(sys.argv[4]) if len(sys.argv) > 4 else 30
sys.path.insert(0, gold_path.rsplit("/", 1)[0])
gold = {}
for l in open(gold_path):
    r = json.loads(l); gold[r["id"]] = r
items = []
def b2c(text, b):
    return len(text.encode()[:b].decode(errors="ignore"))
def toks(s):
    s = re.sub(r"['’]s\b", "", s.lower())
    w = set(re.findall(r"\w+", s)) - {"the","a","an","mr","mrs","ms","dr","president","sen","rep","gov","secretary"}
    return w
for l in open(pred_path):
    p = json.loads(l)
    g = gold.get(p["id"])
    if not g: continue
    t = g["text"]
    preds = []
    for q in p.get("quotes", []):
        s, e = b2c(t, q["start"]), b2c(t, q["end"])
        preds.append((s, e, q.get("speaker"), q))
    used = set()
    for gq in g["quotes"]:
        best = None
        for i, (s, e, sp, q) in enumerate(preds):
            if i in used: continue
            ov = min(e, gq["end"]) - max(s, gq["start"])
            if ov > 0 and (best is None or ov > best[0]): best = (ov, i)
        if best is None:
            items.append(("fn", t, gq["start"], gq["end"], gq["speaker"], None, p["id"]))
        else:
            used.add(best[1]); s, e, sp, q = preds[best[1]]
            gs, ps = toks(gq["speaker"] or ""), toks(sp or "")
            ok = (not gs and not ps) or (gs and ps and (gs <= ps or ps <= gs))
            if not ok:
                items.append(("attr", t, gq["start"], gq["end"], gq["speaker"], (sp, q.get("method"), q.get("cue")), p["id"]))
    for i, (s, e, sp, q) in enumerate(preds):
        if i not in used:
            items.append(("fp", t, s, e, sp, q.get("quote_kind"), p["id"]))
sel = [x for x in items if x[0] == what]
print(f"{len(sel)} {what}")
random.seed(1)
for kind, t, s, e, gsp, extra, rid in sel[:limit]:
    ctx = t[max(0, s - 120): min(len(t), e + 120)].replace("\n", " ¶ ")
    print(f"--- {rid[:50]} gold={gsp!r} pred={extra!r}")
    print("   ", ctx[:600])
