"""The plain-English measure the young person's pages and notices are held to (issue 32): the words
a reader meets on a page, and the Flesch reading ease of a text (no dependency)."""

import re


def visible_text(html: str) -> str:
    """The words a reader meets in the page's main part: no tags, no map labels, no hidden text."""
    main = re.search(r"<main.*?</main>", html, re.S)[0]
    main = re.sub(r"<(svg|script|style)\b.*?</\1>", " ", main, flags=re.S)
    main = re.sub(r'<span class="govuk-visually-hidden">.*?</span>', " ", main, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", main)
    return re.sub(r"\s+", " ", text.replace("&#39;", "'").replace("&amp;", "&")).strip()


def syllables(word: str) -> int:
    word = word.lower().strip(".,;:!?“”\"'()")
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups) - (1 if word.endswith("e") and len(groups) > 1 and not word.endswith("le") else 0)
    return max(count, 1)


def reading_ease(text: str) -> float:
    """Flesch reading ease (206.835 − 1.015 words a sentence − 84.6 syllables a word): 70 and above
    is read easily by 13- to 15-year-olds. Headings and list items count as sentences of their own."""
    sentences = [s for s in re.split(r"[.!?]\s+|\s{2,}", text) if re.search(r"[A-Za-z]", s)]
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    return 206.835 - 1.015 * len(words) / len(sentences) - 84.6 * sum(map(syllables, words)) / len(words)
