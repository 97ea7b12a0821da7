"""Whatever bytes a file holds, a reader returns articles or one InputFileError: never another exception."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clashrecon.errors import InputFileError
from clashrecon.ingest import read_file

EXTENSIONS = [".txt", ".md", ".html", ".json", ".jsonl"]
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["text", "body", "title", "date", "source", "url", "x"]), inner, max_size=5),
    max_leaves=12,
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def read_or_refuse(path):
    try:
        read = read_file(path)
    except InputFileError as exc:
        assert exc.reason and "\n" not in exc.reason
        return
    for item in read.articles:
        assert item.article.text.strip()
        for seg in item.article.segments:
            assert 0 <= seg.start < seg.end <= len(item.article.text)
    for exc in read.errors:
        assert exc.reason


@SETTINGS
@given(data=st.binary(max_size=600), ext=st.sampled_from(EXTENSIONS))
def test_random_bytes(tmp_path, data, ext):
    path = tmp_path / f"f{ext}"
    path.write_bytes(data)
    read_or_refuse(path)


@SETTINGS
@given(text=st.text(max_size=400), ext=st.sampled_from(EXTENSIONS))
def test_random_text(tmp_path, text, ext):
    path = tmp_path / f"f{ext}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))  # lone surrogates make invalid UTF-8 too
    read_or_refuse(path)


@SETTINGS
@given(value=JSON_VALUES, lines=st.booleans())
def test_random_json_structures(tmp_path, value, lines):
    path = tmp_path / ("f.jsonl" if lines else "f.json")
    payload = "\n".join(json.dumps(v) for v in (value if isinstance(value, list) else [value])) if lines else json.dumps(value)
    path.write_text(payload, encoding="utf-8")
    read_or_refuse(path)
