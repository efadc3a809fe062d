#!/usr/bin/env bash
# Installer smoke test (issue 6), run by .ci/run after `mvn -B clean verify`:
#  1. builds the jpackage app-image and .deb with the `package` profile,
#  2. checks the runtime image against jdeps and the .deb against its size budget,
#  3. runs the app-image launcher on the sample data and compares every byte of stdout, stderr and
#     the exit code with `java -jar target/eventscope.jar` given the same arguments,
#  4. as root: installs the .deb with apt-get, runs the installed `eventscope`, checks the menu
#     entries, then removes the package again.
# Any mismatch fails the script (exit 1); the last line counts the checks.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
passed=0
failed=0
skipped=0
pass() { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*" >&2; }
skip() { skipped=$((skipped + 1)); echo "skip $*"; }

deb_budget_bytes=$((60 * 1024 * 1024))
sample=assets/samples/bank-demo.jsonl
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# jpackage builds the .deb with dpkg-deb under fakeroot (.ci/run installs fakeroot and binutils).
for tool in fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "ci-smoke: $tool is missing; install fakeroot (and dpkg)." >&2; exit 1; }
done

echo "== building app-image and .deb"
# dpkg-deb's default xz takes 40-90 s on two cores for this package; gzip takes 5 s and makes the
# .deb about 3 MB larger, so the size budget below is checked on the larger variant.
export DPKG_DEB_COMPRESSOR_TYPE=gzip
build_started=$(date +%s)
mvn -B -Ppackage -DskipTests package
echo "build took $(( $(date +%s) - build_started )) s"

version=$(sed -n 's/^version=//p' target/maven-archiver/pom.properties)
image=target/jpackage/image/eventscope
launcher=$image/bin/eventscope
deb=$(ls target/jpackage/installer/eventscope_"$version"-*_*.deb)
[ -x "$launcher" ] || { echo "ci-smoke: no launcher at $launcher" >&2; exit 1; }

echo "== sizes"
deb_bytes=$(stat -c %s "$deb")
echo "app-image: $(du -sh "$image" | cut -f1) ($image)"
echo ".deb:      $((deb_bytes / 1024 / 1024)) MiB ($deb)"
if [ "$deb_bytes" -le "$deb_budget_bytes" ]; then pass ".deb is within 60 MiB"; else fail ".deb is $deb_bytes bytes, over the 60 MiB budget"; fi

echo "== link and case associations"
# The link entry is written by the package's postinst: check the script the .deb carries (no root needed).
dpkg-deb -e "$deb" "$work/control"
if grep -q '^MimeType=x-scheme-handler/eventscope;$' "$work/control/postinst" \
    && grep -q '^Exec=/opt/eventscope/bin/eventscope %u$' "$work/control/postinst"; then
  pass "the .deb registers eventscope:// links (MimeType=x-scheme-handler/eventscope, Exec … %u)"
else
  fail "the .deb's postinst writes no eventscope:// link entry with MimeType and %u"
fi
if grep -q '^MimeType=application/x-ndjson;application/x-eventscope-case;$' "$work/control/postinst"; then
  pass "the .deb opens .esc case files (application/x-eventscope-case) with 'eventscope view %f'"
else
  fail "the .deb's open entry does not take .esc case files"
fi

echo "== runtime modules"
if packaging/check-modules.sh; then pass "runtime image has every module jdeps requires"; else fail "runtime image misses modules"; fi

