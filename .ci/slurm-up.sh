#!/usr/bin/env bash
# slurm-up.sh — a single-node Slurm (Debian 12 packages) for the executor tests (CI and dev boxes).
# Adapted from shared/tools/slurm-local.sh.
#
# Usage:  sudo bash .ci/slurm-up.sh [up|down|status]      (default: up)
#   up      install (apt) if needed, write /etc/slurm/slurm.conf, start munged,
#           slurmctld and slurmd by hand (no systemd), wait until the node is
#           idle, print sinfo. Idempotent: re-running leaves a healthy cluster
#           alone, restarts daemons only if the config changed or one died.
#   down    stop slurmd, slurmctld, munged by the PIDs in their pid files.
#   status  print daemon PIDs and sinfo.
#
# Tested on Debian 12 (bookworm), slurm-wlm 22.05.8, munge 0.5.15, as root,
# in a container/VM without systemd as PID 1, 2 cores, 24 GiB.
# Env knobs: SLURM_LOCAL_TIMEOUT (seconds to wait for idle, default 60),
#            SLURM_LOCAL_SKIP_APT_UPDATE=1 (skip apt-get update),
#            SLURM_LOCAL_PROBE=0 (skip the final `srun hostname` probe job).
set -euo pipefail

ACTION="${1:-up}"
CONF_DIR=/etc/slurm
CONF="$CONF_DIR/slurm.conf"
STATE_CTLD=/var/spool/slurmctld
STATE_SLURMD=/var/spool/slurmd
LOG_DIR=/var/log/slurm
CTLD_PID=/run/slurmctld.pid
SLURMD_PID=/run/slurmd.pid
MUNGE_PID=/run/munge/munged.pid
TIMEOUT="${SLURM_LOCAL_TIMEOUT:-60}"

T0=$(date +%s.%N)
log() { printf '[slurm-up %6.2fs] %s\n' "$(awk -v a="$(date +%s.%N)" -v b="$T0" 'BEGIN{print a-b}')" "$*"; }
die() { log "ERROR: $*"; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (apt-get, /etc/slurm, daemons)"

# pid_alive PIDFILE NAME -> 0 if the pid in PIDFILE is running and its comm is NAME
pid_alive() {
  local f=$1 name=$2 pid
  [ -s "$f" ] || return 1
  pid=$(tr -dc '0-9' < "$f")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = "$name" ]
}

# stop_pid PIDFILE NAME -> TERM, wait up to 10 s, then KILL; only that PID.
stop_pid() {
  local f=$1 name=$2 pid i
  if pid_alive "$f" "$name"; then
    pid=$(tr -dc '0-9' < "$f")
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { log "$name still alive, KILL"; kill -KILL "$pid" || true; }
  fi
  rm -f "$f"
}

do_down() {
  stop_pid "$SLURMD_PID" slurmd
  stop_pid "$CTLD_PID" slurmctld
  stop_pid "$MUNGE_PID" munged
}

do_status() {
  for p in "$MUNGE_PID:munged" "$CTLD_PID:slurmctld" "$SLURMD_PID:slurmd"; do
    if pid_alive "${p%%:*}" "${p##*:}"; then echo "${p##*:}: running (pid $(cat "${p%%:*}"))"
    else echo "${p##*:}: not running"; fi
  done
  command -v sinfo >/dev/null && sinfo -N -l 2>&1 || true
}

case "$ACTION" in
  down)   do_down; exit 0 ;;
  status) do_status; exit 0 ;;
  up)     ;;
  *)      die "unknown action '$ACTION' (up|down|status)" ;;
esac

# ---------------------------------------------------------------- 1. install
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null \
   || ! command -v srun >/dev/null || ! command -v munged >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  [ "${SLURM_LOCAL_SKIP_APT_UPDATE:-0}" = 1 ] || { log "apt-get update"; apt-get update -q >/dev/null; }
  log "apt-get install slurmctld slurmd slurm-client munge"
  # --no-install-recommends: 8 packages instead of 42 (skips hdf5/rrd/ipmi/... plugins)
  apt-get install -y -q --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
  # postinst tries invoke-rc.d; without an init system it just says "could not
  # determine current runlevel" / "policy-rc.d denied execution" — harmless.
fi
log "installed: $(slurmd -V)"

# ---------------------------------------------------------------- 2. munge
install -d -o munge -g munge -m 0700 /etc/munge /var/log/munge
install -d -o munge -g munge -m 0711 /var/lib/munge
install -d -o munge -g munge -m 0755 /run/munge
if [ ! -s /etc/munge/munge.key ]; then
  log "creating /etc/munge/munge.key"
  if command -v mungekey >/dev/null; then mungekey --create --keyfile=/etc/munge/munge.key --force
  else dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none; fi
fi
chown munge:munge /etc/munge/munge.key; chmod 0400 /etc/munge/munge.key

