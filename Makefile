# The two commands of the README: `make audit` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
SAMPLE ?= corpus/russia-sdf-syria.txt

.PHONY: audit test install bench eval fuzz findings

$(BIN)/attribution: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# CPU torch first, pinned: a bare `torch` would pull a multi-GB CUDA build.
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test,archive]'
	touch $@

install: $(BIN)/attribution

audit: install
	$(BIN)/attribution audit $(SAMPLE) --fail-on never

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/run.py

eval: install
	$(BIN)/attribution eval ../shared/corpus/polnear/dev.jsonl --predictions build/polnear-dev.pred.jsonl
	$(BIN)/python ../shared/tools/score_attributions.py ../shared/corpus/polnear/dev.jsonl build/polnear-dev.pred.jsonl

fuzz: install
	$(BIN)/python -m pytest -q -m slow tests/test_fuzz.py

# Findings benchmark: per-rule precision/recall, wrong speakers, clean articles failing CI
# (PolNeAR dev/train gold in bench/gold/, newsroom drafts in corpus/drafts/).
findings: install
	$(BIN)/python bench/findings.py
