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
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from clashrecon.ingest.text import fold_quotes
from clashrecon.lexicon import load_data
from clashrecon.models import Article, Lineage, LineageDigest, SegmentType


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

    def __init__(self, paras: list[list[str]], cfg: dict, sigs: list[tuple[tuple[int, ...], ...]] | None = None) -> None:
        """`sigs`: each article's paragraphs' `shingles`, where known already (in the digests)."""
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
        self.texts = list(self.pid_of)
        if sigs is None:
            self.sigs = [shingles(p, cfg["shingle_words"], cfg["shingle_sample_mod"]) for p in self.texts]
        else:
            known: dict[str, set[int]] = {}
            for ps, ss in zip(paras, sigs):
                for p, sig in zip(ps, ss):
                    known.setdefault(p, set(sig))
            self.sigs = [known[p] for p in self.texts]
        self.index: dict[int, list[int]] = {}
        for pid, sig in enumerate(self.sigs):
            for h in sig:
                self.index.setdefault(h, []).append(pid)
        self._near: dict[int, list[int]] = {}

    def near(self, pid: int) -> list[int]:
        """The paragraph itself, then the distinct paragraphs sharing enough shingles with it, closest
        first (then in text order, so the order never depends on which article printed one first)."""
        if pid not in self._near:
            common = self.cfg["max_shingle_paragraphs"]
            # a shingle in very many distinct paragraphs is a stock phrase ("said in a statement"), no evidence
            hits = Counter(q for h in self.sigs[pid] if len(self.index[h]) <= common for q in self.index[h])
            similar = [q for q, n in hits.items() if q != pid and n >= self.cfg["candidate_min_shingles"]]
            similar.sort(key=lambda q: (-hits[q], self.texts[q]))
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

    def reaches(self, i: int, pid: int, added: dict[int, list[int]]) -> bool:
        """Whether article i's walk from paragraph `pid` (see `candidates`) takes one of the added
        articles (`added`: paragraph id -> the added articles printing it, ascending). If it takes
        none, the added articles sit past every stretch it reads, which therefore holds what it held."""
        budget = self.cfg["max_holders_per_paragraph"]
        for q in self.near(pid):
            after = self.holders[q]
            first = bisect_right(after, i)
            take = min(budget, len(after) - first)
            if any(j > i and bisect_left(after, j) - first < take for j in added.get(q, ())):
                return True
            budget -= take
            if not budget:
                return False
        return False


@dataclass
class LineageMemory:
    """What one tracing found that the next can reuse, keyed by article id: each article's
    candidates (later articles that may share its paragraphs, with how many, in the order they
    are verified) and the paragraphs each verified pair shares. Both are functions of the two
    articles' paragraphs and ranks alone, so an added article changes only the candidates of
    articles printing its paragraphs or their neighbours."""

    candidates: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    shared: dict[tuple[str, str], int] = field(default_factory=dict)


@dataclass(frozen=True)
class Traced:
    """Each article's origin (in rank order), and the memory the next tracing starts from:
    `computed` and `verified` are what this one added to it."""

    origins: list[Lineage]
    memory: LineageMemory
    computed: frozenset[str]  # articles whose candidates were found again
    verified: frozenset[tuple[str, str]]  # pairs compared for the first time


def lineage_digest(article: Article) -> LineageDigest:
    """What the lineage pass reads of one article, computed once."""
    cfg = load_data("lineage.json")
    paragraphs = tuple(body_paragraphs(article, cfg["min_paragraph_words"]))
    return LineageDigest(
        name=article.name,
        path=article.path,
        credit=article.credit,
        paragraphs=paragraphs,
        shingles=tuple(tuple(sorted(shingles(p, cfg["shingle_words"], cfg["shingle_sample_mod"]))) for p in paragraphs),
    )


def rank(digests: list[tuple[str, LineageDigest]]) -> list[tuple[str, LineageDigest]]:
    """Articles in the order lineage reads them: by name, then path (an origin is named by its first)."""
    return sorted(digests, key=lambda d: (d[1].name, d[1].path))


def _touched_by(index: _ParagraphIndex, added: set[int], paras: list[list[str]]) -> set[int]:
    """The articles whose candidates the articles `added` can change, and the added themselves.

    An article's candidates come from walking each of its paragraphs' neighbours, reading the
    next holders of each up to a budget. They change when a walk now takes an added article, or
    when the added made a shingle too common to count, which changes the neighbours of every
    paragraph holding it.
    """
    common = index.cfg["max_shingle_paragraphs"]
    printed = {index.pid_of[p] for i in added for p in paras[i]}
    new_in = {pid: [i for i in index.holders[pid] if i in added] for pid in printed}
    touched = set(added)
    only_new = [pid for pid in printed if len(new_in[pid]) == len(index.holders[pid])]
    for h, n in Counter(h for pid in only_new for h in index.sigs[pid]).items():
        if len(index.index[h]) - n <= common < len(index.index[h]):
            touched.update(i for pid in index.index[h] for i in index.holders[pid])
    for q in printed:
        for p in index.near(q):  # the paragraphs whose neighbours hold q (neighbours are mutual)
            touched.update(i for i in index.holders[p] if i not in touched and index.reaches(i, p, new_in))
    return touched


