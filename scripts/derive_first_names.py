"""Derive ``attribution/data/first_names.txt``: common first names and the gender they are
given in U.S. usage, gender evidence for "he"/"she" beyond ``people.toml``'s short hand lists
([gender] male_names, female_names).

Source: the Faker package (MIT licence, Copyright (c) 2012 Daniele Faraglia), its en_US person
provider's ``first_names_female`` and ``first_names_male`` (frequency lists after the U.S.
Census and Social Security name tables).  Recipe (deterministic; no article text is read):
1. the provider module is read from a Faker wheel or an unpacked copy, as Python source (its
   two OrderedDict literals; nothing of it is run);
2. a name in both lists ("Jordan", "Kelly", "Taylor") is left out, as is a name that
   ``people.toml`` gives the other gender ("Lindsey" is male there);
3. one line per name: ``Name<TAB>m`` or ``Name<TAB>f``, sorted.

The hand lists in ``people.toml`` win over this file wherever both name a word.  Run:
``python scripts/derive_first_names.py PATH-TO-faker-*.whl`` (``--check``: exit 1 when the
file is not what the recipe gives).
"""
from __future__ import annotations

import ast
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "attribution" / "data" / "first_names.txt"
PROVIDER = "faker/providers/person/en_US/__init__.py"
HEADER = ("# First names and their usual gender (m/f), derived by scripts/derive_first_names.py from\n"
          "# the Faker package's en_US person provider (MIT licence); do not edit by hand.\n"
          "# Faker: Copyright (c) 2012 Daniele Faraglia; MIT licence, https://github.com/joke2k/faker\n")


def _provider_source(path: Path) -> str:
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as z:
            return z.read(PROVIDER).decode("utf-8")
    if path.is_dir():
        return (path / PROVIDER).read_text(encoding="utf-8")
    return path.read_text(encoding="utf-8")


def _names(source: str, field: str) -> list[str]:
    """The keys of the ``field = OrderedDict((("Name", weight), ...))`` literal."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == field for t in node.targets):
            call = node.value
            if isinstance(call, ast.Call) and call.args:
                pairs = ast.literal_eval(call.args[0])
                return [name for name, _ in pairs]
    raise SystemExit(f"derive_first_names: no {field} in the provider module")


def derive(path: Path) -> str:
    source = _provider_source(path)
    female, male = set(_names(source, "first_names_female")), set(_names(source, "first_names_male"))
    people = tomllib.loads((ROOT / "attribution" / "data" / "people.toml").read_text(encoding="utf-8"))["gender"]
    hand_m, hand_f = set(people["male_names"]), set(people["female_names"])
    lines = []
    for name in sorted(female | male):
        if name in female and name in male:
            continue
        g = "f" if name in female else "m"
        if (g == "f" and name in hand_m) or (g == "m" and name in hand_f):
            continue
        if not name.isalpha() or not name.isascii():
            continue
        lines.append(f"{name}\t{g}")
    return HEADER + "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    if not args:
        raise SystemExit(__doc__)
    text = derive(Path(args[0]))
    if check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("first_names.txt is up to date" if same else "first_names.txt differs from the recipe")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {text.count(chr(10)) - 2} names")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
