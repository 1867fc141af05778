#!/usr/bin/env bash
# Installs heartline as a new user would, once for each supported CPython (3.11, 3.12, 3.13) found on this
# machine, and reads the bundled example with it:
#   a fresh venv in a temporary folder, `pip install --only-binary=:all: .` (wheels only: nothing compiles),
#   `heartline read examples/the-lighthouse-keepers.txt -o reading.json`, and a check of that reading
#   (JSON Schema heartline.reading/1 when jsonschema is importable, and what the example must contain).
# Fails when a version that was found fails; says which versions it could not find (not a failure).
#
# usage: scripts/check-pythons.sh [VERSION ...]     (default: 3.11 3.12 3.13)
# Each version is looked for as pythonX.Y on PATH, then under $PYENV_ROOT/versions (default ~/.pyenv).
# The wheels are downloaded into a wheelhouse kept between runs, $HEARTLINE_WHEELHOUSE (default
# ~/.cache/heartline/wheels), and installed from there, so a second run downloads nothing (delete the
# folder to pick up new releases of the unpinned packages that spaCy pulls in).
# Set HEARTLINE_CHECK_KEEP=1 to keep the venvs (their folder is printed).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VERSIONS=("$@")
[ ${#VERSIONS[@]} -eq 0 ] && VERSIONS=(3.11 3.12 3.13)
EXAMPLE=examples/the-lighthouse-keepers.txt
HOST_PYTHON=${PYTHON:-python3}
WHEELS=${HEARTLINE_WHEELHOUSE:-${XDG_CACHE_HOME:-$HOME/.cache}/heartline/wheels}
mkdir -p "$WHEELS"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/heartline-pythons.XXXXXX")
if [ "${HEARTLINE_CHECK_KEEP:-0}" != 1 ]; then trap 'rm -rf "$WORK"' EXIT; else echo "venvs kept in $WORK"; fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
# pip builds a local folder in place: give it a copy of the tree (the files git tracks or would track), so
# no build/ or *.egg-info is written into the checkout, and none left there is reused.
SRC="$WORK/heartline"
mkdir -p "$SRC"
git ls-files -z -c -o --exclude-standard | tar -c --null -T - -f - | tar -x -C "$SRC" -f -

# The interpreter for version $1, or nothing. pyenv's shims answer for versions that are not active with
# an error, so each candidate is run and asked its version.
find_python() {
  local want=$1 cand
  local root=${PYENV_ROOT:-$HOME/.pyenv}
  for cand in "$(command -v "python$want" 2>/dev/null)" $(ls -d "$root"/versions/"$want".*/bin/python 2>/dev/null | sort -V -r); do
    [ -n "$cand" ] && [ -x "$cand" ] || continue
    if [ "$("$cand" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" = "$want" ]; then
      echo "$cand"
      return 0
    fi
  done
  return 1
}

# Checks a reading of the example: valid JSON of schema heartline.reading/1, every step run, the two
# keepers found, quotes with speakers, feelings and bonds. $1: the venv's python, $2: the reading.
check_reading() {
  "$1" - "$2" "$ROOT/src/heartline/schema/reading-1.schema.json" <<'PY' || return 1
import json, sys
reading = json.load(open(sys.argv[1], encoding="utf-8"))
problems = []
if reading.get("schema") != "heartline.reading/1":
    problems.append(f"schema is {reading.get('schema')!r}")
steps = ["segment", "characters", "speakers", "emotions", "feelings", "bonds", "arcs"]
missing = [s for s in steps if s not in reading.get("steps", [])]
if missing:
    problems.append(f"steps not run: {missing}")
names = {c.get("name") for c in reading.get("characters", [])}
if not {"Maren", "Ines"} <= names:
    problems.append(f"characters {sorted(n for n in names if n)} lack Maren or Ines")
quotes = reading.get("quotes", [])
if len(quotes) < 10 or sum(1 for q in quotes if q.get("speaker") is not None) < len(quotes) // 2:
    problems.append(f"{len(quotes)} quotes, too few with a speaker")
for key in ("sentences", "feelings", "bonds", "arcs"):
    if not reading.get(key):
        problems.append(f"no {key}")
try:
    import jsonschema
except ImportError:
    pass
else:
    schema = json.load(open(sys.argv[2], encoding="utf-8"))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(reading))
    if errors:
        problems.append(f"{len(errors)} schema errors, first: {errors[0].message[:200]}")
if problems:
    print("  bad reading: " + "; ".join(problems))
    sys.exit(1)
print(f"  reading ok: {len(reading['sentences'])} sentences, {len(quotes)} quotes, "
      f"{len(reading['characters'])} characters, {len(reading['feelings'])} feelings")
PY
  # The venv has no jsonschema (it is a test dependency); validate with the host Python when it has one.
  if ! "$1" -c "import jsonschema" 2>/dev/null && "$HOST_PYTHON" -c "import jsonschema" 2>/dev/null; then
    "$HOST_PYTHON" - "$2" "$ROOT/src/heartline/schema/reading-1.schema.json" <<'PY' || return 1
import json, sys
import jsonschema
reading = json.load(open(sys.argv[1], encoding="utf-8"))
errors = list(jsonschema.Draft202012Validator(json.load(open(sys.argv[2], encoding="utf-8"))).iter_errors(reading))
if errors:
    print(f"  reading breaks the schema ({len(errors)} errors), first: {errors[0].message[:200]}")
    sys.exit(1)
print("  reading valid against reading-1.schema.json")
PY
  fi
}

passed=() failed=() absent=()
for v in "${VERSIONS[@]}"; do
  if ! py=$(find_python "$v"); then
    echo "== Python $v: not found on this machine (looked for python$v on PATH and in pyenv)"
    absent+=("$v")
    continue
  fi
  echo "== Python $v: $py ($("$py" -c 'import platform; print(platform.python_version())'))"
  t0=$(date +%s)
  venv="$WORK/py$v"
  log="$WORK/py$v.log"
  ok=1
  if ! "$py" -m venv "$venv" >"$log" 2>&1; then
    echo "  venv failed"; ok=0
  # From the wheelhouse alone when it has every wheel; else `pip download` adds the missing ones (it skips
  # those already there; setuptools and wheel build heartline's own) and the install runs again.
  elif ! "$venv/bin/python" -m pip install -q --no-compile --only-binary=:all: --no-index --find-links "$WHEELS" \
      "$SRC" >>"$log" 2>&1 \
    && ! { "$venv/bin/python" -m pip download -q --only-binary=:all: -d "$WHEELS" "$SRC" "setuptools>=68" wheel \
      >>"$log" 2>&1 \
    && "$venv/bin/python" -m pip install -q --no-compile --only-binary=:all: --no-index --find-links "$WHEELS" \
      "$SRC" >>"$log" 2>&1; }; then
    echo "  pip install --only-binary=:all: . failed:"; tail -n 15 "$log" | sed 's/^/    /'; ok=0
  else
    t1=$(date +%s)
    echo "  installed from wheels in $((t1 - t0)) s: $("$venv/bin/python" -c '
from importlib.metadata import version as v
print(", ".join(f"{p} {v(p)}" for p in ("spacy", "thinc", "blis", "numpy", "onnxruntime")))')"
    # Run from the temporary folder, so `heartline` can only come from the venv, never from ./src.
    if ! (cd "$WORK" && "$venv/bin/heartline" read "$ROOT/$EXAMPLE" -o "$WORK/reading-$v.json" >>"$log" 2>&1); then
      echo "  heartline read failed:"; tail -n 15 "$log" | sed 's/^/    /'; ok=0
    elif ! check_reading "$venv/bin/python" "$WORK/reading-$v.json"; then
      ok=0
    else
      echo "  heartline read in $(($(date +%s) - t1)) s"
    fi
  fi
  if [ $ok = 1 ]; then passed+=("$v"); else failed+=("$v"); fi
  [ "${HEARTLINE_CHECK_KEEP:-0}" = 1 ] || rm -rf "$venv"
done

# Not a failure, but worth knowing: do the Pythons (and so their spaCy stacks) read the example alike?
if [ ${#passed[@]} -gt 1 ] && command -v "$HOST_PYTHON" >/dev/null; then
  (cd "$WORK" && "$HOST_PYTHON" - "${passed[@]}" <<'PY'
import json, sys
readings = {v: json.load(open(f"reading-{v}.json", encoding="utf-8")) for v in sys.argv[1:]}
first, *rest = sys.argv[1:]
for v in rest:
    differ = [k for k in readings[first] if k != "metadata" and readings[first][k] != readings[v].get(k)]
    print(f"== reading on {v} vs {first}: " + (f"differs in {', '.join(differ)}" if differ else "identical"))
PY
  ) || true
fi
echo "== passed: ${passed[*]:-none}; failed: ${failed[*]:-none}; not found: ${absent[*]:-none}"
if [ ${#failed[@]} -gt 0 ]; then exit 1; fi
if [ ${#passed[@]} -eq 0 ]; then echo "no supported Python found to check"; fi
exit 0