def _candidates(index: _ParagraphIndex, i: int, paras: list[list[str]], cfg: dict) -> list[tuple[int, int]]:
    """Later articles that may share enough paragraphs with article i to be verified, best first."""
    need, fraction = cfg["min_shared_paragraphs"], cfg["min_shared_fraction"]
    ps = paras[i]
    touched = index.candidates(i, ps)
    kept = [(j, n) for j, n in touched.items() if n >= need and n >= fraction * min(len(ps), len(paras[j]))]
    return sorted(kept, key=lambda jn: (-jn[1], jn[0]))


def trace(
    ranked: list[tuple[str, LineageDigest]], memory: LineageMemory | None = None, added: frozenset[str] | None = None
) -> Traced:
    """Origins of articles in rank order (`rank`), from their digests.

    With `memory` of an earlier tracing and the ids `added` since (nothing removed or changed),
    only the candidates the added articles can change are found again and only pairs never
    compared are compared: the result is the one tracing all the articles afresh gives.
    """
    cfg = load_data("lineage.json")
    ids = [a for a, _ in ranked]
    at = {a: i for i, a in enumerate(ids)}
    paras = [list(d.paragraphs) for _, d in ranked]
    index = _ParagraphIndex(paras, cfg, [d.shingles for _, d in ranked])
    memory = memory if memory is not None else LineageMemory()
    if added is None:
        redo = set(range(len(ids)))
    else:
        redo = _touched_by(index, {at[a] for a in added if a in at}, paras)
    candidates: dict[str, tuple[tuple[str, int], ...]] = {}
    computed = set()
    for i, a in enumerate(ids):
        if i in redo or a not in memory.candidates:
            candidates[a] = tuple((ids[j], n) for j, n in _candidates(index, i, paras, cfg))
            computed.add(a)
        else:
            candidates[a] = memory.candidates[a]
    shared = dict(memory.shared)
    verified: set[tuple[str, str]] = set()
    groups = _Groups([d.credit for _, d in ranked])
    links = _links(paras, candidates, ids, at, cfg, groups, shared, verified)
    origins = _origins(ranked, groups, links)
    return Traced(origins, LineageMemory(candidates, shared), frozenset(computed), frozenset(verified))


def _links(
    paras: list[list[str]],
    candidates: dict[str, tuple[tuple[str, int], ...]],
    ids: list[str],
    at: dict[str, int],
    cfg: dict,
    groups: _Groups | None,
    shared: dict[tuple[str, str], int],
    verified: set[tuple[str, str]],
) -> list[Link]:
    """Candidates verified in rank order, each link joined as it is found (see `text_links`)."""
    need, fraction, top = cfg["min_shared_paragraphs"], cfg["min_shared_fraction"], cfg["max_candidates_per_article"]
    links: list[Link] = []
    for i, a in enumerate(ids):
        ps = paras[i]
        checked = 0
        for b, _ in candidates[a]:
            j = at[b]
            if checked >= top:
                break
            if groups is not None and groups.find(i) == groups.find(j):
                continue
            checked += 1
            if (a, b) not in shared:
                shared[(a, b)] = shared_paragraphs(ps, paras[j], cfg["paragraph_similarity"])
                verified.add((a, b))
            found = shared[(a, b)]
            if found >= need and found >= fraction * min(len(ps), len(paras[j])):
                if groups is None or groups.union(i, j):
                    links.append(Link(i, j, found, len(ps), len(paras[j])))
    links.sort(key=lambda link: (-link.shared, link.a, link.b))
    return links


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
    ids = [str(i) for i in range(len(articles))]
    paras = [list(lineage_digest(a).paragraphs) for a in articles]
    index = _ParagraphIndex(paras, cfg)
    candidates = {ids[i]: tuple((ids[j], n) for j, n in _candidates(index, i, paras, cfg)) for i in range(len(ids))}
    return _links(paras, candidates, ids, {a: i for i, a in enumerate(ids)}, cfg, groups, {}, set())


def article_origins(articles: list[Article]) -> tuple[Lineage, ...]:
    """Each article's origin and why, in the list's order."""
    traced = trace(rank([(a.id, lineage_digest(a)) for a in articles]))
    found = {o.article_id: o for o in traced.origins}
    return tuple(found[a.id] for a in articles)


def _origins(ranked: list[tuple[str, LineageDigest]], groups: _Groups, links: list[Link]) -> list[Lineage]:
    """Each ranked article's origin: its group's wire credit, else the name of the group's first
    article; and why, naming the strongest link it has."""
    best: dict[int, Link] = {}
    for link in links:
        for i in (link.a, link.b):
            best.setdefault(i, link)
    out: list[Lineage] = []
    for pos, (article_id, digest) in enumerate(ranked):
        root = groups.find(pos)
        credit = groups.credit[root]
        origin = credit or ranked[root][1].name
        shares = None
        if pos in best:
            link = best[pos]
            other, own_total = (link.b, link.a_total) if link.a == pos else (link.a, link.b_total)
            shares = f"shares {link.shared} of {own_total} paragraphs with {ranked[other][1].name}"
        if digest.credit:
            reason = f"wire credit {digest.credit}" + (f"; {shares}" if shares else "")
        elif credit:
            reason = f"{shares} (wire credit {credit})"
        elif shares:
            reason = f"no wire credit; {shares}"
        else:
            reason = "no wire credit and no shared text: its own origin"
        out.append(Lineage(article_id=article_id, origin=origin, reason=reason))
    return out
