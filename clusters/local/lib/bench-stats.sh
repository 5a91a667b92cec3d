# shellcheck shell=bash
# Helpers shared by clusters/local/bench.sh and clusters/kind/bench.sh.
median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) {print "n/a"; exit} if (NR % 2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
elapsed() { # file written by time -v -> seconds
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2, t, ":"); s=0; for (i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"
}
