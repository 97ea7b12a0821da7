"""The ingest job: incremental and idempotent, changed files replaced, bad files failing alone, --jobs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clashrecon import pipeline, workers
from clashrecon.pipeline import IngestOptions, ingest
from clashrecon.store import Store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"

STORY = (
    "Gunmen kill 11 villagers in overnight raid\n\n"
    "MAIDUGURI, Nigeria (AP) — Gunmen killed 11 villagers in an overnight raid on a farming community, police said on Thursday.\n\n"
    "Residents said the attackers arrived on motorcycles and set fire to homes before fleeing.\n"
)


@pytest.fixture
def store(tmp_path, nlp):
    with Store.open(tmp_path / "s.db", create=True) as s:
        yield s


def run(store: Store, *paths: Path, **options):
    return ingest(store, IngestOptions(paths=tuple(paths), **options))


def no_nlp(*args, **kwargs):
    raise AssertionError("NLP ran for an unchanged file")


def test_every_fixture_format_is_stored_with_claims(store):
    report = run(store, FIXTURES)
    assert report.exit_code == 0, [str(e) for e in report.failed]
    names = sorted(a.name for a in store.articles())
    assert names == [
        "feed.jsonl#1",
        "feed.jsonl#2",
        "front_matter.md",
        "one_record.json",
        "page_with_chrome.html",
        "records.json#1",
        "records.json#2",
        "wire_copy.txt",
    ]
    assert report.new == 8 and report.claims_added > 0
    claims = store.claims()
    assert {c.article for c in claims} >= {"page_with_chrome.html", "wire_copy.txt", "feed.jsonl#2"}
    texts = {a.name: a.text for a in store.articles()}
    assert all(texts[c.article][c.start : c.end] == c.quote for c in claims)
    # nothing is taken from a caption, a byline, a credit or the chrome
    wire = next(a for a in store.articles() if a.name == "wire_copy.txt")
    for c in claims:
        if c.article == "wire_copy.txt":
            assert wire.segment_at(c.start).value in ("body", "headline")


def test_unchanged_files_are_not_even_decoded(store, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(STORY)
    run(store, tmp_path)
    monkeypatch.setattr(pipeline, "extract_chunk", no_nlp)
    report = ingest(store, IngestOptions(paths=(tmp_path,)), reader=no_nlp)
    assert (report.files, report.new, report.replaced, report.unchanged, report.claims_added) == (1, 0, 0, 1, 0)


def test_a_changed_file_replaces_its_article_and_claims(store, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(STORY)
    run(store, tmp_path)
    old = store.articles()[0]
    old_claims = {c.id for c in store.claims()}
    path.write_text(STORY.replace("11 villagers", "14 villagers"))
    report = run(store, tmp_path)
    assert (report.new, report.replaced, report.unchanged) == (0, 1, 0)
    [new] = store.articles()
    assert new.id != old.id and "14 villagers" in new.text
    claims = store.claims()
    assert claims and all(c.article_id == new.id for c in claims)
    assert not old_claims & {c.id for c in claims}


def test_a_changed_sidecar_updates_metadata_without_nlp(store, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(STORY)
    run(store, tmp_path)
    before = store.claims()
    (tmp_path / "a.txt.meta.json").write_text(json.dumps({"outlet": "Sahel Times", "published": "2023-02-09"}))
    monkeypatch.setattr(pipeline, "extract_chunk", no_nlp)
    report = run(store, tmp_path)
    assert report.unchanged == 1
    [a] = store.articles()
    assert (a.outlet, a.published.date) == ("Sahel Times", "2023-02-09")
    assert [c.id for c in store.claims()] == [c.id for c in before]


def test_records_dropped_from_a_jsonl_file_are_removed(store, tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = (FIXTURES / "feed.jsonl").read_text().splitlines()
    path.write_text("\n".join(lines) + "\n")
    run(store, tmp_path)
    assert sorted(a.name for a in store.articles()) == ["feed.jsonl#1", "feed.jsonl#2"]
    path.write_text(lines[0] + "\n")
    report = run(store, tmp_path)
    assert [a.name for a in store.articles()] == ["feed.jsonl#1"]
    assert {c.article for c in store.claims()} <= {"feed.jsonl#1"}
    assert any("no longer in its file" in n for n in report.notes)


def test_force_re_extracts_unchanged_files(store, tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    first = run(store, tmp_path)
    again = run(store, tmp_path, force=True)
    assert (again.new, again.replaced, again.unchanged, again.reextracted) == (0, 0, 1, 1)  # not counted as changed
    assert again.claims_added == first.claims_added


def test_the_same_text_in_two_files_is_stored_once(store, tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY)
    report = run(store, tmp_path)
    assert report.new == 1 and report.unchanged == 1
    assert len(store.articles()) == 1


def test_bad_files_fail_alone_and_the_good_ones_are_stored(store, tmp_path):
    tmp_path = tmp_path / "scraped"
    tmp_path.mkdir()
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.json").write_text("{")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    report = run(store, tmp_path, tmp_path / "missing.txt")
    assert report.exit_code == 1
    failed = {Path(e.path).name: e.reason for e in report.failed}
    assert set(failed) == {"empty.txt", "bad.json", "missing.txt"}
    assert failed["missing.txt"] == "no such file or directory"
    assert [Path(p).name for p, _ in report.skipped] == ["notes.pdf"]
    assert [a.name for a in store.articles()] == ["good.txt"]


def test_an_extractor_crash_fails_that_article_only(store, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY.replace("11", "12"))
    import clashrecon.extract as extract

    real = extract.article_claims

    def flaky(doc, article):
        if article.name == "a.txt":
            raise ValueError("boom")
        return real(doc, article)

    monkeypatch.setattr(extract, "article_claims", flaky)
    report = run(store, tmp_path)
    assert [(Path(e.path).name, e.reason) for e in report.failed] == [("a.txt", "claim extraction failed (ValueError: boom)")]
    assert [a.name for a in store.articles()] == ["b.txt"]
    assert report.new == 1


def test_two_jobs_store_the_same_as_one(tmp_path, nlp):
    """Workers extract, trace lineage and find dating expressions: nothing stored may differ."""
    stored = []
    for jobs in (1, 2):
        with Store.open(tmp_path / f"jobs{jobs}.db", create=True) as s:
            report = ingest(s, IngestOptions(paths=(FIXTURES,), jobs=jobs, batch_size=2))
            assert report.exit_code == 0 and report.new == 8
            stored.append(
                {
                    table: s.conn.execute(query).fetchall()
                    for table, query in {
                        "articles": "SELECT name, published, data FROM articles ORDER BY name",
                        "origins": "SELECT article_id, origin, reason FROM article_origins ORDER BY article_id",
                        "times": "SELECT claim_id, event_time, value FROM claim_times ORDER BY claim_id",
                        "claims": "SELECT id, data FROM claims ORDER BY id",
                        "results": "SELECT id, type, seq, data FROM results ORDER BY type, seq",
                    }.items()
                }
            )
    one, two = stored
    assert one["claims"] and one["results"] and one["origins"] and one["times"]
    assert one == two


@pytest.mark.parametrize("n", [1, 10, 300, 2000])
def test_chunks_for_workers_shrink_towards_the_end(n):
    items = list(range(n))
    chunks = workers.chunks(items, jobs=2, batch_size=64)
    sizes = [len(c) for c in chunks]
    assert [i for c in chunks for i in c] == items
    assert max(sizes) <= min(64, -(-n // 2))  # never more than a worker's fair share
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-1] <= 8  # the last batch is small: nobody waits long for it


def test_one_job_takes_whole_batches():
    sizes = [len(c) for c in workers.chunks(list(range(10)), jobs=1, batch_size=4)]
    assert sizes == [4, 4, 2]


def test_reading_warnings_reach_the_report(store, tmp_path):
    (tmp_path / "latin.txt").write_bytes("Kämpfe im Süden\n\nBei Kämpfen wurden zwölf Soldaten getötet, sagte das Ministerium.".encode("latin-1"))
    report = run(store, tmp_path)
    assert report.new == 1
    assert any(n.startswith(str(tmp_path / "latin.txt")) and "not valid UTF-8" in n for n in report.notes)


def test_a_text_the_language_pipeline_chokes_on_fails_alone(store, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY.replace("11", "12"))
    from clashrecon.nlp import prefilter

    real = prefilter.pipe

    def choking(nlp, texts, **kwargs):
        texts = list(texts)
        if any("11 villagers" in t for t in texts):
            raise MemoryError("too long")
        return real(nlp, texts, **kwargs)

    monkeypatch.setattr(prefilter, "pipe", choking)
    report = run(store, tmp_path)
    assert [(Path(e.path).name, e.reason) for e in report.failed] == [("a.txt", "language processing failed (MemoryError: too long)")]
    assert [a.name for a in store.articles()] == ["b.txt"]


class Recorder:
    """A progress display that remembers every step, and how many articles were stored at each."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.total = 0
        self.steps: list[tuple[float, int]] = []  # (articles' worth advanced, articles stored then)
        self.stages: list[str] = []

    def start(self, total: int) -> None:
        self.total = total

    def advance(self, n: float = 1) -> None:
        self.steps.append((n, self.store.counts()["articles"]))

    def stage(self, label: str) -> None:
        self.stages.append(label)

    def stop(self) -> None:
        pass


