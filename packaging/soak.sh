#!/bin/sh
# Soak (not in CI): the viewer tails a station receiving RATE events/s for MINUTES under Xvfb and records
# heap, FX pulse gap and lag to a CSV, then plots it to a PNG (Java2D, no plotting package needed).
# Usage: packaging/soak.sh [MINUTES=30] [RATE=1000] [OUT=target/soak]   (needs nats-server and Xvfb)
set -eu
MINUTES=${1:-30}
RATE=${2:-1000}
OUT=${3:-target/soak}
cd "$(dirname "$0")/.."
mkdir -p "$OUT"
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt"
# A private copy of the classes: a rebuild during the 30 minutes must not pull them from under the run.
rm -rf "$OUT/classes" && mkdir -p "$OUT/classes" && cp -r target/classes "$OUT/classes/main" && cp -r target/test-classes "$OUT/classes/test"
CP="$OUT/classes/test:$OUT/classes/main:$(cat "$OUT/classpath.txt")"
JFX="-Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=false"
xvfb-run -a -s "-screen 0 1400x900x24" java -Xmx1g $JFX -cp "$CP" io.eventscope.ui.SoakRun "$MINUTES" "$RATE" "$OUT/soak.csv" 10 \
  > "$OUT/soak.log" 2>&1
java -Djava.awt.headless=true -cp "$CP" io.eventscope.ui.SoakPlot "$OUT/soak.csv" "$OUT/soak.png"
echo "wrote $OUT/soak.csv and $OUT/soak.png"
