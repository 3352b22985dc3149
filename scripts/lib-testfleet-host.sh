# shellcheck shell=bash
# Starting and stopping one test host. Sourced by scripts/testfleet, which sets TESTFLEET_SCRIPT_DIR,
# TESTFLEET_SSHD and TESTFLEET_PYTHON. A host's state lives in STATE/hosts/NAME (see `testfleet --help`).

# A listener that stands in for a host that is not reachable in some way:
#   blackhole: listens with backlog 0 and fills its own accept queue, so the kernel silently drops every
#              further SYN and a client's connect() hangs until its timeout (no iptables needed);
#   nobanner:  accepts every connection and never sends a byte, so a client waits for the SSH banner.
# It writes its pid to READY_FILE once it behaves that way.
readonly TESTFLEET_LISTENER_PY='
import os, selectors, socket, sys, time

mode, address, port, ready_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

def announce_ready():
    with open(ready_file + ".tmp", "w") as handle:
        handle.write("%d\n" % os.getpid())
    os.rename(ready_file + ".tmp", ready_file)

def connect_hangs():
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.settimeout(0.5)
    try:
        probe.connect((address, port))
        return False
    except socket.timeout:
        return True
    finally:
        probe.close()

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((address, port))

if mode == "blackhole":
    server.listen(0)
    fillers = []
    for _ in range(3):
        filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        filler.setblocking(False)
        try:
            filler.connect((address, port))
        except BlockingIOError:
            pass
        fillers.append(filler)
    time.sleep(0.2)
    if not connect_hangs():
        sys.exit("blackhole %s:%d: the kernel still answers SYNs with a full accept queue" % (address, port))
    announce_ready()
    while True:
        time.sleep(3600)
else:
    server.listen(128)
    selector = selectors.DefaultSelector()
    selector.register(server, selectors.EVENT_READ)
    announce_ready()
    while True:
        for key, _ in selector.select():
            if key.fileobj is server:
                connection, _ = server.accept()
                selector.register(connection, selectors.EVENT_READ)
                continue
            try:
                data = key.fileobj.recv(4096)
            except OSError:
                data = b""
            if not data:
                selector.unregister(key.fileobj)
                key.fileobj.close()
'

# The processes that play a host outlive this script, so they must not keep what it inherited: the state
# folder's lock would outlive the command, and a caller waiting for its pipes or sockets to close (Foundation's
# Process watches a socket its child inherits) would wait as long as the fleet runs. Call in a subshell.
testfleet_close_inherited_fds() {
    local entry fd
    for entry in /proc/self/fd/*; do
        fd=${entry##*/}
        [ "$fd" -gt 2 ] || continue
        { exec {fd}>&-; } 2>/dev/null || true
    done
}

# Field 22 of /proc/PID/stat: with the pid it names one process for good, so a recycled pid is never killed.
testfleet_process_start_time() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    # shellcheck disable=SC2086 # splitting the fields is the point
    set -- $stat
    [ "$1" != Z ] || return 1
    printf '%s\n' "${20}"
}

testfleet_process_is() {
    local pid=$1 start_time=$2 now
    now=$(testfleet_process_start_time "$pid") || return 1
    [ "$now" = "$start_time" ]
}

testfleet_record_process() {
    local host_dir=$1 pid=$2 start_time
    start_time=$(testfleet_process_start_time "$pid") || return 1
    printf '%s\n' "$pid" >"$host_dir/pid"
    printf '%s\n' "$start_time" >"$host_dir/pid.start-time"
}

testfleet_generate_host_key() {
    local host_dir=$1 name=$2
    rm -f "$host_dir/ssh_host_ed25519_key" "$host_dir/ssh_host_ed25519_key.pub"
    ssh-keygen -q -t ed25519 -N '' -C "testfleet host $name" -f "$host_dir/ssh_host_ed25519_key"
}

testfleet_write_sshd_config() {
    local host_dir=$1 address=$2 port=$3 state_dir=$4
    local set_env='SetEnv SHLVL=1'
    [ ! -d "$host_dir/proc-net" ] || set_env+=" \"PAWSGUARD_PROC_NET=$host_dir/proc-net\""
    cat >"$host_dir/sshd_config" <<EOF
# sshd for one test host; written by scripts/testfleet. Paths are in the fleet's state folder.
ListenAddress $address
Port $port
HostKey $host_dir/ssh_host_ed25519_key
PidFile $host_dir/sshd.pid
AuthorizedKeysFile $state_dir/authorized_keys
StrictModes no
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
UseDNS no
PrintMotd no
# SHLVL=1 stops Debian's bash from sourcing root's ~/.bashrc (pyenv init, slow) for every command.
$set_env
MaxStartups 200:30:400
MaxSessions 50
LogLevel ERROR
Subsystem sftp internal-sftp
EOF
}

