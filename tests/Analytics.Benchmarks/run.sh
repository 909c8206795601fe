#!/usr/bin/env bash
# Whole-process benchmarks of issue 10, each beside its baseline in the same run (RESULTS.md has the figures and how to
# read them). Usage, from anywhere:
#
#   tests/Analytics.Benchmarks/run.sh                     # 10,000, 100,000 and 1,000,000 participations
#   tests/Analytics.Benchmarks/run.sh 10000 100000        # the sizes given; the largest also gets the extra runs
#   BENCH_REUSE=1 tests/Analytics.Benchmarks/run.sh 1000000  # keep an ingested database, measure from recompute on
#   BENCH_REUSE=1 BENCH_SKIP_RECOMPUTE=1 tests/Analytics.Benchmarks/run.sh 1000000  # a recomputed database: exports and dashboard only
#
# BENCH_DURATION (30s) is how long wrk measures each page, after BENCH_WARMUP (15s) of the same load unmeasured.
#
# Needs sqlite3 and wrk (Debian: apt-get install -y sqlite3 wrk). Works in $BENCH_WORK (default /tmp/otg-bench), which
# ends up holding the generated files, one SQLite database per size, and results.tsv: one line per measured command
# with its wall time, CPU time (user + system) and peak memory (from /usr/bin/time), all in seconds and kilobytes.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=${BENCH_WORK:-/tmp/otg-bench}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000 1000000)
LARGEST=${SIZES[-1]}
PORT=${BENCH_PORT:-5199}
CONNECTIONS=32
DURATION=${BENCH_DURATION:-30s}

for tool in sqlite3 wrk /usr/bin/time openssl curl; do
  command -v "$tool" >/dev/null || { echo "run.sh needs $tool (apt-get install -y sqlite3 wrk time openssl curl)" >&2; exit 2; }
done

mkdir -p "$WORK"
RESULTS=$WORK/results.tsv
[ -f "$RESULTS" ] && [ "${BENCH_REUSE:-0}" = 1 ] || printf 'what\tsize\twall_s\tcpu_s\tpeak_kb\tnote\n' > "$RESULTS"

echo "== machine" | tee "$WORK/machine.txt"
{ echo "nproc: $(nproc)"; grep -m1 'model name' /proc/cpuinfo; free -m | sed -n 2p; uptime; dotnet --version; sqlite3 --version; { wrk --version 2>&1 || true; } | head -1; } \
  | tee -a "$WORK/machine.txt"

echo "== build (Release)"
dotnet build "$ROOT/tests/Analytics.Benchmarks" -c Release -v quiet -nologo > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
# Published, as a server runs it: its appsettings.json and static files sit beside it.
rm -rf "$WORK/web"
dotnet publish "$ROOT/src/Analytics.Web" -c Release -o "$WORK/web" -v quiet -nologo > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
ANALYTICS=(dotnet "$ROOT/src/Analytics.Cli/bin/Release/net10.0/analytics.dll")
BENCH=(dotnet "$ROOT/tests/Analytics.Benchmarks/bin/Release/net10.0/Analytics.Benchmarks.dll")

# measure NAME SIZE NOTE COMMAND...: runs the command under /usr/bin/time and appends one line to results.tsv.
measure() {
  local name=$1 size=$2 note=$3; shift 3
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/time.txt" "$@"
  read -r wall user sys peak < "$WORK/time.txt"
  local cpu; cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$size" "$wall" "$cpu" "$peak" "$note" | tee -a "$RESULTS" >&2
}

# The same rows as plain tables: Meetup's two layouts, every column as the file has it. One .import per file, each in
# its own transaction, in one sqlite3 process, with the product's pragmas (WAL, synchronous=NORMAL).
import_script() {
  local gen=$1
  echo "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
  echo 'CREATE TABLE classic_rows (name, user_id, title, event_host, rsvp, guests, rsvped_on, joined_group_on, profile_url,
    sector, profession, organisation, municipality, role, consent);'
  echo 'CREATE TABLE attendance_rows (name, attendance, user_id, title, event_host, rsvp, guests, rsvped_on, joined_group_on,
    profile_url, notes, sector, profession, organisation, municipality, role, consent);'
  echo ".mode tabs"
  find "$gen/meetup" -name '*.tsv' | sort | sed "s|.*|.import --skip 1 '&' classic_rows|"
  echo ".mode csv"
  find "$gen/meetup" -name '*.csv' | sort | sed "s|.*|.import --skip 1 '&' attendance_rows|"
  echo "SELECT (SELECT COUNT(*) FROM classic_rows) + (SELECT COUNT(*) FROM attendance_rows);"
}

