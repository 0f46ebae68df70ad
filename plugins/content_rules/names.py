"""One address for a category or tag in every language.

A Thai original and its translation name their category and tags in their own languages
(ข่าวกีฬา / Sports news). The pair gets one slug: the site's table (CATEGORY_NAMES,
TAG_NAMES) when it knows either name, else the translation's name when it is in plain
letters, else the original's name romanized. Tags pair by their place in the list.
"""

from plugins.core.problems import Problem

from .slugs import ascii_slug, slug_for_text

MISMATCHED_TAGS = (
    'Tags "{mine}" do not match the {original} original\'s "{theirs}" one for one '
    "(write as many tags, in the same order, as {file})"
)
TWO_ADDRESSES = (
    '{key} "{mine}" has the address {slug}, but the original\'s "{theirs}" has {other} '
    '(write "{name}", the name "{theirs}" has in this language, or give both names one '
    "address in {table} in pelicanconf.py)"
)


def listed(value: str | None) -> list[str]:
    return [name.strip() for name in (value or "").split(",") if name.strip()]


def known_slug(name: str, table: dict, learned: dict) -> str | None:
    """The address the site's table gives `name`, else the one an earlier pair taught."""
    return table.get(name) or table.get(name.lower()) or learned.get(name)


def pair_slug(original: str, translated: str, table: dict, learned: dict) -> str | None:
    """The site's table first, then what earlier pairs taught; else a new slug."""
    known = {known_slug(name, table, learned) for name in (original, translated)}
    known.discard(None)
    if len(known) > 1:
        return None  # the table gives them two addresses
    return known.pop() if known else ascii_slug(translated) or slug_for_text(original)


def name_pairs(original, translation) -> tuple[list[tuple[str, str, str]], Problem | None]:
    """(key, original name, translated name) for the category and each tag."""
    pairs = []
    mine, theirs = translation.matter.get("category"), original.matter.get("category")
    if mine and theirs and mine != theirs:
        pairs.append(("category", theirs, mine))
    my_tags, their_tags = (
        listed(translation.matter.get("tags")),
        listed(original.matter.get("tags")),
    )
    if my_tags and their_tags and len(my_tags) != len(their_tags):
        message = MISMATCHED_TAGS.format(
            mine=", ".join(my_tags), original="Thai" if original.lang == "th" else "original",
            theirs=", ".join(their_tags), file=original.shown,
        )  # fmt: skip
        return pairs, Problem(translation.shown, translation.matter.line_of("tags"), message)
    pairs += [("tags", t, m) for t, m in zip(their_tags, my_tags, strict=False) if t != m]
    return pairs, None


def usual_name(slug: str, theirs: str, names: dict) -> str:
    """The name other than `theirs` that has `slug`, as written (plain letters first)."""
    found = [name for name, its in names.items() if its == slug and name != theirs]
    return min(found, key=lambda name: (not name.isascii(), name.islower(), name), default=slug)


def two_addresses(translation, key: str, theirs: str, mine: str, known: tuple) -> Problem:
    table, learned = known
    other = known_slug(theirs, table, learned)
    message = TWO_ADDRESSES.format(
        key=key.capitalize(), mine=mine, theirs=theirs, slug=known_slug(mine, table, learned),
        other=other, name=usual_name(other, theirs, {**learned, **table}),
        table="CATEGORY_NAMES" if key == "category" else "TAG_NAMES",
    )  # fmt: skip
    return Problem(translation.shown, translation.matter.line_of(key), message)


def learn_name_pairs(groups, default_lang: str, table: dict[str, str]) -> tuple[dict, list]:
    """{name: slug} for every name a translation pairs with its original's, and problems."""
    learned, problems = {}, []
    for group in groups:
        originals = [source for source in group if source.lang == default_lang]
        for translation in (s for s in group if originals and s.lang != default_lang):
            pairs, problem = name_pairs(originals[0], translation)
            problems += [problem] if problem else []
            for key, theirs, mine in pairs:
                slug = pair_slug(theirs, mine, table, learned)
                if slug is None:
                    problems.append(two_addresses(translation, key, theirs, mine, (table, learned)))

                else:
                    learned[theirs] = learned[mine] = slug
    return learned, problems
