"""Wire lineage: which articles are copies or rewrites of one wire story.

Two signals: the wire credit the article carries (`Article.credit`: "(AP) —", "/ Source:
Reuters", "By X, AP"), and shared text. Shared text is found without comparing every pair:
body paragraphs are cut into word shingles, a sample of their hashes goes into an inverted
index, and only articles sharing enough shingles are compared paragraph by paragraph with
rapidfuzz. Linked articles form one origin; an origin's key is its wire credit, or else the
name of its first article. Articles crediting two different wires are never merged.

Pure: no spaCy, no store. Thresholds live in `data/lineage.json`.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from clashrecon.ingest.text import fold_quotes
from clashrecon.lexicon import load_data
from clashrecon.models import Article, Lineage, SegmentType


@dataclass(frozen=True)
class Link:
    a: int
    b: int
    shared: int  # paragraphs of the pair that match
    a_total: int
    b_total: int


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", fold_quotes(text).lower()).split())


def body_paragraphs(article: Article, min_words: int) -> list[str]:
    """Normalised body paragraphs (one per line) long enough to tell a copy from a coincidence."""
    skip = [(s.start, s.end) for s in article.segments if s.type is not SegmentType.body]
    out: list[str] = []
    pos = 0
    for line in article.text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip() or any(s <= start + len(line) - len(line.lstrip()) < e for s, e in skip):
            continue
        key = _norm(line)
        if len(key.split()) >= min_words:
            out.append(key)
    return out


def shingles(paragraph: str, size: int, mod: int) -> set[int]:
    """A deterministic sample (hash % mod == 0) of the paragraph's word n-gram hashes."""
    words = paragraph.split()
    out: set[int] = set()
    for i in range(max(1, len(words) - size + 1)):
        h = zlib.crc32(" ".join(words[i : i + size]).encode("utf-8"))
        if h % mod == 0:
            out.add(h)
    return out


def shared_paragraphs(a: list[str], b: list[str], similarity: float) -> int:
    """How many paragraphs match one-to-one between a and b (rapidfuzz ratio >= similarity)."""
    from rapidfuzz import fuzz
    from rapidfuzz.process import cdist

    if not a or not b:
        return 0
    scores = cdist(a, b, scorer=fuzz.ratio, score_cutoff=similarity)
    rows = int((scores.max(axis=1) >= similarity).sum())
    cols = int((scores.max(axis=0) >= similarity).sum())
    return min(rows, cols)


class _Groups:
    """Union-find over article indices that keeps each group's wire credit and refuses to mix two."""

    def __init__(self, credits: list[str | None]) -> None:
        self.parent = list(range(len(credits)))
        self.credit = list(credits)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ca, cb = self.credit[ra], self.credit[rb]
        if ca and cb and ca != cb:
            return False
        root, child = (ra, rb) if ra < rb else (rb, ra)
        self.parent[child] = root
        self.credit[root] = ca or cb
        return True


class _ParagraphIndex:
    """Each distinct paragraph once: the articles printing it, and its sampled shingles indexed."""

    def __init__(self, paras: list[list[str]], cfg: dict) -> None:
        self.cfg = cfg
        self.pid_of: dict[str, int] = {}
        self.holders: list[list[int]] = []  # paragraph id -> articles printing it, ascending
        for i, ps in enumerate(paras):
            for p in ps:
                pid = self.pid_of.setdefault(p, len(self.pid_of))
                if pid == len(self.holders):
                    self.holders.append([])
                if not self.holders[pid] or self.holders[pid][-1] != i:
                    self.holders[pid].append(i)
        self.sigs = [shingles(p, cfg["shingle_words"], cfg["shingle_sample_mod"]) for p in self.pid_of]
        self.index: dict[int, list[int]] = {}
        for pid, sig in enumerate(self.sigs):
            for h in sig:
                self.index.setdefault(h, []).append(pid)
        self._near: dict[int, list[int]] = {}

    def near(self, pid: int) -> list[int]:
        """The paragraph itself, then the distinct paragraphs sharing enough shingles with it, closest first."""
        if pid not in self._near:
            common = self.cfg["max_shingle_paragraphs"]
            # a shingle in very many distinct paragraphs is a stock phrase ("said in a statement"), no evidence
            hits = Counter(q for h in self.sigs[pid] if len(self.index[h]) <= common for q in self.index[h])
            similar = [q for q, n in hits.items() if q != pid and n >= self.cfg["candidate_min_shingles"]]
            similar.sort(key=lambda q: -hits[q])
            self._near[pid] = [pid, *similar]
        return self._near[pid]

    def candidates(self, i: int, ps: list[str]) -> dict[int, int]:
        """Later articles that may share paragraphs with article i -> how many they may share."""
        mine: dict[int, set[int]] = {}
        theirs: dict[int, set[int]] = {}
        for pi, p in enumerate(ps):
            budget = self.cfg["max_holders_per_paragraph"]  # its own copies first, then the closest variants
            for q in self.near(self.pid_of[p]):
                after = self.holders[q]
                first = bisect_right(after, i)
                for j in after[first : first + budget]:
                    mine.setdefault(j, set()).add(pi)
                    theirs.setdefault(j, set()).add(q)
                budget -= min(budget, len(after) - first)
                if not budget:
                    break
        return {j: min(len(mine[j]), len(theirs[j])) for j in mine}