for N in "${SIZES[@]}"; do
  GEN=$WORK/gen-$N DATA=$WORK/data-$N
  echo "== $N participations"
  if [ "${BENCH_REUSE:-0}" = 1 ] && [ -f "$DATA/analytics.db" ]; then
    echo "(BENCH_REUSE=1: keeping the ingested database of an earlier run, brought to this version's schema)"
    "${ANALYTICS[@]}" db migrate --data-folder "$DATA"
  else
    rm -rf "$DATA" "$GEN" "$WORK/import-$N.db"* && mkdir -p "$DATA"
    measure generate "$N" "analytics generate" "${ANALYTICS[@]}" generate --out "$GEN" --participations "$N" > "$WORK/generate-$N.txt"
    measure ingest "$N" "catalogue + every list through ImportService" "${BENCH[@]}" ingest "$GEN" "$DATA" > "$WORK/ingest-$N.json"
    import_script "$GEN" > "$WORK/import-$N.sql"
    measure sqlite3-import "$N" "baseline: .import of the same lists" sqlite3 "$WORK/import-$N.db" < "$WORK/import-$N.sql" > "$WORK/import-$N.out"
  fi

  [ "${BENCH_SKIP_RECOMPUTE:-0}" = 1 ] && continue
  measure recompute-all "$N" "analytics recompute --all" "${ANALYTICS[@]}" recompute --all --data-folder "$DATA" > "$WORK/recompute-$N.txt"
  measure sqlite3-group-by "$N" "baseline: recompute-group-by.sql" sqlite3 "$DATA/analytics.db" \
    < "$ROOT/tests/Analytics.Benchmarks/baselines/recompute-group-by.sql" > "$WORK/group-by-$N.out"
done

N=$LARGEST DATA=$WORK/data-$LARGEST
if [ "${BENCH_SKIP_RECOMPUTE:-0}" != 1 ]; then
echo "== one more event into $N participations: only its scopes are recomputed"
ONE=$WORK/one-event
rm -rf "$ONE"
"${ANALYTICS[@]}" generate --out "$ONE" --participations 60 --events 1 --organisations 5 --seed 99 > /dev/null
LIST=$(find "$ONE/meetup" -type f | head -1)
SLUG=bench-one-more-event
"${ANALYTICS[@]}" events add "$SLUG" --title "Benchmark: one more event" --starts 2026-06-10T13:00 --municipality 1480 --data-folder "$DATA" > /dev/null
measure import-one-event "$N" "analytics import of one 60-row list, with its recompute" \
  "${ANALYTICS[@]}" import "$LIST" --event "$SLUG" --mapping "$ONE/mapping.json" --data-folder "$DATA" > "$WORK/import-one-event.txt"
measure recompute-stale "$N" "analytics recompute: nothing stale" "${ANALYTICS[@]}" recompute --data-folder "$DATA" > "$WORK/recompute-stale.txt"
fi

echo "== exports at $N participations"
QUARTER=2025Q2
EVENT=$(sqlite3 "$DATA/analytics.db" "SELECT Slug FROM Events e WHERE EXISTS (SELECT 1 FROM Participations p WHERE p.EventId = e.Id AND p.Attendance = 'Attended') ORDER BY StartsAtUtc DESC LIMIT 1")
measure report-quarter-json "$N" "baseline: the quarter's JSON" "${ANALYTICS[@]}" report quarter "$QUARTER" --format json --data-folder "$DATA" > "$WORK/quarter.json"
measure report-quarter-xlsx "$N" "the quarterly pack" "${ANALYTICS[@]}" report quarter "$QUARTER" --format xlsx --out "$WORK/pack.xlsx" --data-folder "$DATA"
measure report-event-xlsx "$N" "one event's workbook" "${ANALYTICS[@]}" report event "$EVENT" --format xlsx --out "$WORK/event.xlsx" --data-folder "$DATA"

