#!/usr/bin/env bash
# Throughput of `etl serve` against `etl ingest` on the same generated corpus, in the same run.
#
#   bench/service-throughput.sh [PAPERS] [RUNS] [WORK_DIR]      (defaults: 200000 3 ./bench-out/service)
#
# Per run: `etl ingest` loads the corpus into a fresh database (its own printed load time, and the
# process's wall time); then `etl serve` is started on another fresh database with an empty inbox, the
# whole corpus is moved into the inbox at once (renames: a backfill landing), and the time until every
# file is in warehouse.digests is measured. Both use the benchmark's own embedded PostgreSQL cluster.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

papers=${1:-200000}
runs=${2:-3}
work=$(realpath -m "${3:-bench-out/service}")
export ETL_DATA_DIR="$work/postgres"
etl=(dotnet src/Etl.Cli/bin/Release/net10.0/etl.dll)
bin=${ETL_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}

dotnet build -c Release src/Etl.Cli -v quiet -nologo >/dev/null
mkdir -p "$work"
corpus="$work/corpus-$papers"
if [ ! -d "$corpus" ]; then
  "${etl[@]}" generate --out "$corpus" --papers "$papers" --seed 42 >/dev/null
fi
files=$(find "$corpus" -type f \( -name '*.md' -o -name '*.txt' -o -name '*.jsonl' -o -name '*.json' -o -name '*.json.gz' -o -name '*.zip' \) | wc -l)
mb=$(du -sm "$corpus" | cut -f1)
"${etl[@]}" migrate >/dev/null   # starts the benchmark's cluster
port=$(cat "$ETL_DATA_DIR/etl-port")
# The embedded cluster asks for the superuser's secret, kept in its folder as etl.pgpass.
export PGPASSFILE="$ETL_DATA_DIR/etl.pgpass"
psql() { "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d "${db:-postgres}" -qtAX "$@"; }
fresh() { db=postgres psql -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"; }
conn() { echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=$1;Passfile=$PGPASSFILE"; }

echo "corpus: $papers papers, $files files, $mb MB"
for run in $(seq 1 "$runs"); do
  fresh bench_ingest
  start=$(date +%s.%N)
  out=$("${etl[@]}" ingest "$corpus" --quiet --connection "$(conn bench_ingest)")
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  load=$(grep -oE '[0-9.]+ s$' <<<"$(grep -E '^[0-9]+ files \(' <<<"$out")" | cut -d' ' -f1)

  fresh bench_serve
  inbox="$work/inbox"; staged="$work/staged"
  rm -rf "$inbox" "$staged"; mkdir -p "$inbox"; cp -al "$corpus" "$staged"
  "${etl[@]}" serve --inbox "$inbox" --connection "$(conn bench_serve)" --urls http://127.0.0.1:0 >"$work/serve-$run.log" 2>&1 &
  serve=$!
  until grep -q '^Status page' "$work/serve-$run.log"; do sleep 0.2; done
  start=$(date +%s.%N)
  mv "$staged"/* "$inbox"/
  until [ "$(db=bench_serve psql -c 'SELECT count(*) FROM warehouse.digests')" -ge "$files" ]; do sleep 0.2; done
  served=$(echo "$(date +%s.%N) - $start" | bc)
  kill -TERM "$serve"; wait "$serve" || true

  same=$(diff <(db=bench_ingest psql -c 'SELECT md5(string_agg(p::text, chr(10) ORDER BY arxiv_id)) FROM report.papers p') \
              <(db=bench_serve psql -c 'SELECT md5(string_agg(p::text, chr(10) ORDER BY arxiv_id)) FROM report.papers p') >/dev/null && echo "report.papers equal" || echo "REPORT.PAPERS DIFFER")
  printf 'run %d: etl ingest load %.1f s (process %.1f s); etl serve drop-to-loaded %.1f s; ratio %.2f (to load), %.2f (to process); %s\n' \
    "$run" "$load" "$wall" "$served" "$(echo "$served / $load" | bc -l)" "$(echo "$served / $wall" | bc -l)" "$same"
done
