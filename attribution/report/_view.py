"""Presentation helpers shared by the report formats.

Nothing here decides anything about the audit: these functions only order,
look up and shorten what the pipeline produced, so that every format shows
the same data in the same order.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from ..model import Attribution, Finding, Report, Severity, Source, Speaker
from ..vocab import load_people

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)

_NUM = re.compile(r"(\d+)")
_WS = re.compile(r"\s+")


def natural_key(id_: str) -> tuple:
    """``a2`` before ``a10``."""
    return tuple(int(p) if p.isdigit() else p for p in _NUM.split(id_))


def severity(value) -> Severity:
    return value if isinstance(value, Severity) else Severity(value)


def attributions(report: Report) -> list[Attribution]:
    """The report's attributions in document order."""
    return sorted(report.resolved.attributions,
                  key=lambda a: (a.content_hull.start, a.content_hull.end, natural_key(a.id)))


def findings(report: Report) -> list[Finding]:
    """The report's findings in document order (worse first at the same spot)."""
    return sorted(report.findings,
                  key=lambda f: (f.start, f.end, -severity(f.severity).rank, f.rule, f.message))


def findings_worst_first(reports: Iterable[Report]) -> Iterator[tuple[Report, Finding]]:
    """All findings of all reports: errors, then warnings, then info; each in input order."""
    for level in SEVERITIES:
        for report in reports:
            for f in findings(report):
                if severity(f.severity) is level:
                    yield report, f


def counts(reports: Iterable[Report]) -> dict[str, int]:
    """Findings per severity, in the contract's key order."""
    out = {"error": 0, "warning": 0, "info": 0}
    for report in reports:
        for f in report.findings:
            out[severity(f.severity).value] += 1
    return out


def span_text(source: Source, start: int, end: int) -> str:
    return source.text[start:end]


def attribution_text(source: Source, a: Attribution) -> str:
    """The content as the reader sees it: the pieces joined (the cue between them left out)."""
    return " … ".join(source.text[s.start:s.end] for s in a.content)


def one_line(text: str) -> str:
    return _WS.sub(" ", text).strip()


def shorten(text: str, width: int, *, placeholder: str = "…") -> str:
    """``text`` on one line, cut at a word boundary to at most ``width`` characters."""
    text = one_line(text)
    if len(text) <= width:
        return text
    if width <= len(placeholder):
        return text[:width]
    cut = text[: width - len(placeholder)]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + placeholder


def error_line(path: str, message: str) -> str:
    """``path: message`` for an unreadable input (the load stage's messages already name the path)."""
    return message if path and path in message else f"{path}: {message}"


def by_id(report: Report) -> dict[str, Attribution]:
    return {a.id: a for a in report.resolved.attributions}


def speaker_of(report: Report, a: Attribution) -> Speaker | None:
    return report.resolved.speaker(a.speaker)


def who(report: Report, a: Attribution) -> str:
    """The speaker's name, else the source mention, else a dash."""
    sp = speaker_of(report, a)
    if sp is not None:
        return sp.name
    if a.source is not None:
        return one_line(span_text(report.source, a.source.start, a.source.end))
    return "(no source)"


def cue_text(report: Report, a: Attribution) -> str:
    if a.cue is None:
        return "—"
    return one_line(span_text(report.source, a.cue.start, a.cue.end))


def title_role(sp: Speaker) -> str:
    return ", ".join(x for x in (sp.title, sp.role) if x)


def speaker_label(sp: Speaker) -> str:
    """``Ryan Dillon (Col., spokesman, U.S.-led coalition)``."""
    extra = ", ".join(x for x in (sp.title, sp.role, sp.affiliation) if x)
    return f"{sp.name} ({extra})" if extra else sp.name


def attribution_counts(report: Report) -> dict[str | None, int]:
    out: dict[str | None, int] = {}
    for a in report.resolved.attributions:
        out[a.speaker] = out.get(a.speaker, 0) + 1
    return out


def grouped_by_speaker(report: Report) -> list[tuple[Speaker | None, list[Attribution]]]:
    """Attributions grouped by speaker, speakers in roster order; unlinked ones last."""
    attrs = attributions(report)
    groups: list[tuple[Speaker | None, list[Attribution]]] = []
    for sp in report.resolved.speakers:
        mine = [a for a in attrs if a.speaker == sp.id]
        if mine:
            groups.append((sp, mine))
    known = {sp.id for sp in report.resolved.speakers}
    rest = [a for a in attrs if a.speaker not in known]
    if rest:
        groups.append((None, rest))
    return groups


def linked(report: Report, f: Finding) -> list[Attribution]:
    """The attributions a finding names, in the finding's order (unknown ids skipped)."""
    table = by_id(report)
    return [table[i] for i in f.attributions if i in table]


def end_line_col(source: Source, f: Finding) -> tuple[int, int]:
    """Line and column of the last character of the finding's span (1-based, inclusive)."""
    if f.end <= f.start:
        return f.line, f.column
    return source.line_col(f.end - 1)