echo "== dashboard at $N participations: $CONNECTIONS connections for $DURATION"
# Production serves HTTPS only (secure cookies, redirects): a throwaway self-signed certificate for 127.0.0.1.
[ -f "$WORK/cert.pem" ] || openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj /CN=127.0.0.1 \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2> /dev/null
BASE=https://127.0.0.1:$PORT
(cd "$WORK/web" && ANALYTICS_Database__DataFolder=$DATA ANALYTICS_Accessibility__Contact=tillganglighet@example.org ASPNETCORE_ENVIRONMENT=Production \
  ASPNETCORE_Kestrel__Certificates__Default__Path=$WORK/cert.pem ASPNETCORE_Kestrel__Certificates__Default__KeyPath=$WORK/key.pem \
  exec dotnet Analytics.Web.dll --urls "$BASE" > "$WORK/web.log" 2>&1) &
WEB=$!
trap 'kill $WEB 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -kfs -o /dev/null "$BASE/favicon.ico" && break; sleep 1; done
# The pages are for signed-in staff: an account of the steering group made for this run, signed in once, and wrk sends
# its cookie. Without it every page would answer with a redirect to the sign-in page, and that is what would be measured.
EMAIL="bench-$(date +%s)@example.invalid" PASSWORD="Bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')-Aa1!"
printf '%s\n' "$PASSWORD" | "${ANALYTICS[@]}" users add "$EMAIL" --role steering --password-stdin --data-folder "$DATA" > /dev/null
JAR=$WORK/cookies.txt && rm -f "$JAR"
TOKEN=$(curl -ks -c "$JAR" "$BASE/konto/logga-in" | grep -o '__RequestVerificationToken[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -ks -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "epost=$EMAIL" --data-urlencode "losenord=$PASSWORD" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/konto/logga-in"
COOKIE=$(sed 's/^#HttpOnly_//' "$JAR" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }')
for path in / "/evenemang/$EVENT" "/api/reports/event/$EVENT" "/rackvidd?kvartal=$QUARTER"; do
  status=$(curl -ks -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE$path")
  [ "$status" = 200 ] || { echo "$path answered $status after signing in; see $WORK/web.log" >&2; exit 1; }
done
# The server's own CPU time per request (user + system of its process over 10 sequential requests, after the warm-up
# above), which the machine's load hardly moves, unlike the latencies below.
TICKS=$(getconf CLK_TCK)
server_cpu() { awk '{ print $14 + $15 }' "/proc/$WEB/stat"; }
for path in /favicon.ico / "/evenemang/$EVENT" "/api/reports/event/$EVENT" "/rackvidd?kvartal=$QUARTER" /evenemang; do
  before=$(server_cpu)
  for _ in $(seq 10); do curl -ks -o /dev/null -H "Cookie: $COOKIE" "$BASE$path"; done
  ms=$(awk -v a="$before" -v b="$(server_cpu)" -v t="$TICKS" 'BEGIN { printf "%.1f", (b - a) * 1000 / t / 10 }')
  printf 'server-cpu\t%s\t\t\t\t%s: %s ms of server CPU per request\n' "$N" "$path" "$ms" | tee -a "$RESULTS"
done
for path in /favicon.ico / "/evenemang/$EVENT" "/api/reports/event/$EVENT"; do
  url="$BASE$path"
  # The same load for a while first, unmeasured: .NET compiles a hot method again, optimised for what it saw, during a
  # server's first seconds under load (tiered compilation), and a running server has long done that.
  wrk -t2 -c"$CONNECTIONS" -d"${BENCH_WARMUP:-15s}" --timeout 10s -H "Cookie: $COOKIE" "$url" > /dev/null
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -H "Cookie: $COOKIE" "$url" > "$WORK/wrk.txt"
  p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt"); p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
  errors=$(awk '/Non-2xx|Socket errors/' "$WORK/wrk.txt" | tr '\n' ' ')
  printf 'wrk\t%s\t\t\t\t%s p50=%s p99=%s req/s=%s errors=[%s]\n' "$N" "$path" "$p50" "$p99" "$rps" "${errors:-none}" | tee -a "$RESULTS"
done
kill $WEB; wait $WEB 2>/dev/null || true
trap - EXIT

echo "== done: $RESULTS"
column -t -s $'\t' "$RESULTS"
