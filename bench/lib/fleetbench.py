#!/usr/bin/env python3
"""bench/fleet-bench: pawsguard audit against its peers, on one loopback sshd serving N inventory hosts.

Run `bench/fleet-bench --help` for the options; docs/BENCHMARKS.md has results and the commands.
"""
import argparse
import json
import os
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import sshd_trace  # noqa: E402

SSHD = "/usr/sbin/sshd"
ADDRESS = "127.0.0.1"
USER = "root"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

PEERS = ["openssh", "openssh-pq", "asyncssh", "pssh-libssh2", "pssh-libssh", "ansible-raw", "ansible-shell"]
PIP_PEERS = {"asyncssh", "pssh-libssh2", "pssh-libssh", "ansible-raw", "ansible-shell"}
LABELS = {
    "pawsguard": "pawsguard audit",
    "openssh": "OpenSSH ssh, xargs -P, curve25519",
    "openssh-pq": "OpenSSH ssh, xargs -P, default (PQ) kex",
    "asyncssh": "asyncssh",
    "pssh-libssh2": "parallel-ssh, libssh2 client",
    "pssh-libssh": "parallel-ssh, libssh client",
    "ansible-raw": "Ansible ad-hoc -m raw",
    "ansible-shell": "Ansible ad-hoc -m shell",
}


def log(message):
    print(message, file=sys.stderr, flush=True)


def die(message):
    log(f"fleet-bench: {message}")
    sys.exit(2)


# ---------------------------------------------------------------------------------------------
# The server


