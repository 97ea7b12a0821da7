"""Generate a deterministic benchmark corpus from the seed articles.

Each generated article is a headline plus a shuffled selection of seed paragraphs, moved by
a number of days (dates shift), so the corpus has the vocabulary and sentence shapes of real
wire copy without being copies of five texts. Two modes:

- distinct (the default, `make bench`'s headline): every paragraph is varied on its own
  (numbers, spelled-out numbers, places, people's names, weekdays), a paragraph with nothing
  to vary gets a closing line that has, and no paragraph occurs twice anywhere in the
  corpus (a varied paragraph that was already written is varied again): text that never
  repeats, as a desk's feed of different stories is;
- syndicated (`--syndicated`): as before, casualty numbers and places varied, weekdays
  shifted with the dates, other paragraphs copied word for word: three paragraph
  occurrences in four repeat one seen before, as wire copy reprinted by many outlets does.

The same (seed, count, mode) always gives byte-identical files; a corpus of N is the first
N of any larger one, so stores of 500 and 2,000 articles share their first 500.

    python scripts/gencorpus.py --articles 2000 --out data/bench/distinct
    python scripts/gencorpus.py --articles 2000 --syndicated --out data/bench/syndicated
"""

from __future__ import annotations

import argparse
import random
import re
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEFAULT_OUT = ROOT / "data" / "bench" / "distinct"

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
# The people the seeds name (first names, surname): in the distinct mode each paragraph names
# invented people in their place, the first name kept where the seed gives one.
PERSONS = {
    "Pashinyan": "Nikol", "Aliyev": "Ilham", "Putin": "Vladimir", "Blinken": "Antony", "Peskov": "Dmitry",
    "Macron": "Emmanuel", "Cavusoglu": "Mevlut", "Akar": "Hulusi", "Michel": "Charles", "Raisi": "Ebrahim",
    "Bayramov": "Jeyhun", "Lavrov": "Sergey|Sergei", "Sarkisyan": "Karen", "Mirzoyan": "Ararat",
    "Erdogan": "Recep Tayyip", "Harutyunyan": "Arayik", "Mehrabyan": "Tigran", "Minaysan": "Karen",
}
FIRST_NAMES = (
    "Aram", "Davit", "Elnur", "Farid", "Gor", "Hakob", "Ilkin", "Javid", "Kamran", "Levon", "Murad", "Narek",
    "Orkhan", "Rashad", "Samvel", "Tofig", "Vahan", "Zaur", "Anahit", "Gulnar", "Lilit", "Nigar", "Sona", "Aysel",
    "Mariam", "Leyla", "Tamar", "Ruzanna", "Elmira", "Shushan", "Babken", "Ramil", "Artur", "Emin", "Hayk",
    "Vugar", "Armen", "Kanan", "Tigran", "Sevil",
)
SURNAMES = (
    "Abrahamyan", "Babayev", "Danielyan", "Eyvazov", "Gasparyan", "Hasanli", "Ismayilov", "Karapetyan",
    "Mammadli", "Nazaryan", "Orujov", "Petrosyan", "Quliyev", "Rustamov", "Sahakyan", "Tagiyev", "Vardanyan",
    "Zeynalov", "Avetisyan", "Bagirov", "Grigoryan", "Huseynli", "Jafarov", "Khachatryan", "Mirzayev",
    "Movsisyan", "Najafov", "Poghosyan", "Rzayev", "Safaryan", "Talibov", "Yeghiazaryan", "Aghayev", "Baghdasaryan",
    "Guliyeva", "Harutyunov", "Kocharyan", "Musayev", "Simonyan", "Valiyev", "Asatryan", "Bayramli", "Galstyan",
    "Hovhannisyan", "Kazimov", "Manukyan", "Nuriyev", "Sargsyan", "Veliyev", "Zakaryan", "Alakbarov", "Martirosyan",
    "Quliyeva", "Stepanyan", "Abbasov", "Melkonyan", "Sultanov", "Tonoyan", "Huseynov", "Davtyan",
)
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
# Villages of the distinct mode besides PLACES (invented): more places, fewer repeats.
MORE_PLACES = tuple(
    f"{a}{b}" for a in ("Nor ", "Verin ", "Nerkin ", "Hin ", "Yeni ", "Ashaghi ", "Yukhari ")
    for b in ("Getap", "Avan", "Karmir", "Shen", "Darband", "Gyulali", "Kendli", "Sarigh", "Aghbulag", "Tazakend")
)
# What a distinct sentence with nothing of its own to vary opens with, when it was written
# before: a time and a place, the way agency copy adds them.
OPENERS = (
    "On {weekday}, ", "Early on {weekday}, ", "Late on {weekday}, ", "In {place} on {weekday}, ",
    "In {place}, ", "By {weekday} evening, ", "From {place}, ",
)
OPENER_TRIES = 200
# A sentence's first word that the opener lower-cases ("On Friday, the ministry said ...").
COMMON_OPENERS = frozenset({
    "The", "It", "He", "She", "They", "We", "Some", "As", "While", "During", "Despite", "After", "Thousands",
    "Shelling", "Soldiers", "Hostilities", "Decades-old", "Fighting", "Want", "Download", "That’s", "Its", "His",
    "Their", "A", "An", "Additional",
})
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[A-Z“\"])")
_PERSON = re.compile(
    r"\b(?:(" + "|".join(sorted({f for v in PERSONS.values() for f in v.split("|")}, key=len, reverse=True))
    + r") )?(" + "|".join(PERSONS) + r")\b"
)
_NUMBER_WORD = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
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


