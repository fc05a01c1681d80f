#!/usr/bin/env bash
# Submit a scaled-out run: N array tasks, then the merge as a dependent job.
#
#   deploy/slurm/submit.sh SCENARIO OUT N [extra sbatch options...]
#
# Prints the two job ids ("parts JOBID", "merge JOBID"). Environment:
# LIMITLAB (the command, default limitlab) and LIMITLAB_ARGS pass through.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 SCENARIO OUT N [sbatch options...]" >&2; exit 2; }
scenario=$1 out=$2 n=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
parts=$(sbatch --parsable "$@" --array="0-$((n - 1))" --chdir="$out" \
  --export="ALL,SCENARIO=$scenario,OUT=$out,PARTS=$n" "$here/parts.sbatch")
parts=${parts%%;*}
merge=$(sbatch --parsable "$@" --dependency="afterok:$parts" --chdir="$out" \
  --export="ALL,OUT=$out" "$here/merge.sbatch")
echo "parts $parts"
echo "merge ${merge%%;*}"
