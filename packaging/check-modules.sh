#!/usr/bin/env bash
# Checks that the jlinked runtime of the app-image carries every JDK/JavaFX module that jdeps finds
# in the application jar and its runtime jars, and prints both lists.
# Run after `mvn -Ppackage package` (it reads target/jpackage/). Exit 1 if a module is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

jp=target/jpackage
release=$(ls "$jp"/image/*/lib/runtime/release "$jp"/image/*.app/Contents/runtime/Contents/Home/release 2>/dev/null | head -n 1 || true)
if [ -z "$release" ]; then
  echo "check-modules: no app-image under $jp/image; run 'mvn -Ppackage -DskipTests package' first." >&2
  exit 1
fi

# Every jar is a root; --multi-release 17 reads the Java 17 variants of multi-release jars (Jackson, jnats).
# jdeps warns about "split packages" because each jar is both a root and on the class path; harmless.
needed=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
    --module-path "$jp/javafx" --class-path "$jp/input/lib/*" \
    "$jp"/input/*.jar "$jp"/input/lib/*.jar 2>/dev/null | grep -v '^Warning' | tail -n 1)
present=$(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$release")

echo "jdeps (reduced): $needed"
echo "runtime image:   $present"

missing=0
for module in ${needed//,/ }; do
  if ! [[ " $present " == *" $module "* ]]; then
    echo "check-modules: the runtime image lacks module $module that jdeps requires; add it to jpackage.modules in pom.xml." >&2
    missing=1
  fi
done
exit "$missing"