def _same_case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def vary_distinct(paragraph: str, rng: random.Random, days: int = 0) -> str:
    """`vary`, and also people's names and spelled-out numbers; weekdays moved by the paragraph's own offset."""
    people: dict[str, tuple[str, str]] = {}  # within one paragraph a person keeps one new name

    def person(match: re.Match[str]) -> str:
        first, last = people.setdefault(match.group(2), (rng.choice(FIRST_NAMES), rng.choice(SURNAMES)))
        return f"{first} {last}" if match.group(1) else last

    paragraph = _PERSON.sub(person, paragraph)
    paragraph = _NUMBER_WORD.sub(lambda m: _same_case(rng.choice(NUMBER_WORDS), m.group(0)), paragraph)
    held: list[str] = []
    paragraph = _DATE.sub(lambda m: _shift_date(m, days, held), paragraph)
    paragraph = _NUMBER.sub(lambda m: _vary_number(m, rng), paragraph)
    paragraph = _PLACE.sub(lambda m: rng.choice(PLACES + MORE_PLACES), paragraph)
    offset = rng.randrange(7)
    paragraph = _WEEKDAY.sub(lambda m: WEEKDAYS[(WEEKDAYS.index(m.group(1)) + offset) % 7], paragraph)
    return re.sub("[\ue000-\uf8ff]", lambda m: held[ord(m.group(0)) - _PRIVATE], paragraph)


def _opened(sentence: str, rng: random.Random) -> str:
    """The sentence after an opener of OPENERS."""
    opener = rng.choice(OPENERS).format(weekday=rng.choice(WEEKDAYS), place=rng.choice(PLACES + MORE_PLACES))
    first = sentence.split(" ", 1)[0]
    return opener + (sentence[0].lower() + sentence[1:] if first in COMMON_OPENERS else sentence)


def sentences_of(paragraph: str) -> list[str]:
    """The paragraph's sentences as the generator sees them: cut after a stop before a capital."""
    cuts = [m.end() for m in _SENTENCE_END.finditer(paragraph)]
    return [paragraph[i:j].strip() for i, j in zip([0, *cuts], [*cuts, len(paragraph)])]


def _distinct(make, key: str, seen: set[str]) -> str:
    """make(rng) for an rng seeded by key, each of its sentences not in `seen` (a sentence written
    before is given an opener, tried until one is new), all then added to `seen`."""
    rng = random.Random(key)
    out = []
    for sentence in sentences_of(make(rng)):
        tried, base, attempts = sentence, sentence, 0
        while tried in seen:
            attempts += 1
            if attempts % OPENER_TRIES == 0:  # the openers are used up (a very large corpus): open it twice
                base = tried
            tried = _opened(base, rng)
        seen.add(tried)
        out.append(tried)
    return " ".join(out)


def article(index: int, paragraphs: list[str], seed: int = 7, *, distinct: bool = False, seen: set[str] | None = None) -> str:
    """Article `index` of the corpus; with `distinct`, none of its sentences is in `seen` (the
    sentences of the articles before it, when made by `generate`), and they are added to it."""
    rng = random.Random(seed * 1_000_003 + index)
    template = rng.choice(HEADLINES)
    headline = template.format(n=rng.randint(3, 120), m=rng.randint(20, 250), place=rng.choice(PLACES))
    days = rng.randint(-60, 60)
    chosen = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(10, 16)))
    if not distinct:
        return "\n\n".join([headline, *(vary(p, rng, days) for p in chosen)]) + "\n"
    seen = set() if seen is None else seen
    key = f"{seed}:{index}"

    def headline_of(r: random.Random) -> str:
        return template.format(n=r.randint(3, 120), m=r.randint(20, 250), place=r.choice(PLACES))

    def body_of(p: str):
        return lambda r: vary_distinct(p, r, days)

    made = [_distinct(headline_of, f"{key}:h", seen)]
    for j, p in enumerate(chosen):
        made.append(_distinct(body_of(p), f"{key}:{j}", seen))
    return "\n\n".join(made) + "\n"


def generate(count: int, out: Path = DEFAULT_OUT, seed: int = 7, *, distinct: bool = True) -> list[Path]:
    """Write `count` articles to `out` (files already there with the same content are left alone)."""
    out.mkdir(parents=True, exist_ok=True)
    paragraphs = seed_paragraphs()
    seen: set[str] = set()
    paths = []
    for i in range(count):
        path = out / f"bench_{i:05d}.txt"
        text = article(i, paragraphs, seed, distinct=distinct, seen=seen)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="how many articles (default 2000)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default data/bench/distinct)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--syndicated", action="store_true", help="the repeating corpus: most paragraphs copied word for word"
    )
    args = parser.parse_args()
    paths = generate(args.articles, args.out, args.seed, distinct=not args.syndicated)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} articles, {words} words in {args.out}")


if __name__ == "__main__":
    main()
