"""What page furniture looks like as text lines: share/follow prompts, reuse terms, comment and newsletter
prompts, "related" teasers, outlet logo lines, font controls.

These are patterns of the genre, not strings of one site: the same few dozen phrasings recur across
news pages whether they reach us as plain text (copied from a browser) or as what trafilatura left
of an HTML page. Both readers use them (`plaintext.py` for a page's head and tail, `html.py` to trim
leftovers at the end of an extracted body).
"""

from __future__ import annotations

import re

# Reuse, licensing and syndication terms: the paragraph speaks about the content itself and what others
# may do with it. Two cues are needed (a content noun and a reuse verb/term) so that a story *about*
# copyright or licensing is not taken for terms.
_CONTENT = re.compile(
    r"\b(content|articles?|stor(?:y|ies)|material|photos?|images?|text|work|this (?:page|site|post)|"
    r"republished|reporting)\b",
    re.IGNORECASE,
)
_REUSE = re.compile(
    r"\b(republish\w*|reprint\w*|re-?use|licen[cs]\w*|syndicat\w*|without charge|free of charge|"
    r"creative commons|CC[ -]BY\S*|permission|rights reserved|copyright|distribut\w+ (?:without|under)|"
    r"must include|attribution|partnering|reproduc\w+)\b|©",
    re.IGNORECASE,
)
_COPYRIGHT_LINE = re.compile(
    r"^\s*(?:©|\(c\)|copyright\b)\s*(?:\d{4}\b)?|all rights reserved\.?\s*$|^\s*this (?:article|story) "
    r"(?:was|is) (?:originally )?(?:published|republished)\b",
    re.IGNORECASE,
)

# Social and sharing furniture.
_SOCIAL = re.compile(
    r"^\s*(?:follow|like|find|join|connect with|friend)\b.{0,60}\b(?:on|at|via)\s+(?:twitter|x|facebook|"
    r"instagram|linkedin|threads|bluesky|mastodon|tiktok|youtube|telegram|whatsapp)\b|"
    r"^\s*(?:share|tweet|email|print|pin|save)(?:\s+(?:this|on|article|story|via)\b.{0,40})?[\s:]*$|"
    r"^\s*(?:share this|share on|share via|click to share|send this)\b.{0,60}$|"
    r"^\s*@\w{2,30}\s*$",
    re.IGNORECASE,
)

# Prompts around the story: comments, newsletters, tips, donations, related links.
_PROMPT = re.compile(
    r"^\s*(?:leave a (?:comment|reply)|(?:\d+\s+)?comments?\s*(?:\(\d+\))?\s*$|join the (?:conversation|discussion)|"
    r"(?:view|show|read|see|load) (?:all )?(?:\d+ )?comments|comments? (?:are|have been) closed|"
    r"what do you think\b.{0,40}\?|tell us (?:what you think|in the comments)|"
    r"sign up\b|subscribe\b|get (?:our|the) .{0,40}newsletter|newsletter\b|"
    r"(?:have a|got a|send (?:us )?(?:a |your )?)news ?tips?|send tips\b|"
    r"support (?:our|independent) journalism|donate\b|become a (?:member|subscriber)|"
    r"(?:read|see) (?:more|also)\s*[:\-–—]|related(?: articles?| stories| coverage| content)?\s*[:\-–—]|"
    r"more from\b.{0,60}$|recommended(?: for you)?\s*:?\s*$|you (?:may|might) also like|"
    r"also (?:on|at|read)\b|don[’']?t miss\b|like this (?:story|article)|share (?:it|this) with\b|"
    r"tell us what (?:you|YOU) think|have a (?:news )?tip\b|follow us\b|"
    r"email \w+(?: \w+)? at \S+@|get .{0,60} delivered\b|"
    r"(?:reach|contact|email) (?:the )?(?:reporters?|writers?|authors?|columnist)\b|"
    r"\(?(?:additional )?(?:reporting|writing) by\b.{0,200}\bedit(?:ing|ed) by\b|"
    r"more\s*:\s*$|[_\-=*~#•·]{3,}\s*$|"
    r".{0,80}\bcontributed (?:to )?(?:this )?(?:report|story|article)(?:ing)?\b.{0,40}$|"
    r"most (?:read|popular|viewed)\b.{0,40}$|source\s*:\s*\w+(?:\s+\w+){0,4}\s*$|"
    r"more [A-Z]{2,5}\b.{0,20}:\s*https?://|"
    r"(?:mailto:)?[\w.+\-]+@[\w\-]+\.[\w.\-]+\s*$|(?:https?://)?(?:www\.)?(?:twitter|x|facebook|instagram)\.com/\S+\s*$|"
    r"advertisement\s*$|ad\s*$|sponsored(?: content)?\s*$|"
    r"click here\b|tags?\s*:|filed under\b|posted in\b|topics?\s*:|"
    r"(?:for|with) (?:any )?(?:questions|licensing|inquiries|enquiries)\b.{0,120}\bcontact\b)",
    re.IGNORECASE,
)