def test_the_bar_moves_within_a_batch_and_the_first_batch_is_stored_early(store, monkeypatch):
    """Before: one step of 5 once the single 64-article batch was stored."""
    from weakref import WeakKeyDictionary

    from clashrecon.nlp import prefilter

    monkeypatch.setattr(prefilter, "_MEMOS", WeakKeyDictionary())  # as in a new process: every paragraph analysed
    progress = Recorder(store)
    ingest(store, IngestOptions(paths=(ROOT / "seeds",)), progress)
    assert progress.total == 5
    assert sum(n for n, _ in progress.steps) == pytest.approx(5)
    assert max(n for n, _ in progress.steps) <= 1.0, "a step of more than one article"
    stored = [s for _, s in progress.steps if s]
    assert stored[0] == 4, "the first batch stored holds the first 4 articles, not all 5"
    assert sum(n for n, s in progress.steps if not s) == pytest.approx(4), "the bar reached 4 before anything was stored"


def test_the_corpus_passes_and_the_reconciliation_show_their_own_stage(store):
    progress = Recorder(store)
    ingest(store, IngestOptions(paths=(ROOT / "seeds",)), progress)
    claims = store.counts()["claims"]
    assert progress.stages == [
        "tracing wire copies and dating claims in 5 articles",
        f"reconciling {claims} claims from 5 articles",
    ]


def test_workers_report_progress_within_their_batches(tmp_path, nlp):
    with Store.open(tmp_path / "s.db", create=True) as s:
        progress = Recorder(s)
        report = ingest(s, IngestOptions(paths=(FIXTURES,), jobs=2), progress)
    assert report.new == 8 and progress.total == 8
    assert sum(n for n, _ in progress.steps) == pytest.approx(8)
    assert len(progress.steps) > len(workers.chunks(list(range(8)), jobs=2, batch_size=64, first=4))


def test_the_first_batches_grow_from_a_small_one():
    sizes = [len(c) for c in workers.chunks(list(range(200)), jobs=1, batch_size=64, first=4)]
    assert sizes == [4, 8, 16, 32, 64, 64, 12]
    with_workers = [len(c) for c in workers.chunks(list(range(2000)), jobs=2, batch_size=64, first=4)]
    assert with_workers[:5] == [4, 8, 16, 32, 64] and sum(with_workers) == 2000
