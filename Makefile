# The two commands of the README: `make audit` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
SAMPLE ?= corpus/russia-sdf-syria.txt

.PHONY: audit test install bench eval fuzz findings

# CPU-only torch, pinned like pyproject.toml: a bare `torch` from PyPI is the CUDA build (~2.5 GB).
TORCH  ?= torch==2.13.0

$(BIN)/attribution: pyproject.toml scripts/install_torch.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# the PyTorch CPU index first (15 s timeout, 2 retries), then the default index; it says
	# which wheel it installed, from where, and warns if that is a CUDA build
	$(BIN)/python scripts/install_torch.py --requirement '$(TORCH)'
	# the distribution was named `attribution` before 0.2.0 (on PyPI that name is another project)
	if $(BIN)/pip show -q attribution >/dev/null 2>&1; then $(BIN)/pip uninstall -q -y attribution; fi
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