# Copies what the host needs from the scenario into its state folder, so restarts never read the
# scenario again and tests may rewrite proc-net/ files while the fleet runs.
testfleet_prepare_host() {
    local host_dir=$1 name=$2 scenario_host_dir=$3 address=$4 port=$5 state_dir=$6
    mkdir -p "$host_dir"
    cp -a "$scenario_host_dir" "$host_dir/scenario"
    testfleet_read_host_conf "$host_dir/scenario"
    printf '%s\n' "$HC_KERNEL" >"$host_dir/osrelease"
    printf 'Linux version %s (testfleet@pawsguard) (gcc) #1 SMP\n' "$HC_KERNEL" >"$host_dir/proc-version"
    if [ -d "$host_dir/scenario/live" ]; then
        cp -a "$host_dir/scenario/live" "$host_dir/live"
    else
        mkdir -p "$host_dir/live/net/ipv4" "$host_dir/live/net/core"
        printf '1\n' >"$host_dir/live/net/ipv4/tcp_timestamps"
        printf '4096\n' >"$host_dir/live/net/core/somaxconn"
    fi
    [ ! -d "$host_dir/scenario/proc-net" ] || cp -a "$host_dir/scenario/proc-net" "$host_dir/proc-net"
    if [ "$HC_STATE" = up ]; then
        testfleet_generate_host_key "$host_dir" "$name"
        testfleet_write_sshd_config "$host_dir" "$address" "$port" "$state_dir"
    fi
}

testfleet_wait_for_file() {
    local file=$1 launcher=$2 tenths=$3
    while [ "$tenths" -gt 0 ]; do
        [ -s "$file" ] && return 0
        testfleet_process_start_time "$launcher" >/dev/null || { [ -s "$file" ] && return 0; return 1; }
        sleep 0.1
        tenths=$((tenths - 1))
    done
    return 1
}

testfleet_launch_sshd() {
    local host_dir=$1 name=$2 launcher pid outer_namespace
    outer_namespace=$(readlink /proc/self/ns/mnt)
    rm -f "$host_dir/sshd.pid" "$host_dir/mntns"
    (
        testfleet_close_inherited_fds
        export TESTFLEET_OUTER_MNTNS=$outer_namespace
        exec setsid unshare --mount --uts --propagation private \
            bash "$TESTFLEET_SCRIPT_DIR/lib-testfleet-namespace.sh" "$host_dir" "$name" -- \
            "$TESTFLEET_SSHD" -D -E "$host_dir/sshd.log" -f "$host_dir/sshd_config"
    ) </dev/null >>"$host_dir/namespace.log" 2>&1 &
    launcher=$!
    # Until sshd has written its pid file, the launcher is the process to stop if anything fails
    # (setsid, unshare and bash all exec, so it normally is sshd itself).
    testfleet_record_process "$host_dir" "$launcher" || true
    if ! testfleet_wait_for_file "$host_dir/sshd.pid" "$launcher" 100; then
        testfleet_die "$name: sshd did not start; $host_dir/namespace.log says: $(tail -n 5 "$host_dir/namespace.log" 2>/dev/null) $(tail -n 5 "$host_dir/sshd.log" 2>/dev/null)"
    fi
    pid=$(<"$host_dir/sshd.pid")
    testfleet_record_process "$host_dir" "$pid" || testfleet_die "$name: sshd (pid $pid) exited right after starting; see $host_dir/sshd.log"
    readlink "/proc/$pid/ns/mnt" >"$host_dir/mntns"
    [ "$(<"$host_dir/mntns")" != "$outer_namespace" ] || testfleet_die "$name: sshd (pid $pid) is not in a private mount namespace"
}

