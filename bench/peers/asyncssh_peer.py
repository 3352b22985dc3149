#!/usr/bin/env python3
"""The asyncssh peer of bench/fleet-bench: runs one command on every host, CONCURRENCY at a time.

Each line of --hosts-file is a host label; every label is reached at --address:--port (the benchmark
serves all hosts from one sshd). Host keys are checked against --known-hosts; the client key is
--key. Every host's stdout is written to our stdout as bytes; a host that fails is reported on stderr.
"""
import argparse
import asyncio
import sys

import asyncssh


async def run_host(semaphore, label, args, command, sink):
    async with semaphore:
        try:
            async with asyncssh.connect(
                args.address, args.port, username=args.user, client_keys=[args.key],
                known_hosts=args.known_hosts, agent_path=None, config=[],
            ) as connection:
                result = await connection.run(command, check=False, encoding=None)
                sink.write(result.stdout or b"")
                return True
        except (OSError, asyncssh.Error) as error:
            print(f"{label}: {error}", file=sys.stderr)
            return False


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts-file", required=True)
    parser.add_argument("--command-file", required=True)
    parser.add_argument("--address", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--user", default="root")
    parser.add_argument("--key", required=True)
    parser.add_argument("--known-hosts", required=True)
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args()
    with open(args.hosts_file) as handle:
        labels = [line.strip() for line in handle if line.strip()]
    with open(args.command_file) as handle:
        command = handle.read()
    semaphore = asyncio.Semaphore(args.concurrency)
    sink = sys.stdout.buffer
    results = await asyncio.gather(*(run_host(semaphore, label, args, command, sink) for label in labels))
    sink.flush()
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
