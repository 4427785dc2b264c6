#!/usr/bin/env bash
# The whole platform on one machine, without Docker:
#   a real Apache Kafka broker (KRaft), the MongoDB wire server (H2 file backend) and the five services,
#   each as its own process. Data and logs live under $CCHC_HOME (default: .local/).
#
#   ./run-local.sh            build if needed, start everything, wait until ready, Ctrl-C stops it all
#   ./run-local.sh --detach   the same, then return and leave it running
#   ./run-local.sh stop       stop a detached stack
#   ./run-local.sh status     what is running
#   One process of a running (detached) stack, for fault drills (docs/operations.md, "Fault drills"):
#   ./run-local.sh kill <name> [--hard]   stop one process (SIGTERM and wait; --hard: SIGKILL, as a crash)
#   ./run-local.sh start <name> [--no-wait]  start it again with the same arguments, wait until it is ready (or not)
#   ./run-local.sh replica <service> <port>  one more instance of a service on <port> (name <service>.<port>, own
#                                          pid and log; `kill`/`start` take that name; `stop` stops replicas too)
#   <name>: kafka, mongo, plan-service, task-service, publication-service, reporting-service, gateway, <service>.<port>
#
# Environment: CCHC_HOME, CCHC_SKIP_BUILD=1, CCHC_PORT_BASE (8080: gateway = base, plan = base+1, task = base+2,
#              publication = base+3, reporting = base+4, the gateway's management port (actuator) = base+90), CCHC_MONGO_PORT (27017), CCHC_KAFKA_PORT (19092),
#              JAVA_HOME (a JDK ≥ 21), CCHC_RATE_LIMIT (gateway requests per user per minute, 300),
#              CCHC_TRANSPARENCY_PROVINCES (provinces whose figures are public at /cong-khai, e.g. vinh-long; none by default),
#              CCHC_JAVA_OPTS (extra JVM options for the five services; "%s" is replaced by the service's name, e.g.
#              CCHC_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/jfr/%s.jfr,settings=profile': see docs/profiling.md).
#   Several stacks on one machine: give each its own CCHC_HOME, CCHC_PORT_BASE, CCHC_MONGO_PORT and CCHC_KAFKA_PORT.
# Every service gets the same arguments; each uses those that concern it (unknown properties are ignored).
# The local stack runs in demo mode: the gateway (Spring profile "demo") is its own token issuer with the demo accounts
# of docs/security.md, and the services trust exactly that issuer (cchc.security.issuer).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
HOME_DIR=${CCHC_HOME:-$ROOT/.local}
mkdir -p "$HOME_DIR"
HOME_DIR=$(cd "$HOME_DIR" && pwd)
DATA=$HOME_DIR/data LOGS=$HOME_DIR/logs PIDS=$HOME_DIR/pids
PORT_BASE=${CCHC_PORT_BASE:-8080}
GATEWAY_PORT=$PORT_BASE PLAN_PORT=$((PORT_BASE + 1)) TASK_PORT=$((PORT_BASE + 2))
PUBLICATION_PORT=$((PORT_BASE + 3)) REPORTING_PORT=$((PORT_BASE + 4))
# the gateway's actuator (Prometheus) is not on its public port; base+90 collides with no port of another base
MANAGEMENT_PORT=$((PORT_BASE + 90))
MONGO_PORT=${CCHC_MONGO_PORT:-27017}
KAFKA_PORT=${CCHC_KAFKA_PORT:-19092}
CONTROLLER_PORT=$((KAFKA_PORT + 1))
# start order; stopped in reverse
SERVICES=(plan-service:$PLAN_PORT task-service:$TASK_PORT publication-service:$PUBLICATION_PORT
          reporting-service:$REPORTING_PORT gateway:$GATEWAY_PORT)
GATEWAY=http://127.0.0.1:$GATEWAY_PORT

log() { printf '\033[1m[run-local]\033[0m %s\n' "$*"; }

find_java() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [[ -n $candidate && -x $candidate/bin/java ]] || continue
    local v; v=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')
    if [[ ${v%%.*} -ge 21 ]]; then echo "$candidate/bin/java"; return; fi
  done
  if command -v java >/dev/null; then
    local v; v=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')
    [[ ${v%%.*} -ge 21 ]] && { command -v java; return; }
  fi
  echo "A JDK 21 or newer is needed (set JAVA_HOME)." >&2; exit 1
}

# HTTP GET without curl: prints the status code, or nothing when the port is closed.
http_status() {
  local port=$1 path=$2
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 0
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3
  head -n1 <&3 | awk '{print $2}'
  exec 3>&- 3<&-
}