# Runs ARGS with the given launcher command and with the jar, and compares stdout, stderr and exit code.
same_as_jar() {
  local what=$1; shift
  local launcher_cmd=$1; shift
  local rc_l=0 rc_j=0
  "$launcher_cmd" "$@" >"$work/l.out" 2>"$work/l.err" || rc_l=$?
  java -jar target/eventscope.jar "$@" >"$work/j.out" 2>"$work/j.err" || rc_j=$?
  if [ "$rc_l" != "$rc_j" ]; then
    fail "$what: eventscope $* exits $rc_l, the jar exits $rc_j"; cat "$work/l.err" >&2
  elif ! cmp -s "$work/l.out" "$work/j.out"; then
    fail "$what: eventscope $* prints other output than the jar"; diff "$work/j.out" "$work/l.out" | head -n 20 >&2 || true
  elif ! cmp -s "$work/l.err" "$work/j.err"; then
    fail "$what: eventscope $* prints other errors than the jar"; diff "$work/j.err" "$work/l.err" | head -n 20 >&2 || true
  elif [ "$rc_l" = 0 ] && ! [ -s "$work/l.out" ]; then
    fail "$what: eventscope $* printed nothing"
  else
    pass "$what: eventscope $* answers like the jar (exit $rc_l, $(wc -c <"$work/l.out") bytes)"
  fi
}

compare_commands() {
  local what=$1 cmd=$2
  same_as_jar "$what" "$cmd" state bundled:sample --format json
  same_as_jar "$what" "$cmd" state "$sample" --format json
  same_as_jar "$what" "$cmd" state "$sample" --position 5000 --format table
  same_as_jar "$what" "$cmd" events "$sample" --from 100 --limit 50 --format csv
  same_as_jar "$what" "$cmd" verify "$sample"
  same_as_jar "$what" "$cmd" state "$work/no-such-file.jsonl"
}

expect_version() {
  local what=$1 cmd=$2 got
  got=$("$cmd" --version 2>&1) || true
  if [ "$got" = "Eventscope $version" ]; then pass "$what: --version says $got"; else fail "$what: --version says '$got', expected 'Eventscope $version'"; fi
}

echo "== app-image launcher"
expect_version "app-image" "$launcher"
compare_commands "app-image" "$launcher"

echo "== .deb install"
if [ "$(id -u)" != 0 ]; then
  skip ".deb install: needs root (CI runs as root)"
else
  export DEBIAN_FRONTEND=noninteractive
  if dpkg -s eventscope >/dev/null 2>&1; then apt-get purge -y -qq eventscope >/dev/null; fi
  # desktop-file-validate checks the menu entries the package installs.
  apt_install() { apt-get install -y -qq --no-install-recommends "./$deb" desktop-file-utils >"$work/apt.log" 2>&1; }
  if apt_install || { apt-get update -qq && apt_install; }; then
    pass "apt-get install ./$deb"
    installed=$(command -v eventscope || true)
    if [ "$installed" = /usr/bin/eventscope ]; then pass "eventscope is on the PATH ($installed)"; else fail "eventscope is not on the PATH after install (found '$installed')"; fi
    expect_version "installed" eventscope
    same_as_jar "installed" eventscope state "$sample" --format json
    for entry in /usr/share/applications/eventscope-eventscope.desktop /usr/share/applications/eventscope-open.desktop \
        /usr/share/applications/eventscope-link.desktop; do
      if [ -f "$entry" ] && desktop-file-validate "$entry"; then pass "menu entry $entry is valid"; else fail "menu entry $entry is missing or invalid"; fi
    done
    if grep -q '^MimeType=x-scheme-handler/eventscope;$' /usr/share/applications/eventscope-link.desktop 2>/dev/null; then
      pass "the installed link entry carries MimeType=x-scheme-handler/eventscope"
    else
      fail "the installed link entry lacks MimeType=x-scheme-handler/eventscope"
    fi
    if apt-get purge -y -qq eventscope >"$work/apt.log" 2>&1 && ! [ -e /usr/bin/eventscope ] \
        && ! [ -e /usr/share/applications/eventscope-eventscope.desktop ] \
        && ! [ -e /usr/share/applications/eventscope-link.desktop ] && ! [ -e /opt/eventscope ]; then
      pass "apt-get purge eventscope leaves no launcher, menu entry or /opt/eventscope behind"
    else
      fail "apt-get purge eventscope left files behind or failed"; tail -n 20 "$work/apt.log" >&2
    fi
  else
    fail "apt-get install ./$deb failed"; tail -n 30 "$work/apt.log" >&2
  fi
fi

echo "== done in $(( $(date +%s) - started )) s"
echo "ci-smoke: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
