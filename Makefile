# Two entry points (see README): `make quiz` and `make test`. Both create .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := seeds/kazakhstan-abraham-accords-india-today-2025-11-07.txt
OUT ?= out

.PHONY: quiz test setup lint typecheck clean

$(BIN)/quizkit: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(BIN)/quizkit

setup: $(BIN)/quizkit
	@if command -v npm >/dev/null; then npm --prefix tests/js ci --silent; \
	else echo "npm not found: the GIFT reader tests (gift-pegjs) will be skipped"; fi

quiz: setup
	@mkdir -p $(OUT)
	$(BIN)/quizkit generate $(SEED) -o $(OUT)/quiz.json --seed 1
	$(BIN)/quizkit check $(OUT)/quiz.json
	$(BIN)/quizkit render $(OUT)/quiz.json --versions 3 --seed 1 -o $(OUT)

lint: setup
	$(BIN)/ruff check quizkit tests benchmarks
	$(BIN)/ruff format --check quizkit tests benchmarks

typecheck: setup
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