class Server:
    """One sshd on loopback, tuned for many connections, started as our child (-D)."""

    def __init__(self, work, name, extra_config="", pam=False):
        self.work = work
        self.port = free_port()
        self.directory = os.path.join(work, name)
        os.makedirs(self.directory)
        config = os.path.join(self.directory, "sshd_config")
        with open(config, "w") as handle:
            handle.write(f"""# bench/fleet-bench: one sshd standing in for every inventory host.
ListenAddress {ADDRESS}
Port {self.port}
HostKey {work}/ssh_host_ed25519_key
PidFile {self.directory}/sshd.pid
AuthorizedKeysFile {work}/authorized_keys
StrictModes no
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
# "stock": PAM on, as in Debian's (and every major distribution's) sshd_config, so each login
# runs the PAM account and session stacks as on a production host; "lean" (--sshd lean) skips them.
UsePAM {"yes" if pam else "no"}
UseDNS no
PrintMotd no
PrintLastLog no
# Debian's bash sources ~/.bashrc for commands run by sshd unless SHLVL says it is nested; root's
# ~/.bashrc here runs pyenv (0.15 s of CPU), which would swamp every measurement.
SetEnv SHLVL=1
# Every client opens up to its concurrency in unauthenticated connections at once.
MaxStartups 1000:30:1000
MaxSessions 1000
LogLevel ERROR
{extra_config}""")
        os.makedirs("/run/sshd", mode=0o755, exist_ok=True)
        self.log = os.path.join(self.directory, "sshd.log")
        self.process = subprocess.Popen([SSHD, "-D", "-E", self.log, "-f", config], stdin=subprocess.DEVNULL)
        self.pid = self.process.pid
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection((ADDRESS, self.port), timeout=1).close()
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    die(f"sshd did not start; {self.log} says: {read_tail(self.log)}")
                time.sleep(0.05)

    def cpu_seconds(self):
        """CPU of the listener and of every connection process it has reaped (with their children)."""
        with open(f"/proc/{self.pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return sum(int(value) for value in fields[11:15]) / CLOCK_TICKS

    def wait_idle(self, timeout=60):
        """Waits until every connection process has exited and been reaped, so its CPU is counted."""
        deadline = time.monotonic() + timeout
        while children_of(self.pid):
            if time.monotonic() > deadline:
                log(f"warning: sshd still has connection processes after {timeout} s")
                return
            time.sleep(0.02)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def machine_busy_seconds():
    """CPU time all cores spent on anything but idle, since boot (/proc/stat)."""
    with open("/proc/stat") as handle:
        fields = [int(value) for value in handle.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / CLOCK_TICKS


def children_of(pid):
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found.extend(handle.read().split())
    except OSError:
        pass
    return found


def free_port():
    with socket.socket() as probe:
        probe.bind((ADDRESS, 0))
        return probe.getsockname()[1]


def read_tail(path, lines=5):
    try:
        with open(path, errors="replace") as handle:
            return " | ".join(handle.read().splitlines()[-lines:])
    except OSError:
        return "(no log)"


# ---------------------------------------------------------------------------------------------
# The fleet: keys, known_hosts, inventories


class Fleet:
    def __init__(self, work):
        self.work = work
        self.key = os.path.join(work, "id_ed25519")
        run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "fleet-bench host", "-f",
             os.path.join(work, "ssh_host_ed25519_key")])
        run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "fleet-bench client", "-f", self.key])
        shutil.copy(self.key + ".pub", os.path.join(work, "authorized_keys"))
        with open(os.path.join(work, "ssh_host_ed25519_key.pub")) as handle:
            self.host_key = " ".join(handle.read().split()[:2])
        self.known_hosts = os.path.join(work, "known_hosts")

    def trust(self, server):
        # known_hosts entries match by address:port: one line stands for every inventory host.
        with open(self.known_hosts, "a") as handle:
            handle.write(f"[{ADDRESS}]:{server.port} {self.host_key}\n")

    def labels(self, count):
        width = max(4, len(str(count)))
        return [f"h{index:0{width}d}" for index in range(1, count + 1)]

    def inventory(self, server, count):
        """The Ansible INI inventory pawsguard reads: `count` names, all at the one sshd."""
        path = os.path.join(self.work, f"inventory-{server.port}-{count}.ini")
        if not os.path.exists(path):
            with open(path, "w") as handle:
                handle.write("[fleet]\n")
                for label in self.labels(count):
                    handle.write(f"{label} ansible_host={ADDRESS} ansible_port={server.port}\n")
                handle.write(f"\n[fleet:vars]\nansible_user={USER}\nansible_ssh_private_key_file={self.key}\n")
        return path

    def ansible_inventory(self, server, count):
        """The same for Ansible, plus a control socket per host: Ansible names its ControlPersist
        socket after address, port and user, which would make all N hosts share one connection."""
        path = os.path.join(self.work, f"ansible-{count}.ini")
        control = os.path.join(self.work, "cp")
        os.makedirs(control, exist_ok=True)
        if not os.path.exists(path):
            with open(path, "w") as handle:
                handle.write("[fleet]\n")
                for label in self.labels(count):
                    handle.write(f"{label} ansible_host={ADDRESS} ansible_port={server.port} "
                                 f"ansible_control_path={control}/{label}\n")
                handle.write(f"\n[fleet:vars]\nansible_user={USER}\nansible_ssh_private_key_file={self.key}\n")
        return path

    def host_list(self, count):
        path = os.path.join(self.work, f"hosts-{count}.txt")
        if not os.path.exists(path):
            with open(path, "w") as handle:
                handle.write("\n".join(self.labels(count)) + "\n")
        return path


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        die(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout


# ---------------------------------------------------------------------------------------------
# Measured runs


class Bench:
    def __init__(self, args, work, pawsguard):
        self.args = args
        self.work = work
        self.pawsguard = pawsguard
        self.fleet = Fleet(work)
        self.server = Server(work, "sshd", pam=args.sshd == "stock")
        self.fleet.trust(self.server)
        self.run_number = 0
        self.commands = {}
        self.venv = args.venv
        self.last_pawsguard_durations = []
        self.last_pawsguard_wall = 0.0
        self.check_login()

    def check_login(self):
        """One login before anything is timed: a PAM stack that refuses root here (pam_loginuid in
        some containers) should stop the run with a reason, not show up as N uncollected hosts."""
        line = self.openssh_line(pq=False, remote="exec true", sink="/dev/null")
        result = subprocess.run(["sh", "-c", line, "check"], capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            hint = " (try --sshd lean, which logs in without PAM)" if self.args.sshd == "stock" else ""
            die(f"a test login to the benchmark's sshd failed{hint}: {result.stderr.strip()}; "
                f"sshd log: {read_tail(self.server.log)}")

    def measure(self, name, count, command, collect, environment=None, tree_rss=False):
        """Runs one client over `count` hosts; returns its figures, the sshd CPU it caused included."""
        self.run_number += 1
        directory = os.path.join(self.work, "runs", f"{self.run_number:03d}-{name}-{count}")
        os.makedirs(directory)
        stdout, stderr, result = (os.path.join(directory, f) for f in ("stdout", "stderr", "result.json"))
        measured = [sys.executable, os.path.join(HERE, "measure.py"), "--result", result,
                    "--stdout", stdout, "--stderr", stderr] + (["--tree-rss"] if tree_rss else []) + ["--"]
        self.server.wait_idle()
        before = self.server.cpu_seconds()
        busy_before = machine_busy_seconds()
        subprocess.run(measured + command, env=dict(os.environ, **(environment or {})), check=True)
        busy_during = machine_busy_seconds() - busy_before
        self.server.wait_idle()
        server_cpu = self.server.cpu_seconds() - before
        with open(result) as handle:
            figures = json.load(handle)
        figures.update(name=name, hosts=count, server_cpu_s=server_cpu, directory=directory)
        # Whatever else ran on the machine meanwhile (other jobs, this script's own bookkeeping):
        # the machine's busy time minus the client's and sshd's. Large values make the wall times
        # of this run unreliable.
        figures["other_cpu_s"] = max(0.0, busy_during - server_cpu - figures["user_s"] - figures["sys_s"])
        figures["collected"] = collect(stdout, directory)
        figures["peak_rss_kib"] = max(figures["maxrss_kib"], figures["tree_rss_kib"] or 0)
        if figures["collected"] != count:
            log(f"warning: {name} collected {figures['collected']} of {count} hosts; "
                f"stderr: {read_tail(stderr)}")
        return figures

    # -- the floor ------------------------------------------------------------------------

    def floor(self, count):
        """sshd CPU of `count` connections that run a bare `exec true` (OpenSSH client, curve25519)."""
        command = ["xargs", "-P", str(self.args.concurrency), "-n", "1", "sh", "-c",
                   self.openssh_line(pq=False, remote="exec true", sink="/dev/null")]
        hosts = self.fleet.host_list(count)
        figures = self.measure("floor", count, ["sh", "-c", shlex.join(command) + " < " + shlex.quote(hosts)],
                               collect=lambda stdout, directory: count)
        self.commands["floor"] = (f"xargs -P {self.args.concurrency} -n 1 sh -c "
                                  f"{shlex.quote(self.openssh_line(pq=False, remote='exec true', sink='/dev/null'))}"
                                  " < HOSTS").replace(self.work, "$WORK")
        return figures["server_cpu_s"] / count

    # -- pawsguard ------------------------------------------------------------------------

    def pawsguard_run(self, count, server=None, name="pawsguard"):
        server = server or self.server
        inventory = self.fleet.inventory(server, count)
        report = os.path.join(self.work, f"report-{self.run_number + 1:03d}.json")
        command = [self.pawsguard, "audit", "-i", inventory, "--known-hosts", self.fleet.known_hosts,
                   "--format", "json", "-o", report, "--no-progress"]
        if self.args.forks:
            command += ["--forks", str(self.args.forks)]
        self.commands["pawsguard"] = shlex.join(["pawsguard"] + command[1:]).replace(self.work, "$WORK")

        def collect(stdout, directory):
            try:
                with open(report) as handle:
                    hosts = json.load(handle)["hosts"]
            except (OSError, ValueError, KeyError):
                return 0
            return sum(1 for host in hosts if host.get("status") == "audited")

        figures = self.measure(name, count, command, collect)
        figures["report"] = report
        try:
            with open(report) as handle:
                durations = [host.get("durationSeconds", 0.0) for host in json.load(handle)["hosts"]]
        except (OSError, ValueError, KeyError):
            durations = []
        # Each host's time from connect to parsed output, as pawsguard's report gives it: their sum
        # over the wall time is how many hosts were in flight on average (overlap, untraced).
        figures["host_seconds"] = sorted(durations)
        return figures

    def capture_probe(self):
        """The exact script pawsguard sends, caught by an sshd whose ForceCommand saves stdin."""
        script = os.path.join(self.work, "probe.sh")
        capture = Server(self.work, "capture-sshd", f"ForceCommand cat > {script}\n")
        try:
            self.fleet.trust(capture)
            inventory = self.fleet.inventory(capture, 1)
            subprocess.run([self.pawsguard, "audit", "-i", inventory, "--known-hosts", self.fleet.known_hosts,
                            "--format", "json", "-o", os.path.join(self.work, "capture.json"), "--no-progress"],
                           capture_output=True)
            capture.wait_idle()
        finally:
            capture.stop()
        with open(script, "rb") as handle:
            text = handle.read().decode()
        first = text.splitlines()[0] if text else ""
        if not first.startswith("B="):
            die(f"could not capture pawsguard's probe script (got {first[:80]!r})")
        boundary = shlex.split(first[2:])[0]
        return text, boundary

    def trace(self, count):
        """pawsguard over `count` hosts with strace following sshd: processes per host, set-up overlap."""
        if not shutil.which("strace"):
            return None
        trace_file = os.path.join(self.work, "sshd.strace")
        self.server.wait_idle()
        tracer = subprocess.Popen(["strace", "-f", "-ttt", "--seccomp-bpf", "-e", "trace=process", "-o", trace_file,
                                   "-p", str(self.server.pid)], stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)
        figures = self.pawsguard_run(count, name="pawsguard-traced")
        self.server.wait_idle()
        tracer.send_signal(signal.SIGINT)
        tracer.wait(30)
        summary = sshd_trace.summarise(trace_file, self.server.pid)
        if summary:
            summary["wall_s"] = figures["wall_s"]
        return summary

    def rendering(self, report):
        """Decoding a JSON report and rendering it again, via `pawsguard report merge` (an upper bound)."""
        results = {}
        for format_name in ("json", "table", "html"):
            output = os.path.join(self.work, f"rendered.{format_name}")
            figures = self.measure(f"render-{format_name}", 0,
                                   [self.pawsguard, "report", "merge", report, "--format", format_name, "-o", output],
                                   collect=lambda stdout, directory: 0)
            results[format_name] = figures
        return results

    # -- the peers ------------------------------------------------------------------------

    def openssh_line(self, pq, remote, sink):
        options = ["-o", "BatchMode=yes", "-o", f"UserKnownHostsFile={self.fleet.known_hosts}",
                   "-o", "GlobalKnownHostsFile=/dev/null", "-o", "StrictHostKeyChecking=yes",
                   "-o", "IdentitiesOnly=yes", "-i", self.fleet.key]
        if not pq:
            options += ["-o", "KexAlgorithms=curve25519-sha256"]
        options += ["-p", str(self.server.port), f"{USER}@{ADDRESS}"]
        remote_word = shlex.quote(remote) if remote == "exec true" else '"$FLEETBENCH_COMMAND"'
        return f"exec ssh {shlex.join(options)} {remote_word} > {sink}"

    def peer_run(self, name, count, remote_command, boundary):
        hosts = self.fleet.host_list(count)
        command_file = os.path.join(self.work, "peer-command.txt")
        with open(command_file, "w") as handle:
            handle.write(remote_command)
        python = os.path.join(self.venv, "bin", "python") if self.venv else sys.executable
        marker = f"{boundary} end"

        def count_markers(stdout, directory):
            with open(stdout, "rb") as handle:
                return sum(1 for line in handle if line.rstrip(b"\r\n") == marker.encode())

        environment = {}
        tree_rss = False
        if name in ("openssh", "openssh-pq"):
            outputs = os.path.join(self.work, f"out-{name}-{count}")
            os.makedirs(outputs, exist_ok=True)
            line = self.openssh_line(pq=name == "openssh-pq", remote=None, sink='"$FLEETBENCH_OUT/$0"')
            xargs = ["xargs", "-P", str(self.args.concurrency), "-n", "1", "sh", "-c", line]
            command = ["sh", "-c", shlex.join(xargs) + " < " + shlex.quote(hosts)]
            environment = {"FLEETBENCH_COMMAND": remote_command, "FLEETBENCH_OUT": outputs}
            tree_rss = True
            display = shlex.join(xargs) + " < HOSTS"

            def collect(stdout, directory):
                found = 0
                for label in os.listdir(outputs):
                    with open(os.path.join(outputs, label), "rb") as handle:
                        found += sum(1 for line in handle if line.rstrip(b"\r\n") == marker.encode())
                return found
        elif name == "asyncssh":
            command = [python, os.path.join(REPO, "bench/peers/asyncssh_peer.py"), "--hosts-file", hosts,
                       "--command-file", command_file, "--address", ADDRESS, "--port", str(self.server.port),
                       "--key", self.fleet.key, "--known-hosts", self.fleet.known_hosts,
                       "--concurrency", str(self.args.concurrency)]
            collect, display = count_markers, shlex.join(command)
        elif name in ("pssh-libssh2", "pssh-libssh"):
            command = [python, os.path.join(REPO, "bench/peers/pssh_peer.py"), "--client", name.split("-", 1)[1],
                       "--hosts-file", hosts, "--command-file", command_file, "--address", ADDRESS,
                       "--port", str(self.server.port), "--key", self.fleet.key,
                       "--concurrency", str(self.args.concurrency)]
            collect, display = count_markers, shlex.join(command)
        elif name in ("ansible-raw", "ansible-shell"):
            inventory = self.fleet.ansible_inventory(self.server, count)
            module = name.split("-", 1)[1]
            command = [os.path.join(self.venv, "bin", "ansible"), "all", "-i", inventory, "-m", module,
                       "-a", remote_command, "-f", str(self.args.concurrency)]
            environment = {"ANSIBLE_CONFIG": self.ansible_config()}
            tree_rss = True
            collect = count_markers
            display = f"ANSIBLE_CONFIG=$WORK/ansible.cfg ansible all -i $WORK/ansible-N.ini -m {module} " \
                      f"-a \"$COMMAND\" -f {self.args.concurrency}"
        else:
            die(f"unknown peer {name}")
        self.commands[name] = display.replace(self.work, "$WORK").replace(self.venv or "\0", "$VENV")
        return self.measure(name, count, command, collect, environment, tree_rss)

    def ansible_config(self):
        path = os.path.join(self.work, "ansible.cfg")
        if not os.path.exists(path):
            with open(path, "w") as handle:
                handle.write(f"""[defaults]
host_key_checking = True
# Discovery would cost every host one more round trip; say where Python is.
interpreter_python = /usr/bin/python3
local_tmp = {self.work}/ansible-local
remote_tmp = /tmp/fleet-bench-ansible-remote
deprecation_warnings = False

[ssh_connection]
# Ansible's default ssh_args plus the same kex as the OpenSSH peer and our known_hosts.
ssh_args = -C -o ControlMaster=auto -o ControlPersist=60s -o KexAlgorithms=curve25519-sha256 -o UserKnownHostsFile={self.fleet.known_hosts} -o GlobalKnownHostsFile=/dev/null -o IdentitiesOnly=yes
""")
        return path


# ---------------------------------------------------------------------------------------------
# Output


def fmt_seconds(value):
    return f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


def describe_runs(runs, floor_s, pawsguard_wall, cores):
    rows = []
    for figures in runs:
        count = figures["hosts"]
        cpu = figures["user_s"] + figures["sys_s"]
        rss = figures["peak_rss_kib"] / 1024
        rows.append({
            "client": LABELS.get(figures["name"], figures["name"]),
            "name": figures["name"],
            "hosts": count,
            "collected": figures["collected"],
            "wall_s": figures["wall_s"],
            "hosts_per_s": count / figures["wall_s"] if figures["wall_s"] > 0 else 0,
            "client_cpu_s": cpu,
            "client_cpu_ms_per_host": 1000 * cpu / count,
            "server_cpu_ms_per_host": 1000 * figures["server_cpu_s"] / count,
            "other_cpu_s": figures["other_cpu_s"],
            "peak_rss_mib": rss,
            "rss_is_tree": figures["tree_rss_kib"] is not None,
            "vs_pawsguard": figures["wall_s"] / pawsguard_wall if pawsguard_wall else None,
            "vs_floor": figures["wall_s"] / floor_s if floor_s else None,
        })
    return rows


def table(headers, rows, markdown):
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(headers, widths))]
    lines += ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)) for row in rows]
    return "\n".join(lines)


