#!/usr/bin/env python3
"""measure.py --runs N --work DIR PLAN: times the cases of PLAN, interleaved.

PLAN has one case per line, fields separated by tabs: NAME, OUTDIR, any number
of KEY=VALUE environment settings, "--", then the command and its arguments.
Each of the N rounds runs every case once, in order, so that a change in the
machine's load hits all of them alike. A run starts with OUTDIR removed and
CDK_OUTDIR=OUTDIR in the environment; its output is appended to DIR/NAME.log.

For each run, "WALL CPU" is appended to DIR/NAME.times: WALL the seconds from
just before the process is created until it has exited, CPU its user + system
seconds over all its threads (from wait4). One process starts every run, so
that no interpreter or shell starts inside the measured time, and times are in
microseconds: bash's `time` resolves milliseconds, and timing through
/usr/bin/time would add that program's own start to a run of 3 ms.

Then, with /usr/bin/time present, every case runs once more under
`/usr/bin/time -f %M` for its peak resident memory, written to DIR/NAME.peak
(KB). (wait4's figure cannot serve here: a process started from this one
inherits its peak until it has exceeded it.)

Exits 1 when a run fails, naming it."""
import argparse
import os
import shutil
import sys
import time


def load(plan):
    cases = []
    for line in open(plan):
        fields = line.rstrip("\n").split("\t")
        if not line.strip():
            continue
        sep = fields.index("--")
        env = dict(f.split("=", 1) for f in fields[2:sep])
        cases.append((fields[0], fields[1], env, fields[sep + 1:]))
    return cases


def spawn(work, name, outdir, env, cmd):
    shutil.rmtree(outdir, ignore_errors=True)
    environ = dict(os.environ, CDK_OUTDIR=outdir, **env)
    with open(os.path.join(work, name + ".log"), "ab") as log:
        actions = [(os.POSIX_SPAWN_DUP2, log.fileno(), 1), (os.POSIX_SPAWN_DUP2, log.fileno(), 2)]
        start = time.perf_counter()
        pid = os.posix_spawnp(cmd[0], cmd, environ, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"FAIL: {name}: {' '.join(cmd)} (see {work}/{name}.log)")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("plan")
    args = parser.parse_args()
    cases = load(args.plan)
    for _ in range(args.runs):
        for name, outdir, env, cmd in cases:
            wall, cpu = spawn(args.work, name, outdir, env, cmd)
            with open(os.path.join(args.work, name + ".times"), "a") as f:
                f.write(f"{wall:.6f} {cpu:.6f}\n")
    if os.access("/usr/bin/time", os.X_OK):
        for name, outdir, env, cmd in cases:
            peak = os.path.join(args.work, name + ".peak")
            spawn(args.work, name, outdir, env, ["/usr/bin/time", "-f", "%M", "-o", peak] + cmd)


if __name__ == "__main__":
    main()
