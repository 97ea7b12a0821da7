"""Generate a deterministic benchmark corpus from the seed articles.

Each generated article is a headline plus a shuffled selection of seed paragraphs in which
casualty numbers and places are varied and the story is moved by a number of days (dates
and weekday names shift together, so each article stays consistent with itself), so the
corpus has the vocabulary and sentence shapes of real wire copy without being copies of
five texts. The same
(seed, count) always gives byte-identical files; a corpus of N is the first N of any
larger one, so stores of 500 and 2,000 articles share their first 500.

    python scripts/gencorpus.py --articles 2000 --out data/bench/corpus
"""

from __future__ import annotations

import argparse
import random
import re
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEFAULT_OUT = ROOT / "data" / "bench" / "corpus"

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Places of the seeds and others of the region; swapped for each other in the text.
PLACES = (
    "Jermuk", "Goris", "Kapan", "Sotk", "Verin Shorzha", "Gegharkunik", "Vayots Dzor", "Syunik",
    "Kalbajar", "Lachin", "Dashkasan", "Zangilan", "Tavush", "Ijevan", "Berd", "Vardenis",
    "Martuni", "Sisian", "Meghri", "Agdam", "Fuzuli", "Tovuz", "Gadabay", "Shusha",
)
HEADLINES = (
    "Armenia says {n} soldiers have been killed in attacks by Azerbaijan",
    "Armenia says {n} soldiers killed in clashes with Azerbaijan",
    "Armenia, Azerbaijan report {m} troops killed in border clash",
    "Armenia and Azerbaijan trade blame for clashes that killed {m}",
    "Fighting near {place} kills {n}, officials say",
)
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})*(?![\w,]|\.\d)")
_PLACE = re.compile(r"\b(" + "|".join(re.escape(p) for p in sorted(PLACES, key=len, reverse=True)) + r")\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_SHORT = {"Jan.": 1, "Feb.": 2, "Aug.": 8, "Sept.": 9, "Oct.": 10, "Nov.": 11, "Dec.": 12}
_DATE = re.compile(r"\b(" + "|".join(map(re.escape, [*MONTHS, *_SHORT])) + r") (\d{1,2})\b")
STORY_YEAR = 2022  # the seeds' year: month-day dates are read in it before shifting
_PRIVATE = 0xE000  # placeholders are private-use characters: no digit for the variation to touch


def seed_paragraphs(folder: Path = SEEDS) -> list[str]:
    """Body paragraphs of the seeds: blocks of at least ten words (headlines and chrome are shorter)."""
    paragraphs: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        for block in re.split(r"\n\s*\n|\n(?=[A-Z“\"])", path.read_text(encoding="utf-8")):
            block = " ".join(block.split())
            if len(block.split()) >= 10 and block not in paragraphs:
                paragraphs.append(block)
    return paragraphs


def _vary_number(match: re.Match[str], rng: random.Random) -> str:
    text = match.group(0)
    value = int(text.replace(",", ""))
    if 1900 <= value <= 2099 and "," not in text:
        return text  # a year: keep the story's chronology
    varied = max(1, round(value * rng.uniform(0.5, 1.6)))
    return f"{varied:,}" if "," in text else str(varied)


def _shift_date(match: re.Match[str], days: int, held: list[str]) -> str:
    month = MONTHS.index(match.group(1)) + 1 if match.group(1) in MONTHS else _SHORT[match.group(1)]
    moved = date(STORY_YEAR, month, int(match.group(2))) + timedelta(days=days)
    held.append(f"{MONTHS[moved.month - 1]} {moved.day}")
    return chr(_PRIVATE + len(held) - 1)  # kept away from the number variation below


def vary(paragraph: str, rng: random.Random, days: int = 0) -> str:
    held: list[str] = []
    paragraph = _DATE.sub(lambda m: _shift_date(m, days, held), paragraph)
    paragraph = _NUMBER.sub(lambda m: _vary_number(m, rng), paragraph)
    paragraph = _PLACE.sub(lambda m: rng.choice(PLACES), paragraph)
    paragraph = _WEEKDAY.sub(lambda m: WEEKDAYS[(WEEKDAYS.index(m.group(1)) + days) % 7], paragraph)
    return re.sub("[\ue000-\uf8ff]", lambda m: held[ord(m.group(0)) - _PRIVATE], paragraph)


def article(index: int, paragraphs: list[str], seed: int = 7) -> str:
    rng = random.Random(seed * 1_000_003 + index)
    headline = rng.choice(HEADLINES).format(n=rng.randint(3, 120), m=rng.randint(20, 250), place=rng.choice(PLACES))
    days = rng.randint(-60, 60)
    body = [vary(p, rng, days) for p in rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(10, 16)))]
    return "\n\n".join([headline, *body]) + "\n"


def generate(count: int, out: Path = DEFAULT_OUT, seed: int = 7) -> list[Path]:
    """Write `count` articles to `out` (files already there with the same content are left alone)."""
    out.mkdir(parents=True, exist_ok=True)
    paragraphs = seed_paragraphs()
    paths = []
    for i in range(count):
        path = out / f"bench_{i:05d}.txt"
        text = article(i, paragraphs, seed)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="how many articles (default 2000)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default data/bench/corpus)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = generate(args.articles, args.out, args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} articles, {words} words in {args.out}")


if __name__ == "__main__":
    main()
