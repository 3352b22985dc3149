#!/usr/bin/env python3
"""Runs one client command and measures it: wall time, CPU of its whole process tree, peak memory.

Usage: measure.py --result FILE [--stdout FILE] [--stderr FILE] [--tree-rss] -- COMMAND [ARG...]

Writes a JSON object to --result:
  wall_s      seconds from spawning COMMAND to its exit
  user_s, sys_s
              CPU of COMMAND and every process below it (getrusage(RUSAGE_CHILDREN)). This process makes
              itself a child subreaper first, so daemons the client leaves behind (Ansible's ControlPersist
              ssh masters) are re-parented here; they are stopped once COMMAND exits and reaped, so their CPU
              is counted too.
  maxrss_kib  the largest peak RSS of any single process of the tree (exact, from the kernel)
  tree_rss_kib
              with --tree-rss: the largest sum of the RSS of all processes of the tree, sampled every
              100 ms (for clients made of many processes: xargs + ssh, Ansible's forks); else null
  exit_status COMMAND's exit status (negative: killed by that signal)
  leftovers   how many processes were still running below COMMAND when it exited (and were stopped)
"""
import argparse
import ctypes
import json
import os
import resource
import signal
import subprocess
import sys
import threading
import time

PR_SET_CHILD_SUBREAPER = 36


def children_of(pid):
    """Direct children of `pid`, over all its threads (CONFIG_PROC_CHILDREN)."""
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found.extend(int(word) for word in handle.read().split())
        except OSError:
            continue
    return found


def descendants_of(pid):
    result = []
    pending = children_of(pid)
    while pending:
        child = pending.pop()
        result.append(child)
        pending.extend(children_of(child))
    return result


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except (OSError, IndexError, ValueError):
        return 0


class TreeSampler(threading.Thread):
    """Samples the summed RSS of every process below this one."""

    def __init__(self, interval):
        super().__init__(daemon=True)
        self.interval = interval
        self.peak_kib = 0
        self.stopping = threading.Event()

    def run(self):
        me = os.getpid()
        while not self.stopping.is_set():
            total = sum(rss_kib(pid) for pid in descendants_of(me))
            self.peak_kib = max(self.peak_kib, total)
            self.stopping.wait(self.interval)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--result", required=True)
    parser.add_argument("--stdout")
    parser.add_argument("--stderr")
    parser.add_argument("--tree-rss", action="store_true")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        sys.exit(f"measure.py: prctl(PR_SET_CHILD_SUBREAPER) failed: errno {ctypes.get_errno()}")

    stdout = open(args.stdout, "wb") if args.stdout else subprocess.DEVNULL
    stderr = open(args.stderr, "wb") if args.stderr else subprocess.DEVNULL
    sampler = TreeSampler(0.1) if args.tree_rss else None
    started = time.monotonic()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr)
    if sampler:
        sampler.start()
    status = process.wait()
    wall = time.monotonic() - started
    if sampler:
        sampler.stopping.set()
        sampler.join()

    # Whatever the client left running (re-parented to us) is stopped and reaped, so its CPU counts.
    leftovers = descendants_of(os.getpid())
    for pid in leftovers:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + 10
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            if time.monotonic() > deadline:
                for straggler in descendants_of(os.getpid()):
                    try:
                        os.kill(straggler, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                deadline = time.monotonic() + 10
            time.sleep(0.02)

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {
        "wall_s": wall,
        "user_s": usage.ru_utime,
        "sys_s": usage.ru_stime,
        "maxrss_kib": usage.ru_maxrss,
        "tree_rss_kib": sampler.peak_kib if sampler else None,
        "exit_status": status,
        "leftovers": len(leftovers),
    }
    with open(args.result, "w") as handle:
        json.dump(result, handle)


if __name__ == "__main__":
    main()