def client_table(rows, markdown):
    headers = ["client", "hosts ok", "wall", "hosts/s", "client CPU", "CPU/host", "sshd CPU/host", "peak RSS",
               "× pawsguard", "× floor", "other CPU"]
    body = []
    for row in rows:
        body.append([
            row["client"], f"{row['collected']}/{row['hosts']}", fmt_seconds(row["wall_s"]),
            f"{row['hosts_per_s']:.0f}", fmt_seconds(row["client_cpu_s"]), f"{row['client_cpu_ms_per_host']:.2f} ms",
            f"{row['server_cpu_ms_per_host']:.1f} ms",
            f"{row['peak_rss_mib']:.0f} MiB" + (" (tree)" if row["rss_is_tree"] else ""),
            "1.00" if row["name"] == "pawsguard" else f"{row['vs_pawsguard']:.2f}",
            f"{row['vs_floor']:.2f}", fmt_seconds(row["other_cpu_s"]),
        ])
    return table(headers, body, markdown)


def verdicts(rows, floor_s, scale_rows, count):
    by_name = {row["name"]: row for row in rows}
    mine = by_name["pawsguard"]
    checks = [("wall within 1.1x of the floor", mine["vs_floor"] <= 1.1, f"{mine['vs_floor']:.2f}x")]
    for peer, factor in (("asyncssh", 1.25), ("ansible-shell", 30), ("pssh-libssh", 2.5)):
        if peer in by_name:
            ratio = by_name[peer]["vs_pawsguard"]
            checks.append((f"at least {factor}x faster than {LABELS[peer]}", ratio >= factor, f"{ratio:.2f}x"))
    checks.append(("client CPU at most 1.5 ms per host", mine["client_cpu_ms_per_host"] <= 1.5,
                   f"{mine['client_cpu_ms_per_host']:.2f} ms"))
    checks.append((f"peak RSS at most 100 MiB (here at {count} hosts)", mine["peak_rss_mib"] <= 100,
                   f"{mine['peak_rss_mib']:.0f} MiB"))
    if len(scale_rows) >= 2:
        per_host = [row["wall_s"] / row["hosts"] for row in scale_rows]
        spread = max(per_host) / min(per_host)
        checks.append(("time linear in N (wall per host varies by at most 15%)", spread <= 1.15,
                       "wall per host " + " / ".join(f"{1000 * value:.1f} ms" for value in per_host)))
    return checks