def normalise(text: str) -> str:
    """Text for fingerprints: NFKC, straight quotes, case-folded, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_QUOTES)
    return one_line(text).casefold()


_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
                         "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2039": "'", "\u203a": "'"})


# ------------------------------------------------------------------ text as the reader sees it

def reader_text(source: Source, start: int, end: int) -> str:
    """The words a reader sees in ``source.text[start:end]``, on one line.

    HTML entities and tags, and Markdown link and emphasis syntax, are what the
    load stage put in each block's text (decoded or blanked); a span that no
    block covers is shown as it is in the file.
    """
    pieces: list[str] = []
    covered = False
    for b in source.blocks:
        if b.end <= start or b.start >= end:
            continue
        covered = True
        if b.offsets is None:
            lo, hi = max(start, b.start) - b.start, min(end, b.end) - b.start
            raw = source.text[b.start + lo:b.start + hi]
            view = b.text[lo:hi]
            # Markdown markup is blanked to spaces of equal length: leave it out
            pieces.append("".join(v for v, r in zip(view, raw) if v == r or not v.isspace() or r.isspace()))
        else:
            pieces.append("".join(ch for i, ch in enumerate(b.text) if start <= b.to_file(i) < end))
        pieces.append(" ")
    if not covered:
        return one_line(source.text[start:end])
    return one_line("".join(pieces))


def content_text(source: Source, a: Attribution) -> str:
    """:func:`attribution_text` as the reader sees it (entities decoded, markup left out)."""
    return " … ".join(reader_text(source, s.start, s.end) for s in a.content)


# ------------------------------------------------------------------ the roster, as an editor reads it

_TITLE_ROLE = {"sen.": "senator", "rep.": "representative", "gov.": "governor", "gen.": "general",
               "col.": "colonel", "lt.": "lieutenant", "sgt.": "sergeant", "capt.": "captain",
               "supt.": "superintendent", "pres.": "president", "prof.": "professor",
               "cmdr.": "commander", "adm.": "admiral", "maj.": "major", "insp.": "inspector"}
def _always_capital():
    """Words shown capitalised whatever the copy wrote (people.toml [names] capitalised)."""
    return load_people().capitalised


_GENERAL = re.compile(r"\b(director|secretary|attorney|surgeon|inspector|solicitor|consul|postmaster|"
                      r"adjutant|auditor|governor|procurator|commissioner|comptroller)[ -](general)\b",
                      re.IGNORECASE)


def _sentence_initial(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"'\u201c\u2018([*_#>":
        j -= 1
    return j < 0 or text[j] in ".!?\n\r:\u201d"


def _capitalised_mid_sentence(text: str, word: str) -> bool:
    for m in re.finditer(r"\b" + re.escape(word) + r"\b", text):
        if not _sentence_initial(text, m.start()):
            return True
    return False


def _nearest(matches: list[re.Match], sp: Speaker) -> re.Match | None:
    if not matches:
        return None
    where = [m.start for m in sp.mentions] or [0]
    return min(matches, key=lambda m: min(abs(m.start() - w) for w in where))


def _phrase(text: str, before: str, word: str, sp: Speaker) -> str | None:
    """``before word`` as written in the text near the speaker ("Business owner", "project manager")."""
    pat = re.compile(r"(?<![\w-])" + re.escape(before) + r"\s+" + re.escape(word) + r"(?![\w-])",
                     re.IGNORECASE)
    m = _nearest(list(pat.finditer(text)), sp)
    if m is None:
        return None
    found = one_line(m.group(0))
    first = found.split(" ", 1)[0]
    if (first[:1].isupper() and not first.isupper() and _sentence_initial(text, m.start())
            and first.casefold() not in _always_capital()
            and not _capitalised_mid_sentence(text, first)):
        found = found[:1].lower() + found[1:]
    return found


def _name(text: str, name: str) -> str:
    words = name.split(" ")
    out = []
    for w in words:
        key = w.casefold()
        if w.islower() and key in _always_capital():
            w = _always_capital()[key]
        elif w.islower() and w.isalpha() and len(w) > 2 and _capitalised_mid_sentence(text, w.capitalize()) \
                and not re.search(r"\b" + re.escape(w) + r"\b", text):
            w = w.capitalize()
        out.append(w)
    return " ".join(out)


def roster_entry(report: Report, sp: Speaker) -> tuple[str, str, str]:
    """``(name, title and role, affiliation)`` of a speaker, worded for an editor.

    Presentation only (resolve's data are left as they are): a role that repeats the
    title is said once ("Mayor", not "Mayor, mayor"); "general" reads "director
    general" when the article says so; a one-word affiliation the article writes
    in front of the role becomes part of it ("business owner", not "owner,
    Business"); party names keep their capital ("Republicans").
    """
    text = report.source.text
    name = _name(text, sp.name)
    title, role, aff = sp.title, sp.role, sp.affiliation
    if role and role.casefold() == "general" and (title or "").casefold() not in ("gen.", "general"):
        m = _nearest(list(_GENERAL.finditer(text)), sp)
        if m:
            role = one_line(m.group(0)).lower()
    if title and role:
        t, r = title.casefold(), role.casefold()
        if t == r or _TITLE_ROLE.get(t) == r or t.endswith(" " + r):
            role = None
    if aff and len(aff.split()) <= 2:
        for attr in ("role", "title"):
            value = role if attr == "role" else title
            if not value:
                continue
            phrase = _phrase(text, aff, value, sp)
            if phrase:
                if attr == "role":
                    role = phrase
                else:
                    title = phrase
                aff = None
                break
    if aff and aff.islower() and aff.casefold() in _always_capital():
        aff = _always_capital()[aff.casefold()]
    return name, ", ".join(x for x in (title, role) if x), aff or ""
