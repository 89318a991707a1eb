"""``--format markdown``: a pull-request comment summarising the audit.

A counts table per severity, a findings table (file:line, severity, rule,
message: each message printed once), then one collapsed ``<details>`` section
per file with its sources roster.  GitHub caps comments at 65,536 characters, so the findings table
stops after :data:`MAX_ROWS` rows and says how many were left out.
"""
from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from ..model import Report
from ..vocab.inflect import counted
from . import _view, safe

MAX_ROWS = 100


def cell(text: str) -> str:
    """Text inert inside a Markdown table cell: one line, HTML, pipes and Markdown escaped,
    no links, images, autolinks or @mentions (see :func:`attribution.report.safe.markdown`)."""
    return safe.markdown(text)


def render(reports: Sequence[Report], *, tool: dict, errors: Iterable[tuple[str, str]] = ()) -> str:
    errors = list(errors)
    counts = _view.counts(reports)
    total = sum(counts.values())
    n_attr = sum(len(r.resolved.attributions) for r in reports)
    out = [f"## attribution: {counted(total, 'finding')} in {counted(len(reports), 'document')}", ""]
    out.append(f"{counted(n_attr, 'attribution')} checked"
               + (f" with model `{tool['model']}`" if tool.get("model") else "") + ".")
    out += ["", "| Severity | Findings |", "|---|---:|"]
    out += [f"| {sev} | {n} |" for sev, n in counts.items()]
    out.append("")

    if errors:
        out += ["**Could not read:**", ""]
        out += [f"- {cell(_view.error_line(p, m))}" for p, m in errors]
        out.append("")

    rows = list(_view.findings_worst_first(reports))
    if rows:
        out += ["| Location | Severity | Rule | Message |", "|---|---|---|---|"]
        for report, f in rows[:MAX_ROWS]:
            sev = _view.severity(f.severity).value
            out.append(f"| {safe.markdown_code(f'{report.source.path}:{f.line}')} | {sev} | `{f.rule}` "
                       f"| {cell(f.message)} |")
        if len(rows) > MAX_ROWS:
            out.append(f"\n…and {len(rows) - MAX_ROWS} more findings (see the full report: "
                       f"`attribution audit --format line`).")
        out.append("")

    for report in reports:
        out += _details(report)
    version = tool.get("version")
    out.append(f"<sub>attribution {version}</sub>" if version else "")
    return "\n".join(out).rstrip("\n") + "\n"


def _details(report: Report) -> list[str]:
    source = report.source
    res = report.resolved
    found = _view.findings(report)
    out = ["<details>",
           f"<summary><code>{html.escape(source.path)}</code>: "
           f"{counted(len(res.attributions), 'attribution')}, "
           f"{counted(len(res.speakers), 'source')}, {counted(len(found), 'finding')}</summary>", ""]
    per = _view.attribution_counts(report)
    if res.speakers:
        out += ["| Source | Kind | Title / role | Affiliation | Attributions |", "|---|---|---|---|---:|"]
        for sp in res.speakers:
            name, title_role, aff = _view.roster_entry(report, sp)
            out.append(f"| {cell(name)} | {sp.kind} | {cell(title_role)} | "
                       f"{cell(aff)} | {per.get(sp.id, 0)} |")
        out.append("")
    out += ["</details>", ""]
    return out
