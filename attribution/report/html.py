"""``--format html``: one self-contained page an editor can read instead of a table.

Per document: the article text, paragraph by paragraph, with every attribution
highlighted in its speaker's colour (the cue in bold, the source mention
underlined); each finding sits beside the paragraph it concerns; then the
sources roster, whose colour swatches are the legend.  Words with no resolved
speaker are grey with a dashed outline.

The page needs nothing but itself: no script, no font, no image, no link out
(styles are inline in ``<style>``), so it opens the same offline, attached to an
e-mail or uploaded as a CI artifact.  Every piece of input text is escaped.
"""
from __future__ import annotations

import html as _html
import re
from collections.abc import Iterable, Sequence

from ..model import Block, Finding, Report
from ..vocab.inflect import counted
from . import _view

# Colour-blind-aware palette (Okabe-Ito, then Tableau), light enough for black text.
PALETTE = ("#f5c26b", "#8ecbf0", "#7fd3b4", "#f0e68c", "#a5b8e8", "#f4a98a", "#d9a6c8",
           "#c6dc8a", "#b9b1e0", "#f2b5b5", "#a8dadc", "#e0c097")
NO_SPEAKER = "#d9d9d9"
SEVERITY_LABEL = {"error": "Error", "warning": "Warning", "info": "Note"}

_CSS = """
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #e3e3e3; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 Georgia, 'Times New Roman', serif; color: var(--ink); background: #fafafa; }
header.verdict { padding: 14px 24px; font: 600 18px/1.4 system-ui, sans-serif; border-bottom: 1px solid var(--rule); background: #fff; }
header.verdict.error { border-left: 8px solid #c62828; }
header.verdict.warning { border-left: 8px solid #ef8f00; }
header.verdict.info, header.verdict.clean { border-left: 8px solid #2e7d32; }
header.verdict small { display: block; font-weight: 400; font-size: 14px; color: var(--muted); }
main { max-width: 1280px; margin: 0 auto; padding: 8px 24px 48px; }
section.document { background: #fff; border: 1px solid var(--rule); border-radius: 6px; margin: 20px 0; padding: 8px 20px 16px; }
section.document > h2 { font: 600 17px/1.4 ui-monospace, Menlo, Consolas, monospace; margin: 8px 0 2px; word-break: break-all; }
p.counts, p.notice { font: 14px/1.4 system-ui, sans-serif; color: var(--muted); margin: 0 0 12px; }
div.para { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 20px; border-top: 1px solid #f0f0f0; padding: 6px 0; }
div.para p.copy { margin: 0; }
div.para .line { font: 11px system-ui, sans-serif; color: #9aa0a6; margin-right: 6px; user-select: none; }
aside.findings { font: 14px/1.4 system-ui, sans-serif; }
div.finding { border-left: 4px solid #ef8f00; background: #fff8ec; padding: 6px 10px; margin: 0 0 8px; border-radius: 0 4px 4px 0; }
div.finding.error { border-color: #c62828; background: #fdecec; }
div.finding.info { border-color: #1a73e8; background: #eef4fd; }
div.finding .sev { font-weight: 700; }
div.finding code { font-size: 12px; color: var(--muted); }
div.finding .where { color: var(--muted); font-size: 12px; }
mark.attr { color: inherit; border-radius: 3px; padding: 1px 0; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark.attr.none { outline: 1px dashed #888; }
mark.attr.flagged { box-shadow: inset 0 -2px 0 #c62828; }
.cue { font-weight: 700; }
.src { text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
table.roster { border-collapse: collapse; font: 14px/1.4 system-ui, sans-serif; margin-top: 6px; }
table.roster th, table.roster td { text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--rule); vertical-align: top; }
table.roster td.n { text-align: right; }
span.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; vertical-align: -2px; margin-right: 6px; }
h3 { font: 600 15px system-ui, sans-serif; margin: 18px 0 4px; }
ul.errors { font: 14px system-ui, sans-serif; color: #c62828; }
footer { font: 12px system-ui, sans-serif; color: var(--muted); text-align: center; }
@media (max-width: 800px) { div.para { grid-template-columns: 1fr; gap: 4px; } }
@media print { body { background: #fff; } section.document { border: 0; } }
"""


def esc(text: str) -> str:
    return _html.escape(text, quote=True)


