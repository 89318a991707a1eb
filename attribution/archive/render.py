"""The aggregate of an archive run as rich tables, CSV and a PNG chart (for ``attribution
archive-report``, :mod:`attribution.commands.archive_report`)."""
from __future__ import annotations

import os
import sys

CHART = "anonymous-share.png"


def csv_rows(summary: dict) -> list[tuple]:
    """The aggregate as tidy rows ``(section, key, metric, value)`` (easy to pivot)."""
    rows: list[tuple] = []
    for metric in ("documents", "audited", "errors"):
        rows.append(("overview", "", metric, summary[metric]))
    for metric, v in summary["attributions"].items():
        if isinstance(v, dict):
            rows.extend(("attributions", k, metric, n) for k, n in v.items())
        else:
            rows.append(("overview", "", f"attributions_{metric}", v))
    rows.extend(("overview", "", metric, v) for metric, v in summary["sources"].items())
    for sect, key in (("group", "group"), ("year", "year")):
        for row in summary["groups" if sect == "group" else "years"]:
            rows.extend((sect, row[key], m, v) for m, v in row.items() if m != key)
    for sect, table in (("speaker", "top_speakers"), ("anonymous", "top_anonymous"),
                        ("affiliation", "top_affiliations")):
        for row in summary[table]:
            rows.extend((sect, row["name"], m, v) for m, v in row.items() if m != "name")
    for row in summary["findings"]["by_rule"]:
        for m, v in row.items():
            if m == "severity":
                rows.extend(("rule", row["rule"], f"severity_{k}", n) for k, n in v.items())
            elif m != "rule":
                rows.append(("rule", row["rule"], m, v))
    return rows


def to_csv(summary: dict) -> str:
    """The CSV: text cells neutralised (no formula, no control; see :func:`safe.csv_cell`)."""
    import csv
    import io

    from ..report.safe import csv_cell

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(("section", "key", "metric", "value"))
    for section, key, metric, value in csv_rows(summary):
        w.writerow(tuple(csv_cell(v) for v in (section, key, metric, "" if value is None else value)))
    return buf.getvalue()


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def _num(x) -> str:
    return "-" if x is None else (f"{x:.2f}" if isinstance(x, float) else str(x))


def print_summary(summary: dict, console=None) -> None:
    """The aggregate as rich tables (readable at 80 columns and without colour).

    Every cell is neutralised (:func:`attribution.report.safe.line`): names and
    publishers come from the archive's documents.
    """
    from rich.table import Table

    from ..report.safe import line as safe

    if console is None:
        from ..report.terminal import make_console

        console = make_console(sys.stdout)
    a, s, f = summary["attributions"], summary["sources"], summary["findings"]
    t = Table(title="Archive", show_header=False, title_justify="left")
    t.add_column("metric")
    t.add_column("value", overflow="fold")
    t.add_row("documents", f"{summary['audited']} audited, {summary['errors']} with errors")
    t.add_row("attributions", f"{a['total']} ({_num(a['per_document'])} per document, "
                              f"median {_num(a['median_per_document'])})")
    t.add_row("documents without attributions", _num(a["documents_without_attributions"]))
    t.add_row("by type", safe(", ".join(f"{k} {v}" for k, v in a["by_type"].items())) or "-")
    t.add_row("with a speaker", _num(s["with_speaker"]))
    t.add_row("anonymous sources", f"{s['anonymous']} ({_pct(s['anonymous_share'])} of those "
                                   "with a speaker)")
    t.add_row("findings", f"{f['total']} ({_num(f['per_document'])} per document): "
              + ", ".join(f"{k} {v}" for k, v in f["by_severity"].items()))
    if summary["models"]:
        t.add_row("model", safe(", ".join(summary["models"])))
    console.print(t)

    def table(title, columns, rows):
        if not rows:
            return
        tb = Table(title=title, title_justify="left")
        for i, c in enumerate(columns):
            numeric = all(r[i][:1].isdigit() or r[i] == "-" for r in rows) and i > 0
            tb.add_column(c, justify="right" if numeric else "left", overflow="fold")
        for r in rows:
            tb.add_row(*(safe(c) for c in r))
        console.print(tb)

    label = {"publisher": "publisher", "folder": "folder"}.get(summary["group_by"], "publisher/folder")
    for title, key, rows in ((f"Per {label}", "group", summary["groups"]),
                             ("Per year", "year", summary["years"])):
        table(title, [key, "docs", "attr/doc", "anon. share", "findings/doc"],
              [(str(r[key]), str(r["documents"]), _num(r["attributions_per_document"]),
                _pct(r["anonymous_share"]), _num(r["findings_per_document"])) for r in rows])
    table("Top speakers", ["speaker", "kind", "attr.", "docs", "affiliation"],
          [(r["name"], r["kind"] or "-", str(r["attributions"]), str(r["documents"]),
            r["affiliation"] or "-") for r in summary["top_speakers"]])
    table("Top anonymous sources", ["description", "attr.", "docs"],
          [(r["name"], str(r["attributions"]), str(r["documents"])) for r in summary["top_anonymous"]])
    table("Top affiliations", ["affiliation", "attr.", "anon.", "docs"],
          [(r["name"], str(r["attributions"]), str(r["anonymous"]), str(r["documents"]))
           for r in summary["top_affiliations"]])
    table("Findings per rule", ["rule", "findings", "docs", "per 100 attr."],
          [(r["rule"], str(r["findings"]), str(r["documents"]), _num(r["per_100_attributions"]))
           for r in f["by_rule"]])
    if summary["error_documents"]:
        table("Documents with errors", ["id", "error"],
              [(str(r["id"]), str(r["error"])) for r in summary["error_documents"][:10]])


