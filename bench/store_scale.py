"""How the local store scales: 100,000 records inserted, full-text search over them, file size.

Prints one JSON object. Goal (issue 2): FTS query median <= 20 ms at 100,000 records.

    .venv/bin/python bench/store_scale.py [--records N] [--batch N] [--queries N]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from saypro_core.records import LearningLog, SessionNote, TemplateAnswer, Visibility
from saypro_desktop.storage.store import RecordStore

# Words field staff write, roughly in Zipf order: a few very common, many rare.
VOCABULARY = (
    "community youth training session learners facilitator project report data group meeting "
    "school clinic volunteers parents radio outreach employment skills workshop attendance "
    "feedback budget transport partners councillor ward stipend mentorship leadership literacy "
    "spreadsheet indicators baseline survey consent popia registers dashboard smartphone network "
    "loadshedding generator venue catering certificates graduation internship placement employer "
    "interview cv portfolio entrepreneurship savings cooperative garden nutrition health hiv "
    "counselling referral ngo municipality limpopo polokwane giyani thohoyandou mpumalanga "
    "nelspruit eastern cape mthatha kwazulu natal durban pietermaritzburg gauteng soweto "
    "tembisa isizulu sesotho xitsonga tshivenda afrikaans translation interpreter braille "
    "wheelchair inclusion gender disability elders traditional leaders church taxi rank "
    "knowledge cafe lightning talk sharing circle reflection debrief milestone lessons"
).split()


def sentence(rng: random.Random, words: int) -> str:
    picked = [VOCABULARY[min(int(rng.paretovariate(1.1)) - 1, len(VOCABULARY) - 1)] for _ in range(words)]
    return " ".join(picked).capitalize() + "."


def make_records(count: int, seed: int = 7) -> list[LearningLog | SessionNote]:
    rng = random.Random(seed)
    start = date(2022, 1, 1)
    records: list[LearningLog | SessionNote] = []
    for n in range(count):
        day = start + timedelta(days=rng.randrange(1400))
        if n % 5 == 4:
            begins = datetime(day.year, day.month, day.day, 9, tzinfo=UTC)
            records.append(SessionNote(
                title=f"{sentence(rng, 4)} #{n}", starts_at=begins, ends_at=begins + timedelta(hours=2),
                location=rng.choice(VOCABULARY).capitalize(), facilitators=[f"Facilitator {n % 40}"],
                attendees=[f"Staff {k}" for k in rng.sample(range(300), 6)],
                insights=" ".join(sentence(rng, 12) for _ in range(3)), challenges=sentence(rng, 15),
                success_stories=sentence(rng, 15), visibility=Visibility.TEAM))
        else:
            records.append(LearningLog(
                title=f"{sentence(rng, 5)} #{n}", log_date=day, project=rng.choice(VOCABULARY[:30]).capitalize(),
                milestone=sentence(rng, 3), what_happened=" ".join(sentence(rng, 14) for _ in range(3)),
                what_learned=" ".join(sentence(rng, 14) for _ in range(2)), do_differently=sentence(rng, 14),
                tags=rng.sample(VOCABULARY[:60], 2),
                template_answers=[TemplateAnswer(question_id="aar_why", question="Why was there a difference?",
                                                 answer=sentence(rng, 12))]))
    return records


# What people type in the search box: common and rare words, prefixes while typing, two words.
QUERIES = [
    "community", "youth training", "facil", "clinic", "radio outreach", "polokwane", "loadshedding",
    "popia consent", "spreadsheet", "intervie", "knowledge cafe", "wheelchair", "giyani clinic",
    "cv", "budget", "mentorship leadership", "tshivenda", "graduation certificates", "dashb", "ngo",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1_000, help="records per transaction")
    parser.add_argument("--queries", type=int, default=400, help="search queries to time")
    args = parser.parse_args()

    records = make_records(args.records)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "saypro.sqlite"
        store = RecordStore.open(path)
        started = time.perf_counter()
        for offset in range(0, len(records), args.batch):
            store.save_many(records[offset:offset + args.batch])
        insert_s = time.perf_counter() - started

        single = []  # one edit at a time, as the editor saves (each its own transaction)
        for record in records[:50]:
            t0 = time.perf_counter()
            store.save(dataclasses.replace(record, title=record.title + " (edited)"))
            single.append((time.perf_counter() - t0) * 1000)

        timings: list[float] = []
        hits: list[int] = []
        per_query: dict[str, list[float]] = {q: [] for q in QUERIES}
        for n in range(args.queries):
            query = QUERIES[n % len(QUERIES)]
            t0 = time.perf_counter()
            hits.append(len(store.search(query)))
            timings.append((time.perf_counter() - t0) * 1000)
            per_query[query].append(timings[-1])
        outbox_bytes = store.outbox_summary().bytes  # drains once synced
        store.close()
        size = path.stat().st_size + sum(p.stat().st_size for p in path.parent.glob("saypro.sqlite-*"))

    timings.sort()
    median = statistics.median(timings)
    result = {
        "benchmark": "store_scale",
        "records": args.records,
        "batch": args.batch,
        "insert_total_s": round(insert_s, 2),
        "insert_per_record_ms": round(insert_s * 1000 / args.records, 3),
        "single_save_median_ms": round(statistics.median(single), 2),
        "search_queries": len(timings),
        "search_median_ms": round(median, 2),
        "search_p95_ms": round(timings[int(len(timings) * 0.95) - 1], 2),
        "search_max_ms": round(timings[-1], 2),
        "search_mean_hits": round(statistics.mean(hits), 1),
        "search_goal_median_ms": 20,
        "search_median_vs_goal": round(median / 20, 3),
        "search_slowest_queries_ms": dict(sorted(
            ((q, round(statistics.median(t), 1)) for q, t in per_query.items() if t),
            key=lambda item: -item[1])[:5]),
        "database_mb": round(size / 1e6, 1),
        "outbox_mb": round(outbox_bytes / 1e6, 1),
        "python": sys.version.split()[0],
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