# ---------------------------------------------------------------------------------------------


def parse_arguments():
    parser = argparse.ArgumentParser(
        prog="bench/fleet-bench",
        description="Times `pawsguard audit` and its peers collecting the same data from N inventory hosts, "
                    "all served by one loopback sshd, in one run; prints wall time, client CPU, peak RSS, "
                    "hosts/s, each peer's ratio to pawsguard and the floor (sshd's own CPU for N bare "
                    "connections, divided by the cores).",
        epilog="Peers: " + ", ".join(PEERS) + ". Those other than openssh/openssh-pq are installed with pip "
               "into a throwaway virtualenv (--venv). Needs root (sshd logs in as root) and openssh-server.")
    parser.add_argument("--hosts", type=int, default=200, help="inventory hosts (default 200)")
    parser.add_argument("--peers", default=",".join(PEERS),
                        help="comma-separated peers to time, or 'none' (default: all)")
    parser.add_argument("--quick", action="store_true",
                        help="pawsguard and OpenSSH only, no pip installs, one repetition (for the test suite)")
    parser.add_argument("--scale", default="",
                        help="also time pawsguard alone at these sizes, e.g. 250,500,1000 (linearity)")
    parser.add_argument("--concurrency", type=int, default=50, help="connections at once for the peers (default 50)")
    parser.add_argument("--forks", type=int, default=0, help="pawsguard --forks (default: pawsguard's own default)")
    parser.add_argument("--sshd", choices=["stock", "lean"], default="stock",
                        help="sshd's login path: 'stock' runs PAM as distributions ship it (UsePAM yes, the "
                             "default); 'lean' turns PAM off, which makes sshd cheaper per connection and so "
                             "the floor lower")
    parser.add_argument("--repeat", type=int, default=3,
                        help="time pawsguard and the floor this many times, interleaved; the median counts (default 3)")
    parser.add_argument("--no-trace", action="store_true", help="skip the strace run (process count, set-up overlap)")
    parser.add_argument("--venv", default="/tmp/fleet-bench-venv",
                        help="virtualenv for the pip-installed peers (created if missing)")
    parser.add_argument("--markdown", help="also write the results as Markdown to this file")
    parser.add_argument("--json", help="also write every figure as JSON to this file")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (keys, inventories, outputs)")
    args = parser.parse_args()
    if args.quick:
        args.peers = "openssh"
        args.repeat = 1
    args.peer_list = [] if args.peers in ("", "none") else [peer.strip() for peer in args.peers.split(",")]
    for peer in args.peer_list:
        if peer not in PEERS:
            parser.error(f"unknown peer {peer!r}; choose from {', '.join(PEERS)}")
    try:
        args.scale_list = [int(size) for size in args.scale.split(",") if size.strip()]
    except ValueError:
        parser.error("--scale takes whole numbers separated by commas, e.g. 250,500,1000")
    if args.hosts < 1 or any(size < 1 for size in args.scale_list) or args.repeat < 1 or args.concurrency < 1:
        parser.error("--hosts, --scale sizes, --repeat and --concurrency must be at least 1")
    if not any(peer in PIP_PEERS for peer in args.peer_list):
        args.venv = None
    return args


