"""Reads an `strace -f -ttt -e trace=process` log of an sshd listener and its connections.

From it: how many processes the remote command spawns per connection (beyond the login shell sshd
starts for any command), which programs those are, and when each connection's set-up (sshd's
re-exec for the new connection up to the exec of the user's shell: banner, key exchange, host key
signature, authentication) ran — to show that set-ups of different hosts overlap.
"""
import collections
import os
import re

LINE = re.compile(r"^(\d+)\s+(\d+\.\d+)\s+(.*)$")
CALL = re.compile(r"^(?:<\.\.\. )?(\w+)(?: resumed>)?")
EXECVE = re.compile(r'^execve\("([^"]*)"')
RESULT = re.compile(r"\)\s+=\s+(-?\d+)")


class Trace:
    def __init__(self, path, listener_pid):
        self.listener = listener_pid
        self.parent = {}
        self.first_seen = {}
        self.execs = collections.defaultdict(list)  # pid -> [(time, program)]
        pending_exec = {}
        with open(path, errors="replace") as handle:
            for raw in handle:
                match = LINE.match(raw.rstrip("\n"))
                if not match:
                    continue
                pid, stamp, rest = int(match.group(1)), float(match.group(2)), match.group(3)
                self.first_seen.setdefault(pid, stamp)
                call = CALL.match(rest)
                name = call.group(1) if call else ""
                if name in ("clone", "clone3", "fork", "vfork"):
                    result = RESULT.search(rest)
                    if result and int(result.group(1)) > 0:
                        child = int(result.group(1))
                        self.parent.setdefault(child, pid)
                        self.first_seen.setdefault(child, stamp)
                elif name == "execve":
                    program = EXECVE.match(rest)
                    if program:
                        pending_exec[pid] = program.group(1)
                    result = RESULT.search(rest)
                    if result and pid in pending_exec:
                        if int(result.group(1)) == 0:
                            self.execs[pid].append((stamp, pending_exec[pid]))
                        del pending_exec[pid]

    def image(self, pid):
        """The program a process runs: its last exec, or what it inherited from its parent."""
        while pid is not None:
            if self.execs.get(pid):
                return self.execs[pid][-1][1]
            pid = self.parent.get(pid)
        return ""

    def ancestors(self, pid):
        chain = []
        while pid in self.parent:
            pid = self.parent[pid]
            chain.append(pid)
        return chain

    def connections(self):
        """One entry per connection sshd forked from the listener, with its whole process subtree."""
        children = collections.defaultdict(list)
        for child, parent in self.parent.items():
            children[parent].append(child)
        roots = [pid for pid in children.get(self.listener, [])]
        result = []
        for root in roots:
            subtree = []
            pending = [root]
            while pending:
                pid = pending.pop()
                subtree.append(pid)
                pending.extend(children.get(pid, []))
            # sshd starts programs of its own before the user's shell: with PAM, pam_motd runs
            # `sh -c 'run-parts /etc/update-motd.d'` while the session opens. The login shell is the
            # last program sshd itself starts; the others are counted apart.
            shell = None
            for pid in subtree:
                if not is_sshd(self.image(self.parent.get(pid))):
                    continue
                for stamp, program in self.execs.get(pid, [])[:1]:
                    if not is_sshd(program) and (shell is None or stamp > shell[0]):
                        shell = (stamp, pid)
            if shell is None:
                continue
            shell_time, shell_pid = shell
            spawned = [pid for pid in subtree if shell_pid in self.ancestors(pid)]
            programs = []
            for pid in [shell_pid] + spawned:
                programs.extend(os.path.basename(program) for _, program in self.execs.get(pid, []))
            session = [pid for pid in subtree if pid != shell_pid and pid not in spawned
                       and any(not is_sshd(program) for _, program in self.execs.get(pid, []))]
            result.append({
                "start": self.first_seen.get(root, shell_time),
                "shell": shell_time,
                "spawned": len(spawned),
                "programs": programs,
                "session_processes": len(session),
            })
        return result


def is_sshd(program):
    return os.path.basename(program).startswith("sshd")


def overlap(intervals):
    """(peak number of intervals open at once, sum of lengths, length of their union)."""
    events = sorted([(start, 1) for start, _ in intervals] + [(end, -1) for _, end in intervals])
    peak = current = 0
    union = 0.0
    opened_at = None
    for stamp, step in events:
        if current == 0 and step == 1:
            opened_at = stamp
        current += step
        if current == 0 and opened_at is not None:
            union += stamp - opened_at
        peak = max(peak, current)
    total = sum(end - start for start, end in intervals)
    return peak, total, union


def summarise(path, listener_pid):
    connections = Trace(path, listener_pid).connections()
    if not connections:
        return None
    spawned = collections.Counter(c["spawned"] for c in connections)
    programs = collections.Counter()
    for connection in connections:
        programs.update(connection["programs"])
    peak, total, union = overlap([(c["start"], c["shell"]) for c in connections])
    count = len(connections)
    return {
        "connections": count,
        "spawned_per_connection": spawned.most_common(1)[0][0],
        "spawned_distribution": dict(spawned),
        "execs_per_connection": {name: round(n / count, 2) for name, n in programs.most_common()},
        "session_processes_per_connection": round(sum(c["session_processes"] for c in connections) / count, 2),
        "setup_peak_concurrent": peak,
        "setup_mean_ms": 1000 * total / count,
        "setup_sum_s": total,
        "setup_union_s": union,
    }