def render(reports: Sequence[Report], *, tool: dict, errors: Iterable[tuple[str, str]] = ()) -> str:
    errors = list(errors)
    counts = _view.counts(reports)
    worst = next((sev for sev in ("error", "warning", "info") if counts[sev]), "clean")
    found = ", ".join(counted(n, sev) for sev, n in counts.items() if n) or "no findings"
    head = {"error": "Not ready", "warning": "Review", "info": "OK", "clean": "Clean"}[worst]
    title = f"attribution: {found} in {counted(len(reports), 'document')}"
    n_attr = sum(len(r.resolved.attributions) for r in reports)
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{esc(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           f'<header class="verdict {worst}">{esc(head)}: {esc(found)} in '
           f"{esc(counted(len(reports), 'document'))}"
           f"<small>{esc(counted(n_attr, 'attribution'))}; every attribution is highlighted in its "
           f"speaker's colour (the cue in bold, the source underlined); findings are beside their "
           f"paragraph.</small></header>", "<main>"]
    if errors:
        out.append('<h3>Could not read</h3><ul class="errors">')
        out += [f"<li>{esc(_view.error_line(p, m))}</li>" for p, m in errors]
        out.append("</ul>")
    for k, report in enumerate(reports, 1):
        out += _document(report, k)
    bits = [f"attribution {tool['version']}" if tool.get("version") else "attribution"]
    if tool.get("model"):
        bits.append(f"model {tool['model']}")
    out += ["</main>", f"<footer>{esc(' · '.join(bits))}</footer>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ one document

def _colours(report: Report) -> dict[str | None, int]:
    return {sp.id: i for i, sp in enumerate(report.resolved.speakers)}


def _blocks(report: Report) -> list[Block]:
    """The prose blocks; a source without them (built by hand) is split at blank lines."""
    source = report.source
    if source.blocks:
        return list(source.blocks)
    return [Block(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S(?:.*\S)?(?:\n(?!\s*\n).*\S)*",
                                                                      source.text)]


def _block_of(blocks: list[Block], offset: int) -> int | None:
    for i, b in enumerate(blocks):
        if b.start <= offset < max(b.end, b.start + 1):
            return i
    return None


def _document(report: Report, k: int) -> list[str]:
    source = report.source
    res = report.resolved
    colour = _colours(report)
    blocks = _blocks(report)
    per_block: dict[int | None, list[Finding]] = {}
    for f in _view.findings(report):
        where = _block_of(blocks, f.start)
        if where is None:
            linked = _view.linked(report, f)
            where = _block_of(blocks, linked[0].content_hull.start) if linked else None
        per_block.setdefault(where, []).append(f)
    flagged = {i for f in report.findings for i in f.attributions}
    out = [f'<section class="document" id="doc-{k}">', f"<h2>{esc(source.path)}</h2>",
           f'<p class="counts">{esc(counted(len(report.findings), "finding"))} · '
           f'{esc(counted(len(res.attributions), "attribution"))} · '
           f'{esc(counted(len(res.speakers), "source"))}</p>']
    out += [f'<p class="notice">notice: {esc(n)}</p>' for n in source.notices]
    if None in per_block:  # findings outside every paragraph
        out.append('<div class="para"><p class="copy"></p><aside class="findings">')
        out += [_finding(report, f) for f in per_block[None]]
        out.append("</aside></div>")
    for i, b in enumerate(blocks):
        line, _ = source.line_col(b.start)
        out.append(f'<div class="para" id="doc-{k}-p{i + 1}" data-line="{line}">'
                   f'<p class="copy"><span class="line">L{line}</span>'
                   f"{_paragraph(report, b, colour, flagged)}</p>")
        out.append('<aside class="findings">' + "".join(_finding(report, f) for f in per_block.get(i, []))
                   + "</aside></div>")
    out += _roster(report, colour)
    out.append("</section>")
    return out


def _paragraph(report: Report, b: Block, colour: dict, flagged: set[str]) -> str:
    """The block's text as read, with attribution, cue and source spans marked."""
    source = report.source
    lo, hi = b.start, max(b.end, b.to_file_end(len(b.text)))
    spans_of = lambda a: [s for s in (*a.content, a.cue, a.source) if s is not None]  # noqa: E731
    attrs = [a for a in _view.attributions(report)
             if any(s.start < hi and lo < s.end for s in spans_of(a))]
    # per character of the block's text: (attribution index or None, "cue" | "src" | "")
    n = len(b.text)
    files = [b.to_file(i) for i in range(n)]
    owner: list[int | None] = [None] * n
    part = [""] * n
    for ai, a in enumerate(attrs):  # later (inner) attributions overwrite earlier ones
        for span in a.content:
            for i in range(n):
                if span.start <= files[i] < span.end:
                    owner[i] = ai
    for ai, a in enumerate(attrs):
        for span, kind in ((a.cue, "cue"), (a.source, "src")):
            if span is None:
                continue
            for i in range(n):
                if span.start <= files[i] < span.end:
                    part[i] = kind
                    if owner[i] is None:
                        owner[i] = ai
    # characters the reader sees: Markdown markup blanked by the load stage is left out
    chars = []
    for i, ch in enumerate(b.text):
        if b.offsets is None and ch.isspace() and not source.text[files[i]].isspace():
            continue
        chars.append((" " if ch.isspace() else ch, owner[i], part[i]))
    # collapse whitespace runs
    squeezed = []
    for c in chars:
        if c[0] == " " and squeezed and squeezed[-1][0] == " ":
            continue
        squeezed.append(c)
    while squeezed and squeezed[0][0] == " ":
        squeezed.pop(0)
    while squeezed and squeezed[-1][0] == " ":
        squeezed.pop()
    # a space between two pieces of the same attribution (quote, source, cue) joins them
    for j in range(1, len(squeezed) - 1):
        ch, ai, kind = squeezed[j]
        if ch == " " and ai is None and squeezed[j - 1][1] is not None \
                and squeezed[j - 1][1] == squeezed[j + 1][1]:
            squeezed[j] = (ch, squeezed[j - 1][1], "")
    html_out: list[str] = []
    cur_owner, cur_part, buf = None, "", []

    def flush_part():
        if buf:
            text = esc("".join(buf))
            html_out.append(f'<span class="{cur_part}">{text}</span>' if cur_part else text)
            buf.clear()

    def open_mark(ai):
        a = attrs[ai]
        sp = _view.speaker_of(report, a)
        bg = NO_SPEAKER if sp is None else PALETTE[colour[sp.id] % len(PALETTE)]
        who = _view.who(report, a)
        label = f"{who} · {_view.cue_text(report, a)} · {a.type}" if sp else \
            f"no resolved speaker · {_view.cue_text(report, a)} · {a.type}"
        classes = "attr" + (" none" if sp is None else "") + (" flagged" if a.id in flagged else "")
        html_out.append(f'<mark class="{classes}" data-attr="{esc(a.id)}" '
                        f'data-speaker="{esc(a.speaker or "")}" data-type="{esc(a.type)}" '
                        f'style="background:{bg}" title="{esc(label)}">')

    for ch, ai, kind in squeezed:
        if ai != cur_owner:
            flush_part()
            if cur_owner is not None:
                html_out.append("</mark>")
            if ai is not None:
                open_mark(ai)
            cur_owner, cur_part = ai, kind
        elif kind != cur_part:
            flush_part()
            cur_part = kind
        buf.append(ch)
    flush_part()
    if cur_owner is not None:
        html_out.append("</mark>")
    return "".join(html_out)


def _finding(report: Report, f: Finding) -> str:
    sev = _view.severity(f.severity).value
    sides = _view.linked(report, f)
    who = ""
    if sides:
        who = "<ul>" + "".join(
            f"<li>{esc(_view.who(report, a))} <b>{esc(_view.cue_text(report, a))}</b>: "
            f"{esc(_view.shorten(_view.content_text(report.source, a), 140))}</li>" for a in sides) + "</ul>"
    ids = " ".join(f.attributions)
    return (f'<div class="finding {sev}" data-rule="{esc(f.rule)}" data-attrs="{esc(ids)}">'
            f'<span class="sev">{SEVERITY_LABEL[sev]}</span> <code>{esc(f.rule)}</code> '
            f'<span class="where">{esc(report.source.path)}:{f.line}:{f.column}</span>'
            f"<div>{esc(f.message)}</div>{who}</div>")


def _roster(report: Report, colour: dict) -> list[str]:
    res = report.resolved
    if not res.speakers and not res.attributions:
        return []
    per = _view.attribution_counts(report)
    out = ["<h3>Sources</h3>", '<table class="roster"><thead><tr><th>Source</th><th>Kind</th>'
           "<th>Title / role</th><th>Affiliation</th><th>Attributions</th></tr></thead><tbody>"]
    for sp in res.speakers:
        name, title_role, aff = _view.roster_entry(report, sp)
        bg = PALETTE[colour[sp.id] % len(PALETTE)]
        out.append(f'<tr data-speaker="{esc(sp.id)}"><td><span class="swatch" style="background:{bg}"></span>'
                   f"{esc(name)}</td><td>{esc(sp.kind)}</td><td>{esc(title_role)}</td><td>{esc(aff)}</td>"
                   f'<td class="n">{per.get(sp.id, 0)}</td></tr>')
    known = {sp.id for sp in res.speakers}
    orphans = sum(1 for a in res.attributions if a.speaker not in known)
    if orphans:
        out.append(f'<tr data-speaker=""><td><span class="swatch" style="background:{NO_SPEAKER}"></span>'
                   f"No resolved speaker</td><td>—</td><td></td><td></td><td class=\"n\">{orphans}</td></tr>")
    out.append("</tbody></table>")
    return out