def pawsguard_binary():
    binary = os.environ.get("PAWSGUARD_BIN")
    if binary:
        if not os.access(binary, os.X_OK):
            die(f"PAWSGUARD_BIN={binary} is not an executable")
        return binary
    log("building the release binary (swift build -c release --scratch-path .build-release)")
    subprocess.run(["swift", "build", "-c", "release", "--scratch-path", ".build-release", "--product", "pawsguard"],
                   cwd=REPO, check=True, stdout=sys.stderr)
    return os.path.join(REPO, ".build-release", "release", "pawsguard")


def prepare_venv(path):
    python = os.path.join(path, "bin", "python")
    if not os.path.exists(python):
        log(f"creating the peers' virtualenv {path}")
        subprocess.run([sys.executable, "-m", "venv", path], check=True, stdout=sys.stderr)
    log("pip install -r bench/peers/requirements.txt (into the virtualenv)")
    subprocess.run([os.path.join(path, "bin", "pip"), "install", "-q", "-r",
                    os.path.join(REPO, "bench", "peers", "requirements.txt")], check=True, stdout=sys.stderr)
    versions = subprocess.run([os.path.join(path, "bin", "pip"), "list", "--format", "json"],
                              capture_output=True, text=True, check=True).stdout
    wanted = {"asyncssh", "parallel-ssh", "ansible-core", "ssh2-python", "ssh-python"}
    return {item["name"]: item["version"] for item in json.loads(versions) if item["name"] in wanted}


