#!/usr/bin/env bash
# The eval suite against the Worker (keyword retrieval) running in workerd under `wrangler dev`,
# gated by its own baseline (evals/baseline.worker.json). Extra arguments go to `npm run eval`
# (e.g. --update-baseline to record the baseline deliberately).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${WORKER_EVAL_PORT:-8799}
log=$(mktemp)
npm run build:worker >/dev/null
# Its own process group, so the whole tree (workerd outlives SIGTERM) can be stopped.
setsid npx wrangler dev --local --ip 127.0.0.1 --port "$port" --var RATE_LIMIT_PER_MINUTE:1000000 --show-interactive-dev-session=false >"$log" 2>&1 &
pgid=$!
stop() { kill -TERM -- "-$pgid" 2>/dev/null || true; sleep 1; kill -KILL -- "-$pgid" 2>/dev/null || true; rm -f "$log"; }
trap stop EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { echo "ci: wrangler dev did not start:"; tail -20 "$log"; exit 1; }
npm run eval -- --target "http://127.0.0.1:$port" --baseline evals/baseline.worker.json "$@"
