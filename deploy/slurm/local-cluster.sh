#!/usr/bin/env bash
# A one-node Slurm cluster on localhost, for tests and for trying the sbatch
# scripts on a laptop. Needs root and Debian's slurm-wlm, slurmctld, slurmd,
# slurm-client and munge (`install` puts them in).
#
#   deploy/slurm/local-cluster.sh install        apt-get install the packages
#   deploy/slurm/local-cluster.sh up DIR         start munged, slurmctld, slurmd with everything under DIR
#   deploy/slurm/local-cluster.sh down DIR       stop them by their pid files
#
# After `up`, clients need SLURM_CONF=DIR/slurm.conf (printed as an export line).
# Every daemon listens on all addresses; send them nothing but loopback traffic.
set -euo pipefail

cmd=${1:-}
dir=${2:-}

install_packages() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends slurm-wlm slurmctld slurmd slurm-client munge
}

# Wait up to $2 tenths of a second for command $1 to succeed.
wait_for() {
  local tries=$2
  until eval "$1" >/dev/null 2>&1; do
    tries=$((tries - 1))
    if [ "$tries" -le 0 ]; then return 1; fi
    sleep 0.1
  done
}

up() {
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log"
  chmod 700 "$dir/munge"
  if [ ! -f "$dir/munge/munge.key" ]; then
    head -c 1024 /dev/urandom >"$dir/munge/munge.key"
    chmod 400 "$dir/munge/munge.key"
  fi
  local socket="$dir/munge/munge.socket"
  munged --key-file="$dir/munge/munge.key" --socket="$socket" --pid-file="$dir/munge/munged.pid" \
    --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed" --force
  wait_for "munge -n -S '$socket' | unmunge -S '$socket'" 50 || { echo "munged did not start (see $dir/log/munged.log)" >&2; exit 1; }

  # What this machine has, as slurmd sees it; 95% of the memory, or the node drains for "Low RealMemory".
  local cpus mem
  cpus=$(slurmd -C | sed -n 's/.*CPUs=\([0-9]*\).*/\1/p')
  mem=$(slurmd -C | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p')
  mem=$((mem * 95 / 100))
  cat >"$dir/slurm.conf" <<CONF
ClusterName=limitlab-local
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
MailProg=/bin/true
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.txt
SchedulerParameters=batch_sched_delay=0
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld -f "$SLURM_CONF"
  # The host name here need not be localhost: the node is named explicitly.
  slurmd -f "$SLURM_CONF" -N localhost
  wait_for "sinfo -h -o %T | grep -qx idle" 150 || { echo "the node did not become idle (see $dir/log/)" >&2; sinfo >&2 || true; exit 1; }
  echo "export SLURM_CONF=$dir/slurm.conf"
}

stop_pid() {
  local file=$1
  [ -f "$file" ] || return 0
  local pid
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    local tries=100
    while kill -0 "$pid" 2>/dev/null && [ "$tries" -gt 0 ]; do sleep 0.1; tries=$((tries - 1)); done
  fi
  rm -f "$file"
}

down() {
  dir=$(cd "$dir" && pwd)
  stop_pid "$dir/slurmd.pid"
  stop_pid "$dir/slurmctld.pid"
  stop_pid "$dir/munge/munged.pid"
}

case "$cmd" in
  install) install_packages ;;
  up) [ -n "$dir" ] || { echo "usage: $0 up DIR" >&2; exit 2; }; up ;;
  down) [ -n "$dir" ] || { echo "usage: $0 down DIR" >&2; exit 2; }; down ;;
  *) echo "usage: $0 install | up DIR | down DIR" >&2; exit 2 ;;
esac
