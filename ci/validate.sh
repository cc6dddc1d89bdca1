#!/usr/bin/env bash
# The GitHub Action's check (action.yml runs it; tests/test_ci_recipes.py runs it with the variables GitHub sets).
#   DTI_PATHS   globs of the files to check ('**' reaches subfolders): one per line, or on one line
#               separated by spaces (a glob with a space, as 'Sở Nội vụ/*.xlsx', takes a line of its own)
#   DTI_SPEC    a bundled spec id or a spec file (optional)
#   DTI_LANG    vi or en (default vi): the language of the job summary
#   DTI_STRICT  true: warnings fail the job too
#   DTI_ARGS    more options of dti validate (e.g. --units units.csv)
#   DTI         the dti command (default: dti)
# Writes GitHub annotations on stdout and appends a Markdown summary to $GITHUB_STEP_SUMMARY (when set).
# Exit code: dti validate's (0 valid, 1 invalid data, 2 unreadable input or usage, 3 bad spec).
set -uo pipefail
shopt -s globstar nullglob

files=()
globs=()
if [[ "${DTI_PATHS:-}" == *$'\n'* ]]; then
    while IFS= read -r line; do
        line="${line#"${line%%[![:space:]]*}"}"   # trim the line's ends
        line="${line%"${line##*[![:space:]]}"}"
        [ -n "$line" ] && globs+=("$line")
    done <<<"$DTI_PATHS"
else
    read -r -a globs <<<"${DTI_PATHS:-}" || true
fi
for glob in "${globs[@]}"; do
    IFS=''                  # the glob's own spaces are part of it: expand it, never split it
    matched=($glob)
    unset IFS
    if [ ${#matched[@]} -eq 0 ]; then
        echo "::warning::dti: no file matches '$glob'"
    fi
    files+=("${matched[@]}")
done
if [ ${#files[@]} -eq 0 ]; then
    echo "::error::dti: no file to check: set the action's 'paths' input to globs of submission files"
    exit 2
fi

options=(--lang "${DTI_LANG:-vi}")
if [ -n "${DTI_SPEC:-}" ]; then
    options+=(--spec "$DTI_SPEC")
fi
if [ "${DTI_STRICT:-false}" = "true" ]; then
    options+=(--strict)
fi
read -r -a extra <<<"${DTI_ARGS:-}" || true
options+=("${extra[@]}")
dti=${DTI:-dti}

"$dti" validate "${files[@]}" "${options[@]}" --format github
status=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    "$dti" validate "${files[@]}" "${options[@]}" --format markdown >>"$GITHUB_STEP_SUMMARY" 2>/dev/null
    echo >>"$GITHUB_STEP_SUMMARY"
fi
exit $status
