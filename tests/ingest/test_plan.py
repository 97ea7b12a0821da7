"""Change detection: what an ingest must read and extract, decided against what the store holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from clashrecon.ingest import read_file
from clashrecon.ingest.files import file_hash
from clashrecon.ingest.plan import plan_ingest
from clashrecon.store import StoredSource

REPORT = "Clashes on the border\n\nAt least 11 soldiers were killed in clashes on the border, the ministry said.\n"


def stored(path: Path) -> dict[str, StoredSource]:
    """What the store would hold after ingesting `path` as it is now."""
    return {item.source: StoredSource(item.article.id, item.raw_hash) for item in read_file(path).articles}


def never_read(path: Path, data: bytes):
    raise AssertionError(f"{path} was decoded although its bytes are stored")


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(REPORT)
    return path


def test_a_new_file_is_read_and_pending(report):
    plan = plan_ingest([report.parent], {})
    assert [Path(p.source).name for p in plan.pending] == ["a.txt"]
    assert (plan.files, plan.unchanged, plan.rewriting) == (1, 0, set())


def test_a_file_whose_bytes_are_stored_is_never_decoded(report):
    plan = plan_ingest([report.parent], stored(report), reader=never_read)
    assert (plan.files, plan.unchanged, plan.pending) == (1, 1, [])


def test_force_reads_what_is_stored_and_extracts_the_same_text_again(report):
    plan = plan_ingest([report.parent], stored(report), force=True)
    assert [p.source for p in plan.pending] == [str(report.resolve())]
    assert plan.rewriting == {str(report.resolve())}  # not a change: the store rewrites it as it is


def test_a_new_sidecar_updates_metadata_without_nlp(report):
    known = stored(report)
    report.with_name("a.txt.meta.json").write_text('{"outlet": "Wire", "published": "2024-05-08"}')
    plan = plan_ingest([report.parent], known)
    assert plan.pending == [] and [a.outlet for a in plan.metadata_only] == ["Wire"]
    assert file_hash(report, report.read_bytes()) != next(iter(known.values())).raw_hash


def test_changed_text_replaces_the_stored_version(report):
    known = stored(report)
    report.write_text(REPORT.replace("11", "14"))
    plan = plan_ingest([report.parent], known)
    assert [p.article.id for p in plan.pending] != [s.article_id for s in known.values()]
    assert [p.source for p in plan.pending] == list(known) and plan.rewriting == set()


def test_a_record_gone_from_its_jsonl_file_vanishes(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "%s"}\n{"text": "%s"}\n' % (REPORT.replace("\n", " "), REPORT.replace("11", "12").replace("\n", " ")))
    known = stored(feed)
    feed.write_text('{"text": "%s"}\n' % REPORT.replace("\n", " "))
    plan = plan_ingest([tmp_path], known)
    assert plan.vanished == [str(feed.resolve()) + "#2"]


def test_the_same_text_in_a_second_file_is_not_stored_twice(report):
    copy = report.with_name("b.txt")
    copy.write_text(REPORT)
    plan = plan_ingest([report.parent], stored(report))
    assert plan.pending == []
    assert plan.notes == [f"{copy.resolve()}: same text as an article already stored; not stored twice"]
