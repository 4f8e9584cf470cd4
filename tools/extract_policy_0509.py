#!/usr/bin/env python3
"""Transcribes the code tables of policy 0509 (seed 003) into the default pack's group_codes.csv rows.

Run once by hand when the seed changes; the Java test PolicyTextTranscriptionTest re-extracts the tables
independently and compares them code by code with the pack, so a transcription error fails the build.
"""
import csv, re, sys

SEED = sys.argv[1]
OUT = sys.argv[2]
SECTIONS = [
    ("Continuous Intraoperative Monitoring", "IOM"),
    ("Electroencephalogram (EEG)", "BASELINE:EEG"),
    ("Somatosensory Evoked Potential (SSEP)", "BASELINE:SSEP"),
    ("Motor Evoked Potential (MEP)", "BASELINE:MEP"),
    ("Auditory Brainstem Evoked Potential/Brainstem Auditory Evoked Potential (ABR/BAEP)", "BASELINE:ABR"),
    ("Peripheral Nerve Stimulation (use only one code with IOM codes)", "BASELINE:PNS"),
    ("Oculomotor, Facial, Trigeminal and Lower Cranial Nerve Monitoring:", "BASELINE:CRANIAL"),
    ("Free-Running Electromyography (EMG)", "BASELINE:EMG"),
    ("Visual Evoked Potential (VEP)", "VEP"),
    ("Neuromuscular Blockade Testing (including but not limited to Train of Four testing)", "NMB"),
    ("Surface Electromyography (EMG)", "SEMG"),
    ("Interventional Pain Management", "PAIN"),
    ("Not Covered or Reimbursable - IOM Performed During Lumbar Surgery Below Spinal Column Level L1-L2 And/Or During Cervical Spine Surgery", "SKIP"),
    ("Lumbar Surgery Below Spinal Column Level L1-L2", "LUMBAR_DX"),
    ("Cervical Spine Surgery", "CERVICAL_DX"),
    ("Cervical, Lumbar and Thoracic procedure codes:", "SPINE"),
]
CODE = re.compile(r"^([A-Z0-9]{3}(?:\.[A-Z0-9]{1,4})?|\d{4}[0-9FT]|[A-Z]\d{4})\t(.*)$")
DATE = re.compile(r"\s*\(Code (deleted|effective) (\d\d)/(\d\d)/(\d{4})\)\s*$")

lines = open(SEED, encoding="utf-8").read().split("\n")
start = lines.index("Coding Information")
end = next(i for i, l in enumerate(lines) if l.startswith("***Current Procedural Terminology"))
heading = {h: g for h, g in SECTIONS}
group = None
rows = []
for line in lines[start:end]:
    text = line.rstrip("\r")
    if text in heading:
        group = heading[text]
        continue
    if text.startswith("\t") and rows and group != "SKIP":
        rows[-1]["description"] += " " + text.strip()
        continue
    m = CODE.match(text)
    if not m or group is None or group == "SKIP":
        continue
    code, desc = m.group(1), m.group(2).strip()
    eff = term = ""
    d = DATE.search(desc)
    if d:
        iso = f"{d.group(4)}-{d.group(2)}-{d.group(3)}"
        if d.group(1) == "deleted":
            term = iso
        else:
            eff = iso
        desc = desc[: d.start()].strip()
    if "." in code or (group.endswith("_DX")):
        system = "ICD-10-CM"
    elif code[0].isalpha():
        system = "HCPCS"
    else:
        system = "CPT"
    rows.append(dict(group=group, system=system, code=code, description=desc, effective=eff, termination=term))

with open(OUT, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["policy", "group", "system", "code", "effective", "termination", "description"])
    for r in rows:
        g = r["group"]
        w.writerow(["0509", g.split(":")[0], r["system"], r["code"], r["effective"], r["termination"], r["description"]])
        if g == "BASELINE:PNS":
            w.writerow(["0509", "PNS", r["system"], r["code"], r["effective"], r["termination"], r["description"]])
from collections import Counter
c = Counter(r["group"].split(":")[0] for r in rows)
print(c, file=sys.stderr)
