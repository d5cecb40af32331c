# Shared by the benchmark scripts (sourced from the repository root): build in release,
# name the binary, the data folder and the reference list of municipalities, make a data
# set once, and a Python virtual environment from a requirements file.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release -q
bin="$CARGO_TARGET_DIR/release/ikrapport"
work="${BENCH_DIR:-/tmp/ikrapport-bench}"
ref="../shared/reference/municipalities-2025.csv"
mkdir -p "$work"

# Generate a profile into $work/<profile> unless it is there; with real names and
# populations when the reference list is beside the repository.
generate_once() { # profile
  [ -d "$work/$1" ] && return
  if [ -f "$ref" ]; then
    "$bin" generate --profile "$1" --reference "$ref" --out "$work/$1" -q
  else
    "$bin" generate --profile "$1" --out "$work/$1" -q
  fi
}

# A virtual environment with the pinned packages, made once.
venv() { # folder, requirements file
  if [ ! -x "$1/bin/python" ]; then
    python3 -m venv "$1"
    "$1/bin/pip" install -q -r "$2"
  fi
}
