#!/usr/bin/env python3
"""The parallel-ssh peer of bench/fleet-bench: runs one command on every host with parallel-ssh.

--client libssh2 uses `pssh.clients.ParallelSSHClient` (ssh2-python), --client libssh uses
`pssh.clients.ssh.ParallelSSHClient` (ssh-python). Every host is --address:--port (the benchmark
serves all hosts from one sshd), pool_size is --concurrency. parallel-ssh checks no host keys (its
default; neither client takes a known_hosts file). Every host's stdout goes to our stdout.
"""
import argparse
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--client", choices=["libssh2", "libssh"], required=True)
    parser.add_argument("--hosts-file", required=True)
    parser.add_argument("--command-file", required=True)
    parser.add_argument("--address", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--user", default="root")
    parser.add_argument("--key", required=True)
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args()
    if args.client == "libssh2":
        from pssh.clients import ParallelSSHClient
    else:
        from pssh.clients.ssh import ParallelSSHClient
    with open(args.hosts_file) as handle:
        labels = [line.strip() for line in handle if line.strip()]
    with open(args.command_file) as handle:
        command = handle.read()
    client = ParallelSSHClient(
        [args.address] * len(labels), port=args.port, user=args.user, pkey=args.key,
        pool_size=args.concurrency, num_retries=1, timeout=60)
    output = client.run_command(command, stop_on_errors=False)
    client.join(output)
    sink = sys.stdout
    failed = 0
    for label, host_output in zip(labels, output):
        if host_output.exception is not None:
            print(f"{label}: {host_output.exception!r}", file=sys.stderr)
            failed += 1
            continue
        for line in host_output.stdout:
            sink.write(line + "\n")
    sink.flush()
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