testfleet_launch_listener() {
    local host_dir=$1 name=$2 mode=$3 address=$4 port=$5 launcher
    rm -f "$host_dir/listener.ready"
    (
        testfleet_close_inherited_fds
        exec setsid "$TESTFLEET_PYTHON" -c "$TESTFLEET_LISTENER_PY" "$mode" "$address" "$port" "$host_dir/listener.ready"
    ) </dev/null >>"$host_dir/listener.log" 2>&1 &
    launcher=$!
    testfleet_record_process "$host_dir" "$launcher" || true
    if ! testfleet_wait_for_file "$host_dir/listener.ready" "$launcher" 50; then
        testfleet_die "$name: the $mode listener on $address:$port did not start: $(tail -n 3 "$host_dir/listener.log" 2>/dev/null)"
    fi
    testfleet_record_process "$host_dir" "$(<"$host_dir/listener.ready")" ||
        testfleet_die "$name: the $mode listener exited right after starting; see $host_dir/listener.log"
}

# Starts the process that plays the host in its state and records it in HOST_DIR/pid (none when closed).
testfleet_launch_host() {
    local host_dir=$1 name=$2 state=$3 address=$4 port=$5
    case $state in
        up) testfleet_launch_sshd "$host_dir" "$name" ;;
        blackhole | nobanner) testfleet_launch_listener "$host_dir" "$name" "$state" "$address" "$port" ;;
        closed) rm -f "$host_dir/pid" "$host_dir/pid.start-time" ;;
    esac
}

# True when PID runs in this host's namespace. Namespace ids are reused as soon as a namespace ends (while
# a fleet stops, another fleet's new host may get the id this host had), so the id only preselects; the
# host's own /etc overlay in the process's mount table decides.
testfleet_process_in_host() {
    local pid=$1 host_dir=$2
    grep -qF -- "upperdir=$host_dir/overlay/etc/upper," "/proc/$pid/mountinfo" 2>/dev/null
}

# Every process of a host: its main process and, for an sshd, everything else in its mount namespace
# (sessions, and anything they started). Only processes this script started can be in that namespace.
testfleet_host_processes() {
    local host_dir=$1 pid start_time namespace candidate
    if [ -s "$host_dir/pid" ] && [ -s "$host_dir/pid.start-time" ]; then
        pid=$(<"$host_dir/pid")
        start_time=$(<"$host_dir/pid.start-time")
        ! testfleet_process_is "$pid" "$start_time" || printf '%s\n' "$pid"
    fi
    [ -s "$host_dir/mntns" ] || return 0
    namespace=$(<"$host_dir/mntns")
    # find's -lname takes a glob; the brackets of "mnt:[4026532123]" must not act as one.
    namespace=${namespace//[/\\[}
    namespace=${namespace//]/\\]}
    find /proc/[0-9]*/ns/mnt -maxdepth 0 -lname "$namespace" 2>/dev/null |
        while IFS=/ read -r _ _ candidate _; do
            if testfleet_process_in_host "$candidate" "$host_dir"; then printf '%s\n' "$candidate"; fi
        done
    return 0
}

# Stops every process of a host; returns 1 (after saying which) if some would not go away.
testfleet_stop_host() {
    local host_dir=$1 round
    local -a pids
    mapfile -t pids < <(testfleet_host_processes "$host_dir" | sort -u)
    [ "${#pids[@]}" -gt 0 ] || return 0
    kill -TERM "${pids[@]}" 2>/dev/null || true
    for round in $(seq 1 50); do
        mapfile -t pids < <(testfleet_host_processes "$host_dir" | sort -u)
        [ "${#pids[@]}" -gt 0 ] || return 0
        [ "$round" -ne 30 ] || kill -KILL "${pids[@]}" 2>/dev/null || true
        sleep 0.1
    done
    printf 'testfleet: could not stop processes %s of %s\n' "${pids[*]}" "$host_dir" >&2
    return 1
}

# sysctl -w inside the host changed its tmpfs; keep those values across an sshd restart, as a real host
# keeps them while only its sshd restarts.
testfleet_save_live_values() {
    local host_dir=$1 pid mount_point
    [ -s "$host_dir/live-mounts" ] && [ -s "$host_dir/pid" ] || return 0
    pid=$(<"$host_dir/pid")
    testfleet_process_is "$pid" "$(<"$host_dir/pid.start-time")" || return 0
    while IFS= read -r mount_point; do
        [ -d "/proc/$pid/root/proc/sys/$mount_point" ] || continue
        rm -rf "${host_dir:?}/live/$mount_point"
        mkdir -p "$host_dir/live/$mount_point"
        cp -a "/proc/$pid/root/proc/sys/$mount_point/." "$host_dir/live/$mount_point/"
    done <"$host_dir/live-mounts"
}