# ---------------------------------------------------------------- 3. slurm.conf
NODE=$(hostname -s)
# slurmctld/slurmd compare `hostname -s` with SlurmctldHost/NodeName, and
# resolve them; make sure the short name resolves (some containers lack it).
getent hosts "$NODE" >/dev/null || { log "adding $NODE to /etc/hosts"; echo "127.0.0.1 $NODE" >> /etc/hosts; }
# Real hardware as slurmd sees it (CPUs, sockets/cores/threads, RealMemory in MiB);
# if RealMemory in slurm.conf exceeded it the node would be DRAINED ("Low RealMemory").
HW=$(slurmd -C | head -n1 | sed -e 's/^NodeName=[^ ]* //')
# A pipeline runs jobs × steps workers at once, each a one-CPU job step. The test node advertises
# SLURM_UP_CPUS CPUs (default 16, whatever the hardware) so the default pipeline's workers all fit;
# SlurmdParameters=config_overrides lets slurmd accept more CPUs than it finds.
CPUS="${SLURM_UP_CPUS:-16}"
MEM=$(printf '%s\n' "$HW" | tr ' ' '\n' | grep '^RealMemory=' || true)
HW="CPUs=${CPUS} Boards=1 SocketsPerBoard=1 CoresPerSocket=${CPUS} ThreadsPerCore=1 ${MEM}"
install -d -m 0755 "$CONF_DIR" "$LOG_DIR"
install -d -m 0755 "$STATE_CTLD" "$STATE_SLURMD"

NEWCONF=$(mktemp)
cat > "$NEWCONF" <<EOF
# Generated by workbench .ci/slurm-up.sh — single-node, no accounting, no cgroups.
ClusterName=local
SlurmctldHost=${NODE}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
SwitchType=switch/none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MailProg=/bin/true
SlurmdParameters=config_overrides
KillWait=5
InactiveLimit=0
MinJobAge=60
StateSaveLocation=${STATE_CTLD}
SlurmdSpoolDir=${STATE_SLURMD}
SlurmctldPidFile=${CTLD_PID}
SlurmdPidFile=${SLURMD_PID}
SlurmctldLogFile=${LOG_DIR}/slurmctld.log
SlurmdLogFile=${LOG_DIR}/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
NodeName=${NODE} NodeAddr=127.0.0.1 ${HW} State=UNKNOWN
PartitionName=debug Nodes=${NODE} Default=YES MaxTime=INFINITE State=UP
EOF

CONF_CHANGED=0
if ! cmp -s "$NEWCONF" "$CONF"; then
  CONF_CHANGED=1
  install -m 0644 "$NEWCONF" "$CONF"
  log "wrote $CONF"
fi
rm -f "$NEWCONF"

# Config changed under running daemons -> restart them (simplest correct thing).
if [ "$CONF_CHANGED" = 1 ] && { pid_alive "$CTLD_PID" slurmctld || pid_alive "$SLURMD_PID" slurmd; }; then
  log "config changed, restarting slurm daemons"
  stop_pid "$SLURMD_PID" slurmd
  stop_pid "$CTLD_PID" slurmctld
fi

# ---------------------------------------------------------------- 4. start daemons
if pid_alive "$MUNGE_PID" munged; then
  log "munged already running"
else
  rm -f "$MUNGE_PID"
  log "starting munged"
  # --force: start even if a stale socket from a killed munged is left in /run/munge
  runuser -u munge -- /usr/sbin/munged --force
fi
for i in $(seq 1 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
munge -n | unmunge >/dev/null || die "munge credential round-trip failed (see /var/log/munge/munged.log)"

if pid_alive "$CTLD_PID" slurmctld; then
  log "slurmctld already running"
else
  rm -f "$CTLD_PID"
  log "starting slurmctld"
  /usr/sbin/slurmctld        # daemonizes; logs to $LOG_DIR/slurmctld.log
fi
for i in $(seq 1 100); do scontrol ping 2>/dev/null | grep -q 'is UP' && break; sleep 0.1; done
scontrol ping | grep -q 'is UP' || die "slurmctld not answering (see $LOG_DIR/slurmctld.log)"

if pid_alive "$SLURMD_PID" slurmd; then
  log "slurmd already running"
else
  rm -f "$SLURMD_PID"
  log "starting slurmd"
  /usr/sbin/slurmd           # daemonizes; logs to $LOG_DIR/slurmd.log
fi

# ---------------------------------------------------------------- 5. wait for idle
log "waiting for node $NODE to be idle (timeout ${TIMEOUT}s)"
deadline=$(( $(date +%s) + TIMEOUT ))
while :; do
  st=$(sinfo -h -n "$NODE" -o '%T' 2>/dev/null | head -n1 || true)
  case "$st" in
    idle|mixed|allocated|completing) break ;;
    drained|draining|down|drained\*|down\*|fail*)
      # e.g. state saved from an earlier run, or slurmd restarted: bring it back
      scontrol update NodeName="$NODE" State=RESUME 2>/dev/null || true ;;
  esac
  [ "$(date +%s)" -lt "$deadline" ] || { sinfo -N -l; scontrol show node "$NODE"; die "node not idle after ${TIMEOUT}s (state '$st')"; }
  sleep 0.2
done

# 'idle' can be stale: slurmctld keeps the last state of a slurmd that was just
# restarted or killed until SlurmdTimeout. Prove it end to end with a real step.
if [ "${SLURM_LOCAL_PROBE:-1}" = 1 ]; then
  out=$(timeout 30 srun -N1 -n1 -t 1 -J workbench-probe hostname 2>&1) \
    || { echo "$out"; die "probe job 'srun -n1 hostname' failed (see $LOG_DIR/*.log)"; }
  log "probe job ran on: $out"
fi
log "ready (node state: $st)"
sinfo