# Reader controls and media captions that a browser copy picks up.
_CONTROL = re.compile(
    r"^\s*(?:font size|text size|listen(?: to this (?:article|story))?|\d+\s*min(?:ute)?s? read|"
    r"play video|watch(?: video)?|audio|reading time\b.{0,20}|image|photo|video|caption|"
    r"(?:image|photo|video)\s*(?:credit|:)|zoom|close|menu|skip to (?:main )?content|"
    r"print(?:er[- ]friendly)?(?: version)?|a+\s*a+|[+\-−]\s*a|for immediate release|"
    r"download (?:the )?(?:pdf|app|file)|(?:embargoed|not for publication) until\b.{0,40})\s*:?\s*$",
    re.IGNORECASE,
)

# "Daily Caller News Foundation logo", "The Guardian logo": an outlet's logo alt-text.
_LOGO = re.compile(r"^\s*(?P<name>[A-Z0-9][\w&'’.\- ]{1,80}?)\s+(?:logo|masthead)\s*$", re.IGNORECASE)

# Inline teasers inside a paragraph: "(RELATED: ISIS Takes It To The Taliban)", "[READ MORE: ...]".
INLINE_TEASER = re.compile(
    r"\s*[(\[]\s*(?:RELATED|READ MORE|SEE ALSO|WATCH|READ|MORE|ALSO READ|CLICK HERE)\s*:[^)\]]{0,200}[)\]]",
)


def logo_outlet(line: str) -> str | None:
    """The outlet named by a logo line ("X logo" -> "X"), else None."""
    match = _LOGO.match(line)
    if not match:
        return None
    name = match.group("name").strip()
    return name if len(name.split()) <= 8 else None


def is_license(line: str) -> bool:
    """A paragraph stating reuse, licensing or syndication terms of the content (or its copyright)."""
    if _COPYRIGHT_LINE.search(line):
        return True
    return bool(_CONTENT.search(line)) and len(_REUSE.findall(line)) >= 1 and _reuse_focus(line)


def _reuse_focus(line: str) -> bool:
    # A long news paragraph can mention "licence" in passing; terms paragraphs are dense with the cues.
    cues = len(_REUSE.findall(line)) + len(
        re.findall(r"\b(?:publisher|contact|guidelines|eligible)\b", line, re.I)
    )
    words = len(line.split())
    return cues >= 2 or (cues >= 1 and words <= 25)


def is_social(line: str) -> bool:
    return bool(_SOCIAL.search(line))


def is_prompt(line: str) -> bool:
    return len(line) < 300 and bool(_PROMPT.search(line))


def is_control(line: str) -> bool:
    return len(line) < 60 and bool(_CONTROL.match(line))


