#!/bin/bash
# The deployment succeeds once nginx answers on port 80 (as the load balancer's
# health check asks: 200-399), within a minute.
for _ in $(seq 1 30); do
  code=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1/ || true)
  [[ $code =~ ^[23] ]] && exit 0
  sleep 2
done
echo "nginx does not answer on port 80" >&2
exit 1
