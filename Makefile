# Entry points (see README): `make quiz`, `make lesson`, `make test`. Each creates .venv on first use and
# installs only what it needs: the quiz tools, plus the Jupyter lesson stack, plus the developer tools.
#   make quiz ARTICLE=my-article.html OUT=my-quiz VERSIONS=2 LENGTH=short
#   make lesson IP=0.0.0.0            (the classroom: students open http://THIS-MACHINE:8866)
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARTICLE ?= seeds/kazakhstan-abraham-accords-india-today-2025-11-07.txt
OUT ?= out
VERSIONS ?= 3
SEED ?= 1
LENGTH ?=
NOTEBOOKS ?= notebooks
IP ?= 127.0.0.1
PORT ?= 8866

.PHONY: quiz lesson test setup lint typecheck clean

# Stamps: one per install level, redone when pyproject.toml changes.
$(VENV)/.quiz: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --no-compile --upgrade pip
	$(BIN)/pip install -q --no-compile -e .
	touch $@

$(VENV)/.lesson: $(VENV)/.quiz
	$(BIN)/pip install -q -e '.[lesson]'
	touch $@

$(VENV)/.dev: $(VENV)/.quiz
	$(BIN)/pip install -q -e '.[dev,lesson]'
	touch $@

setup: $(VENV)/.dev
	@if command -v npm >/dev/null; then npm --prefix tests/js ci --silent; \
	else echo "npm not found: the GIFT reader tests (gift-pegjs) will be skipped"; fi

quiz: $(VENV)/.quiz
	@mkdir -p $(OUT)
	$(BIN)/quizkit generate "$(ARTICLE)" -o $(OUT)/quiz.json --seed $(SEED) $(if $(LENGTH),--length $(LENGTH))
	$(BIN)/quizkit check $(OUT)/quiz.json
	$(BIN)/quizkit render $(OUT)/quiz.json --versions $(VERSIONS) --seed $(SEED) -o $(OUT)

lesson: $(VENV)/.lesson
	$(BIN)/python -m quizkit.lesson.serve $(NOTEBOOKS) --ip $(IP) --port $(PORT)

lint: setup
	$(BIN)/ruff check quizkit tests benchmarks
	$(BIN)/ruff format --check quizkit tests benchmarks

typecheck: setup
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