def text_links(articles: list[Article], groups: _Groups | None = None) -> list[Link]:
    """Pairs of articles that share enough paragraphs to be one story, strongest first.

    Identical paragraphs are indexed once. A paragraph's neighbours are the distinct
    paragraphs sharing `candidate_min_shingles` sampled shingles with it; a pair of articles
    is compared with rapidfuzz only when neighbours link `min_shared_paragraphs` of their
    paragraphs. Work stays near-linear when one story is printed hundreds of times: each
    article looks only at the next `max_holders_per_paragraph` articles printing each of its
    paragraphs and verifies at most `max_candidates_per_article` of them; with `groups`,
    pairs already joined are not compared again and each link is joined as it is found.
    """
    cfg = load_data("lineage.json")
    need, fraction, top = cfg["min_shared_paragraphs"], cfg["min_shared_fraction"], cfg["max_candidates_per_article"]
    paras = [body_paragraphs(a, cfg["min_paragraph_words"]) for a in articles]
    index = _ParagraphIndex(paras, cfg)
    links: list[Link] = []
    for i, ps in enumerate(paras):
        touched = index.candidates(i, ps)
        verified = 0
        for j in sorted(touched, key=lambda j: (-touched[j], j)):
            if verified >= top or touched[j] < need:
                break
            smaller = min(len(ps), len(paras[j]))
            if touched[j] < fraction * smaller or (groups is not None and groups.find(i) == groups.find(j)):
                continue
            verified += 1
            shared = shared_paragraphs(ps, paras[j], cfg["paragraph_similarity"])
            if shared >= need and shared >= fraction * smaller:
                if groups is None or groups.union(i, j):
                    links.append(Link(i, j, shared, len(ps), len(paras[j])))
    links.sort(key=lambda link: (-link.shared, link.a, link.b))
    return links


def article_origins(articles: list[Article]) -> tuple[Lineage, ...]:
    """Each article's origin and why, in the list's order (small enough to send back from a worker)."""
    order = sorted(range(len(articles)), key=lambda i: (articles[i].name, articles[i].path))
    ranked = [articles[i] for i in order]
    groups = _Groups([a.credit for a in ranked])
    best: dict[int, Link] = {}
    for link in text_links(ranked, groups):
        for i in (link.a, link.b):
            best.setdefault(i, link)

    out: dict[int, Lineage] = {}
    for pos, article in enumerate(ranked):
        root = groups.find(pos)
        credit = groups.credit[root]
        origin = credit or ranked[root].name
        shares = None
        if pos in best:
            link = best[pos]
            other, own_total = (link.b, link.a_total) if link.a == pos else (link.a, link.b_total)
            shares = f"shares {link.shared} of {own_total} paragraphs with {ranked[other].name}"
        if article.credit:
            reason = f"wire credit {article.credit}" + (f"; {shares}" if shares else "")
        elif credit:
            reason = f"{shares} (wire credit {credit})"
        elif shares:
            reason = f"no wire credit; {shares}"
        else:
            reason = "no wire credit and no shared text: its own origin"
        out[order[pos]] = Lineage(article_id=article.id, origin=origin, reason=reason)
    return tuple(out[i] for i in range(len(articles)))