def write_chart(summary: dict, path: str | os.PathLike) -> str | None:
    """A PNG: anonymous-source share per publisher/folder, and findings per rule."""
    groups = [g for g in summary["groups"] if g["with_speaker"]]
    rules = summary["findings"]["by_rule"][:10]
    if not groups and not rules:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups = sorted(groups, key=lambda g: (g["anonymous_share"], g["group"]))[-20:]
    docs = summary["audited"] or 1
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, max(3.5, 0.45 * max(len(groups), len(rules)) + 1.6)),
                                   gridspec_kw={"width_ratios": [1.2, 1]})
    label = {"publisher": "publisher", "folder": "folder"}.get(summary["group_by"], "publisher / folder")
    if groups:
        names = [_short(g["group"]) for g in groups]
        shares = [100 * g["anonymous_share"] for g in groups]
        bars = ax1.barh(names, shares, color="#c0504d", height=0.6)
        for bar, g in zip(bars, groups):
            ax1.annotate(f"{100 * g['anonymous_share']:.1f}%  ({g['anonymous']} of {g['with_speaker']})",
                         (bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(4, 0),
                         textcoords="offset points", va="center", fontsize=8,
                         bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.8})
        overall = summary["sources"]["anonymous_share"]
        if overall is not None:
            ax1.axvline(100 * overall, color="#444444", linestyle="--", linewidth=1,
                        label=f"all: {100 * overall:.1f}%")
            ax1.legend(loc="lower right", fontsize=8)
        ax1.set_xlim(0, max(shares + [1]) * 1.5)
        ax1.set_xlabel("anonymous sources, % of attributions with a speaker")
        ax1.set_title(f"Anonymous-source share per {label}")
    else:
        ax1.set_axis_off()
    if rules:
        rnames = [_short(r["rule"], 40) for r in reversed(rules)]
        rates = [10 * r["findings"] / docs for r in reversed(rules)]
        bars = ax2.barh(rnames, rates, color="#4f81bd", height=0.6)
        for bar, r in zip(bars, reversed(rules)):
            ax2.annotate(f"{r['findings']} in all", (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                         xytext=(4, 0), textcoords="offset points", va="center", fontsize=8)
        ax2.set_xlim(0, max(rates) * 1.35)
        ax2.set_xlabel("findings per 10 documents")
        ax2.set_title("Findings per rule")
    else:
        ax2.set_axis_off()
    fig.suptitle(f"{summary['audited']} documents, {summary['attributions']['total']} attributions",
                 fontsize=10, x=0.01, ha="left")
    fig.tight_layout()
    path = str(path)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def _short(name: str, width: int = 28) -> str:
    """A chart label: controls neutralised, ``$`` escaped (no mathtext), at most ``width`` characters."""
    from ..report.safe import line

    name = line(name)
    name = name if len(name) <= width else "…" + name[-(width - 1):]
    return name.replace("$", r"\$")