def environment_facts(pawsguard, venv_versions):
    ssh_version = subprocess.run(["ssh", "-V"], capture_output=True, text=True).stderr.strip()
    kernel = os.uname().release
    with open("/proc/cpuinfo") as handle:
        model = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), "?")
    version = subprocess.run([pawsguard, "--version"], capture_output=True, text=True).stdout.strip()
    libssh = subprocess.run(["sh", "-c", "dpkg-query -W -f '${Version}' libssh-4 2>/dev/null"],
                            capture_output=True, text=True).stdout.strip()
    facts = [f"{os.cpu_count()} cores ({model}), Linux {kernel}", ssh_version,
             f"pawsguard {version} (libssh {libssh or '?'}), release build"]
    facts += [f"{name} {version}" for name, version in sorted(venv_versions.items())]
    return facts


def main():
    args = parse_arguments()
    if os.geteuid() != 0:
        die("run as root: the benchmark's sshd logs in as root")
    for tool in (SSHD, "ssh", "ssh-keygen", "xargs"):
        if not shutil.which(tool):
            die(f"{tool} not found (apt-get install -y openssh-server openssh-client)")
    pawsguard = pawsguard_binary()
    venv_versions = prepare_venv(args.venv) if args.venv else {}
    work = tempfile.mkdtemp(prefix="fleet-bench.", dir="/tmp")
    bench = None
    try:
        bench = Bench(args, work, pawsguard)
        cores = os.cpu_count()
        count = args.hosts
        log(f"work directory {work}; sshd pid {bench.server.pid} on {ADDRESS}:{bench.server.port}")
        script, boundary = bench.capture_probe()
        remote_command = "sh -c " + shlex.quote(script)
        with open(os.path.join(work, "peer-command.sh"), "w") as handle:
            handle.write(remote_command)

        floors, mine = [], []
        for repetition in range(args.repeat):
            log(f"floor and pawsguard, {count} hosts ({repetition + 1}/{args.repeat})")
            floors.append(bench.floor(count))
            mine.append(bench.pawsguard_run(count))
        per_connection = statistics.median(floors)
        floor_s = per_connection * count / cores
        pawsguard_figures = sorted(mine, key=lambda figures: figures["wall_s"])[len(mine) // 2]
        bench.last_pawsguard_durations = pawsguard_figures["host_seconds"]
        bench.last_pawsguard_wall = pawsguard_figures["wall_s"]

        peer_figures = []
        for peer in args.peer_list:
            log(f"{peer}, {count} hosts")
            peer_figures.append(bench.peer_run(peer, count, remote_command, boundary))

        scale_figures = []
        for size in args.scale_list:
            runs = []
            for repetition in range(args.repeat):
                log(f"pawsguard, {size} hosts ({repetition + 1}/{args.repeat})")
                runs.append(bench.pawsguard_run(size))
            scale_figures.append(sorted(runs, key=lambda figures: figures["wall_s"])[len(runs) // 2])

        largest = max([pawsguard_figures] + scale_figures, key=lambda figures: figures["hosts"])
        rendering = bench.rendering(largest["report"])
        trace = None if args.no_trace else bench.trace(min(count, 200))

        rows = describe_runs([pawsguard_figures] + peer_figures, floor_s, pawsguard_figures["wall_s"], cores)
        scale_rows = describe_runs(scale_figures, None, None, cores)
        for row, figures in zip(scale_rows, scale_figures):
            row["floor_s"] = per_connection * figures["hosts"] / cores
            row["vs_floor"] = figures["wall_s"] / row["floor_s"]
        report = render(args, bench, rows, scale_rows, floors, per_connection, floor_s, cores, count, rendering,
                        trace, largest, environment_facts(pawsguard, venv_versions))
        print(report["text"])
        if args.markdown:
            with open(args.markdown, "w") as handle:
                handle.write(report["markdown"])
        if args.json:
            with open(args.json, "w") as handle:
                json.dump({"runs": rows, "scale": scale_rows, "floor_per_connection_s": per_connection,
                           "floor_s": floor_s, "floors": floors, "rendering": rendering, "trace": trace,
                           "commands": bench.commands}, handle, indent=2)
        incomplete = [row["name"] for row in rows + scale_rows if row["collected"] != row["hosts"]]
        if incomplete:
            log(f"fleet-bench: not every host was collected by: {', '.join(incomplete)}")
            return 1
        return 0
    finally:
        if bench:
            bench.server.stop()
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def render(args, bench, rows, scale_rows, floors, per_connection, floor_s, cores, count, rendering, trace,
           largest, facts):
    text, markdown = [], []

    def both(line_text, line_markdown=None):
        text.append(line_text)
        markdown.append(line_text if line_markdown is None else line_markdown)

    both(f"fleet-bench: {count} inventory hosts, all served by one sshd on {ADDRESS}; peers at concurrency "
         f"{args.concurrency}, pawsguard at {'--forks ' + str(args.forks) if args.forks else 'its default --forks'}; "
         f"sshd {'stock (UsePAM yes)' if args.sshd == 'stock' else 'lean (UsePAM no)'}.")
    both("Machine: " + "; ".join(facts) + ".")
    both("")
    both(f"Floor: sshd spends {1000 * per_connection:.1f} ms of CPU per connection running a bare `exec true` "
         f"(median of {len(floors)}: " + ", ".join(f"{1000 * value:.1f}" for value in floors) + " ms), "
         f"so {count} hosts need at least {floor_s:.2f} s on {cores} cores.")
    if trace:
        programs = ", ".join(f"{name} x{n:g}" for name, n in trace["execs_per_connection"].items())
        both(f"Probe: per host, sshd starts the login shell, which spawns {trace['spawned_per_connection']} "
             f"more process(es) (programs run per host: {programs}; seen over {trace['connections']} connections: "
             f"{trace['spawned_distribution']}). Before the shell, sshd's own login (PAM session) ran "
             f"{trace['session_processes_per_connection']:g} process(es) per connection, as it does for any client.")
        both(f"Overlap: {trace['connections']} connection set-ups (sshd's re-exec to the shell's start: banner, "
             f"key exchange, host key, authentication, PAM session) took {trace['setup_mean_ms']:.0f} ms each on average, "
             f"up to {trace['setup_peak_concurrent']} at once; together {trace['setup_sum_s']:.1f} s of set-up "
             f"within {trace['setup_union_s']:.2f} s (average {trace['setup_sum_s'] / trace['setup_union_s']:.1f} "
             f"in progress at any moment; run under strace, {trace['wall_s']:.2f} s wall).")
    else:
        both("Probe process count and set-up overlap: skipped (--no-trace, or strace is not installed).")
    durations = bench.last_pawsguard_durations
    if durations:
        wall = bench.last_pawsguard_wall
        both(f"In flight: pawsguard's report gives each host's time from connecting to parsed output: median "
             f"{1000 * durations[len(durations) // 2]:.0f} ms, slowest {1000 * durations[-1]:.0f} ms; together "
             f"{sum(durations):.1f} s within {wall:.2f} s of wall, so {sum(durations) / wall:.0f} hosts were in "
             f"flight on average (the timed run, no tracing).")
    render_parts = ", ".join(f"{name} {1000 * figures['wall_s']:.0f} ms wall / "
                             f"{1000 * (figures['user_s'] + figures['sys_s']):.0f} ms CPU"
                             for name, figures in rendering.items())
    both(f"Report cost at {largest['hosts']} hosts (`pawsguard report merge` of the audit's JSON: decode + render, "
         f"process start included): {render_parts}.")
    both("Columns: client CPU is user+system time of the client's whole process tree; sshd CPU/host the "
         "server's (connection processes and the commands they ran); × pawsguard the peer's wall over pawsguard's; "
         "× floor the wall over the floor; other CPU what the rest of the machine used meanwhile (should be near 0 "
         "for trustworthy walls); peak RSS (tree) the summed RSS of all the client's processes, sampled every 100 ms.")
    both("")
    text.append(client_table(rows, markdown=False))
    markdown.append(client_table(rows, markdown=True))
    if scale_rows:
        headers = ["hosts", "wall", "wall/host", "hosts/s", "CPU/host", "sshd CPU/host", "peak RSS", "floor",
                   "× floor", "other CPU"]
        body = [[row["hosts"], fmt_seconds(row["wall_s"]), f"{1000 * row['wall_s'] / row['hosts']:.1f} ms",
                 f"{row['hosts_per_s']:.0f}", f"{row['client_cpu_ms_per_host']:.2f} ms",
                 f"{row['server_cpu_ms_per_host']:.1f} ms", f"{row['peak_rss_mib']:.0f} MiB",
                 fmt_seconds(row["floor_s"]), f"{row['vs_floor']:.2f}", fmt_seconds(row["other_cpu_s"])]
                for row in scale_rows]
        both("")
        both("pawsguard alone at other sizes (linearity):")
        text.append(table(headers, body, markdown=False))
        markdown.append(table(headers, body, markdown=True))
    both("")
    both("Targets (issue 6):")
    for label, passed, value in verdicts(rows, floor_s, scale_rows, count):
        both(f"  {'PASS' if passed else 'MISS'}  {label}: {value}", f"- {'PASS' if passed else 'MISS'} {label}: {value}")
    both("")
    both("Commands ($WORK is the run's work directory, HOSTS a file of N host labels, $COMMAND the remote "
         "command every peer runs: `sh -c '<pawsguard's probe script>'`):")
    for name, command in bench.commands.items():
        both(f"  {name}: {command}", f"- {name}: `{command}`")
    return {"text": "\n".join(text) + "\n", "markdown": "\n".join(markdown) + "\n"}


if __name__ == "__main__":
    sys.exit(main())