port_open() { { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null && { exec 3>&- 3<&-; return 0; }; return 1; }

wait_until() { # description timeout-seconds command...
  local what=$1 timeout=$2; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if ((SECONDS > deadline)); then log "timed out waiting for $what (see $LOGS)"; return 1; fi
    sleep 0.5
  done
}

is_running() { [[ -f $PIDS/$1.pid ]] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

start() { # name command...
  local name=$1; shift
  if is_running "$name"; then log "$name already running (pid $(cat "$PIDS/$name.pid"))"; return; fi
  nohup "$@" >"$LOGS/$name.log" 2>&1 &
  echo $! >"$PIDS/$name.pid"
}

# replicas started by `replica` (pid files <service>.<port>.pid)
replica_names() {
  local file
  for file in "$PIDS"/*.*.pid; do [[ -e $file ]] && basename "$file" .pid; done
  return 0
}

stop_all() {
  local names=($(replica_names) gateway reporting-service publication-service task-service plan-service mongo kafka) name pid
  for name in "${names[@]}"; do
    [[ -f $PIDS/$name.pid ]] || continue
    pid=$(cat "$PIDS/$name.pid")
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
  done
  for name in "${names[@]}"; do
    [[ -f $PIDS/$name.pid ]] || continue
    pid=$(cat "$PIDS/$name.pid")
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null; do
      if ((SECONDS > deadline)); then kill -9 "$pid" 2>/dev/null || true; fi
      sleep 0.2
    done
    rm -f "$PIDS/$name.pid"
  done
  log "stopped"
}

status() {
  local name
  for name in kafka mongo plan-service task-service publication-service reporting-service gateway; do
    if is_running "$name"; then echo "$name: running (pid $(cat "$PIDS/$name.pid"))"; else echo "$name: stopped"; fi
  done
  for name in $(replica_names); do
    if is_running "$name"; then echo "$name: running (pid $(cat "$PIDS/$name.pid"))"; else echo "$name: stopped"; fi
  done
}

# kill <name> [--hard]: SIGTERM and wait for the exit (30 s, then SIGKILL), or SIGKILL at once (a crash)
kill_one() {
  local name=$1 hard=${2:-}
  if ! is_running "$name"; then log "$name is not running"; rm -f "$PIDS/$name.pid"; return; fi
  local pid; pid=$(cat "$PIDS/$name.pid")
  if [[ $hard == --hard ]]; then kill -9 "$pid" 2>/dev/null || true; else kill "$pid" 2>/dev/null || true; fi
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS > deadline)); then kill -9 "$pid" 2>/dev/null || true; fi
    sleep 0.1
  done
  rm -f "$PIDS/$name.pid"
  if [[ $hard == --hard ]]; then log "$name (pid $pid) killed (SIGKILL)"; else log "$name (pid $pid) stopped"; fi
}

# start <name> [port] [--no-wait]: one process of a running stack, with the arguments main_start gives it; waits until ready
start_one() {
  local name=$1 port=${2:-} wait=${3:-}
  JAVA=$(find_java)
  mkdir -p "$LOGS" "$PIDS"
  [[ $name == kafka ]] && kafka_props
  [[ $name == *.* && -z $port ]] && port=${name##*.}
  build_command "$name" "$port"
  # a restarted process appends to its log: what happened before the restart stays readable
  if is_running "$name"; then log "$name already running (pid $(cat "$PIDS/$name.pid"))"; return; fi
  nohup "${CMD[@]}" >>"$LOGS/$name.log" 2>&1 &
  echo $! >"$PIDS/$name.pid"
  if [[ $wait == --no-wait ]]; then log "$name started (pid $(cat "$PIDS/$name.pid"))"; return; fi
  wait_ready "$name" "${CCHC_READY_TIMEOUT:-240}"
  log "$name ready (pid $(cat "$PIDS/$name.pid"))"
}

build_if_needed() {
  if [[ ${CCHC_SKIP_BUILD:-0} == 1 ]]; then return; fi
  local stamp=local-stack/target/classpath.txt newer=""
  if [[ -f $stamp ]]; then
    newer=$(find pom.xml ./*/pom.xml ./*/src/main -newer "$stamp" -type f -print -quit 2>/dev/null || true)
  fi
  if [[ ! -f $stamp || -n $newer ]]; then
    log "building (./mvnw package, tests skipped)…"
    ./mvnw -B -q -DskipTests package
  fi
}

jar_of() { ls "$ROOT/$1"/target/"$1"-*.jar 2>/dev/null | grep -v -e '-tests.jar' -e '-sources.jar' | head -n1; }

# The command of one process, in the array CMD: the same for the first start (main_start) and a later `start`/`replica`.
# Arguments: name [port] (port: a service's HTTP port; a replica passes its own).
build_command() {
  local name=$1 port=${2:-}
  local cp; cp="$ROOT/local-stack/target/classes:$(cat "$ROOT/local-stack/target/classpath.txt")"
  local log4j="-Dlog4j2.configurationFile=$ROOT/local-stack/src/main/resources/kafka-log4j2.properties"
  # Serial GC everywhere: small heaps on a 2-core host, and less memory outside the heap than G1 (the stack's RSS goal
  # is 2 GiB, measured by the benchmark: docs/performance.md)
  case $name in
    kafka) CMD=("$JAVA" -Xms128m -Xmx448m -XX:+UseSerialGC "$log4j" -cp "$cp" kafka.Kafka "$HOME_DIR/kafka-server.properties"); return ;;
    mongo) CMD=("$JAVA" -Xmx256m -XX:+UseSerialGC -cp "$cp" vn.cchc.local.LocalMongoServer "$DATA/mongo.mv" "$MONGO_PORT"); return ;;
  esac
  local service=${name%%.*}
  [[ -n $port ]] || port=$(service_port "$service")
  local jar; jar=$(jar_of "$service")
  [[ -n $jar ]] || { log "no jar for $service: run ./mvnw package"; exit 1; }
  local db=cchc-${service%-service}
  local extra=()
  [[ -n ${CCHC_JAVA_OPTS:-} ]] && read -r -a extra <<<"${CCHC_JAVA_OPTS//%s/$name}"
  local own=()
  [[ $service == gateway ]] && own=(--spring.profiles.active=demo --cchc.auth.issuer="$GATEWAY" --management.server.port="$MANAGEMENT_PORT")
  CMD=("$JAVA" -Xms64m -Xmx288m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m -Duser.timezone=UTC ${extra[@]+"${extra[@]}"} -jar "$jar"
      --server.port="$port"
      --cchc.kafka.brokers="127.0.0.1:$KAFKA_PORT"
      --spring.mongodb.uri="mongodb://127.0.0.1:$MONGO_PORT/$db"
      --cchc.demo-data.enabled=true
      --spring.security.oauth2.resourceserver.jwt.jwk-set-uri="$GATEWAY/oauth2/jwks"
      --cchc.security.issuer="$GATEWAY"
      --cchc.services.plan="http://127.0.0.1:$PLAN_PORT"
      --cchc.services.task="http://127.0.0.1:$TASK_PORT"
      --cchc.services.publication="http://127.0.0.1:$PUBLICATION_PORT"
      --cchc.services.reporting="http://127.0.0.1:$REPORTING_PORT"
      --cchc.auth.web-client.redirect-uris="$GATEWAY/ui/callback,http://localhost:$GATEWAY_PORT/ui/callback"
      --cchc.gateway.cors.allowed-origins="$GATEWAY,http://localhost:$GATEWAY_PORT"
      --cchc.auth.key-dir="$DATA/gateway-keys"
      --cchc.gateway.rate-limit.capacity="${CCHC_RATE_LIMIT:-300}"
      --cchc.reporting.transparency.provinces="${CCHC_TRANSPARENCY_PROVINCES:-}"
      --logging.file.name="$LOGS/$name.app.log"
      ${own[@]+"${own[@]}"})
}

service_port() {
  local entry
  for entry in "${SERVICES[@]}"; do [[ ${entry%%:*} == "$1" ]] && { echo "${entry##*:}"; return; }; done
  log "unknown process: $1 (kafka, mongo, ${SERVICES[*]%%:*}, or <service>.<port> for a replica)"; exit 2
}

# the port a process answers on, and whether it is ready (Kafka and MongoDB: the port is open; services: readiness)
wait_ready() { # name timeout-seconds
  local name=$1 timeout=$2 port
  case $name in
    kafka) wait_until "Kafka on $KAFKA_PORT" "$timeout" port_open "$KAFKA_PORT"; return ;;
    mongo) wait_until "MongoDB wire server on $MONGO_PORT" "$timeout" port_open "$MONGO_PORT"; return ;;
    gateway) port=$MANAGEMENT_PORT ;;
    *.*) port=${name##*.} ;;
    *) port=$(service_port "$name") ;;
  esac
  wait_until "$name readiness on $port" "$timeout" ready "$port"
}

kafka_props() {
  sed -e "s#\${KAFKA_PORT}#$KAFKA_PORT#g; s#\${CONTROLLER_PORT}#$CONTROLLER_PORT#g; s#\${KAFKA_DATA}#$DATA/kafka#g" \
    "$ROOT/local-stack/src/main/resources/kafka-server.properties" >"$HOME_DIR/kafka-server.properties"
}

main_start() {
  local detach=$1
  JAVA=$(find_java)
  build_if_needed
  mkdir -p "$DATA/kafka" "$LOGS" "$PIDS"
  local started=$SECONDS
  local cp; cp="$ROOT/local-stack/target/classes:$(cat "$ROOT/local-stack/target/classpath.txt")"

  # Kafka: format the storage once, then start the broker
  kafka_props
  local props=$HOME_DIR/kafka-server.properties
  local log4j="-Dlog4j2.configurationFile=$ROOT/local-stack/src/main/resources/kafka-log4j2.properties"
  if [[ ! -f $DATA/kafka/meta.properties ]]; then
    log "formatting Kafka storage in $DATA/kafka"
    local cluster; cluster=$("$JAVA" -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)
    "$JAVA" "$log4j" -cp "$cp" kafka.tools.StorageTool format -t "$cluster" -c "$props" --standalone >"$LOGS/kafka-format.log" 2>&1
  fi
  build_command kafka; start kafka "${CMD[@]}"
  build_command mongo; start mongo "${CMD[@]}"
  # generous: on a shared, loaded machine (load average 40+ on 2 cores) the broker has needed over a minute
  wait_ready kafka 180
  wait_ready mongo 120
  log "Kafka (127.0.0.1:$KAFKA_PORT) and MongoDB wire server (127.0.0.1:$MONGO_PORT) are up"

  local entry name
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}
    build_command "$name"
    start "$name" "${CMD[@]}"
  done
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*} port=${entry##*:}
    wait_ready "$name" 240
    log "$name ready on http://127.0.0.1:$port"
  done
  log "all up in $((SECONDS - started)) s. Logs: $LOGS"
  cat <<URLS

  Gateway (single entry point):  $GATEWAY   (demo accounts: docs/security.md)
    Token:          curl -s -X POST $GATEWAY/api/auth/token -H 'Content-Type: application/json' \
                      -d '{"username":"editor.phu-khuong","password":"BienTap.PhuKhuong@2026"}'
    API docs:       $GATEWAY/swagger-ui.html   events: $GATEWAY/docs/asyncapi.yaml
    Units:          $GATEWAY/api/units
    Plans:          $GATEWAY/api/plans
    Tasks:          $GATEWAY/api/tasks
    Publications:   $GATEWAY/api/publications
    Counts:         $GATEWAY/api/reports/units/vinh-long.phu-khuong/counts?year=2026
  Gateway metrics: http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus (management port, not the public one)
  Services: plan :$PLAN_PORT  task :$TASK_PORT  publication :$PUBLICATION_PORT  reporting :$REPORTING_PORT  (each: /actuator/health, /actuator/prometheus, /v3/api-docs)
  Kafka: 127.0.0.1:$KAFKA_PORT   MongoDB wire server: mongodb://127.0.0.1:$MONGO_PORT

URLS
  if [[ $detach == 1 ]]; then
    log "running in the background; stop with: ${CCHC_HOME:+CCHC_HOME=$CCHC_HOME }./run-local.sh stop"
    return
  fi
  trap 'echo; stop_all; exit 0' INT TERM
  log "press Ctrl-C to stop"
  while true; do
    for name in kafka mongo plan-service task-service publication-service reporting-service gateway; do
      if ! is_running "$name"; then log "$name exited (see $LOGS/$name.log); stopping"; stop_all; exit 1; fi
    done
    sleep 2 & wait $!
  done
}

ready() { [[ $(http_status "$1" /actuator/health/readiness) == 200 ]]; }

case "${1:-}" in
  stop) stop_all ;;
  status) status ;;
  kill) [[ $# -ge 2 ]] || { echo "usage: $0 kill <name> [--hard]" >&2; exit 2; }; kill_one "$2" "${3:-}" ;;
  start) [[ $# -ge 2 ]] || { echo "usage: $0 start <name> [--no-wait]" >&2; exit 2; }; start_one "$2" "" "${3:-}" ;;
  replica) [[ $# -eq 3 && $3 =~ ^[0-9]+$ ]] || { echo "usage: $0 replica <service> <port>" >&2; exit 2; }
    service_port "$2" >/dev/null; [[ $2 != gateway ]] || { echo "replicas of the gateway are not supported here" >&2; exit 2; }
    start_one "$2.$3" "$3" ;;
  --detach|-d) main_start 1 ;;
  ""|--foreground) main_start 0 ;;
  *) echo "usage: $0 [--detach | stop | status | kill <name> [--hard] | start <name> | replica <service> <port>]" >&2; exit 2 ;;
esac
