#!/usr/bin/env python3
"""Writes N realistic session journals into DIR: copies of the example journal in sessions/,
each valid and different (its own start time, title, notes; one in ten interrupted).

    bench/gen_sessions.py N DIR [FIRST]

FIRST (default 0) numbers the sessions, so a later call can add sessions to an archive.
One in 1,000 sessions mentions the rare word "doorzettingsmacht"; "twijfel" is everywhere.
"""
import datetime
import os
import re
import sys

EXAMPLE = os.path.join(os.path.dirname(__file__), "..", "sessions",
                       "20261122-151251-tegenspraak-gesprek-0cd4.jsonl")
TEAMS = ["Jeugd & Veiligheid", "Wonen", "Participatie", "Sociaal Domein", "Financiën",
         "Openbare Ruimte", "Dienstverlening", "Economie", "Klimaat", "Onderwijs",
         "Informatievoorziening", "Bestuursondersteuning", "Vergunningen", "Zorg"]
TOPICS = ["loyale tegenspraak", "samenwerken over grenzen", "koers 2030", "de begroting",
          "het nieuwe werken", "de reorganisatie", "inwonersparticipatie", "de omgevingswet",
          "het jaarplan", "de wijkaanpak", "digitale dienstverlening"]
WORDS = ["minister", "inwoner", "wethouder", "directeur", "gemeenteraad", "provincie",
         "burgemeester", "ondernemer", "buurtteam", "ketenpartner", "woningcorporatie"]
AT = re.compile(r'"at":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z"')
BASE = datetime.datetime(2019, 1, 7, 9, 0, 0)


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    first = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    os.makedirs(out, exist_ok=True)
    with open(EXAMPLE, encoding="utf-8") as f:
        lines = f.read().splitlines()
    original_start = datetime.datetime.strptime(AT.search(lines[0]).group(1), "%Y-%m-%dT%H:%M:%S")
    title = "Teamgesprek loyale tegenspraak, team Jeugd & Veiligheid"
    assert title in lines[0]
    for i in range(first, first + n):
        # About three sessions a working day, spread over the years.
        start = BASE + datetime.timedelta(hours=3 * i + (i * 37) % 3, minutes=(i * 13) % 60,
                                          seconds=(i * 7) % 60)
        shift = start - original_start

        def moved(m):
            t = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S") + shift
            return '"at":"%s%sZ"' % (t.strftime("%Y-%m-%dT%H:%M:%S"), m.group(2) or "")

        team = TEAMS[i % len(TEAMS)]
        topic = TOPICS[(i // len(TEAMS)) % len(TOPICS)]
        word = WORDS[i % len(WORDS)]
        other = WORDS[(i * 7 + 3) % len(WORDS)]
        body = []
        for line in lines:
            line = AT.sub(moved, line, count=1)
            line = line.replace(title, "Teamgesprek %s, team %s (%d)" % (topic, team, i))
            line = line.replace("de minister, de inwoner", "de %s, de %s" % (word, other))
            if i % 1000 == 7:
                line = line.replace("zorg voor het werk.",
                                    "zorg voor het werk, met de wethouder over doorzettingsmacht.")
            line = line.replace("een 6:", "een %d:" % (4 + i % 6))
            body.append(line)
        if i % 10 == 3:
            body = body[:-1 - i % 7]
        name = "%s-tegenspraak-gesprek-%05x.jsonl" % (start.strftime("%Y%m%d-%H%M%S"), i)
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write("\n".join(body) + "\n")


if __name__ == "__main__":
    main()