# Photo and video credits: "(Photo: AP)", "Image: Getty Images", "John Doe/Reuters", "AP Photo/Jane Roe".
_CAPTION = re.compile(
    r"^\s*\(?(?:(?:file |ap |afp )?(?:photo|image|picture|video|illustration|graphic)s?\s*(?:credit)?\s*[:/]"
    r"\s*.{0,80}|.{0,60}\b(?:getty images|afp|reuters|ap photo|shutterstock|epa|via reuters)\s*)\)?\s*$",
    re.IGNORECASE,
)
# An author's bio closing a story: "Jane Doe is a staff writer at Example News."
_BIO = re.compile(
    r"^\s*(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-.]+){1,3})\s+(?:is|was|has been)\s+(?:an?|the)\s+"
    r".{0,80}\b(?:reporter|correspondent|writer|editor|columnist|contributor|journalist|author|fellow|producer)\b"
    r".{0,120}$"
)


# A heading over a list of topic tags or links at the foot of a page ("Topics", "More on this story").
_LIST_HEADING = re.compile(
    r"^\s*(?:topics|tags|keywords|categories|filed under|related(?: topics| stories| articles| content)?|"
    r"more on (?:this|these) (?:story|stories|topics?)|explore more on these topics|"
    r"more (?:stories|news) from\b.{0,40}|read more|see also|you (?:may|might) also like)\s*:?\s*$",
    re.IGNORECASE,
)


def is_list_heading(line: str) -> bool:
    return bool(_LIST_HEADING.match(line))


def is_caption(line: str) -> bool:
    return len(line) < 160 and bool(_CAPTION.match(line))


def author_bio(line: str) -> str | None:
    """The author named by a closing bio line, else None."""
    match = _BIO.match(line)
    return match.group("name") if match and len(line) < 300 else None


def is_furniture(line: str) -> bool:
    """Any page furniture that is not reuse terms (those are kept as `Document.license`)."""
    return is_social(line) or is_prompt(line) or is_control(line) or logo_outlet(line) is not None


# A heading that introduces a list of teaser links ("Related:", "DON'T MISS", "More from X"); the short
# lines under it are headlines of other stories.
_TEASER_HEADING = re.compile(
    r"^\s*(?:related(?: articles?| stories| coverage| content| reading)?|read more|see more|see also|"
    r"don[’']?t miss|more from\b.{0,40}|more stories|recommended(?: for you| reading)?|"
    r"you (?:may|might) also like|most (?:read|popular)|trending(?: now)?|top stories|latest(?: news)?)"
    r"\s*[:\-–—]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_TEASER_ITEM = re.compile(r"^\s*(?:[-•*▪►»]\s+\S|.{5,160}\s\[[A-Z][A-Z ]{2,15}\]\|?\s*$)")


_SEPARATOR = re.compile(r"^\s*[_\-=*~#•·]{3,}\s*$")


def _teaser_item(line: str) -> bool:
    return bool(_TEASER_ITEM.match(line)) and len(line) < 200


def trim_extracted(lines: list[str]) -> list[str]:
    """An extracted body without furniture lines trafilatura left in: share/follow prompts, newsletter and
    comment prompts, and teaser lists ("Related:" then headlines of other stories)."""
    kept: list[str] = []
    in_teasers = False
    for line in lines:
        heading = _TEASER_HEADING.match(line)
        if heading and len(line) < 200 and (not heading.group("rest") or ":" in line[:20] or line.isupper()):
            in_teasers = True
            continue
        if in_teasers and _teaser_item(line):
            continue
        in_teasers = False
        if _SEPARATOR.match(line):
            # A rule ("___") between story and notes: the benchmark's gold bodies keep it, and it is harmless.
            kept.append(line)
            continue
        if len(line) < 300 and (is_prompt(line) or is_social(line) or is_control(line)):
            continue
        kept.append(line)
    return kept


def strip_inline_teasers(paragraph: str) -> str:
    return INLINE_TEASER.sub("", paragraph)
