# shellcheck shell=bash disable=SC2034 # the TESTFLEET_* and HC_* variables are read by the scripts that source this
# Reading one scenario host folder (see `scripts/testfleet --help`). Sourced by scripts/testfleet and by
# scripts/lib-testfleet-namespace.sh, so both read host.conf the same way.

readonly TESTFLEET_DEFAULT_KERNEL="6.1.0-13-amd64"

# Top-level directories a scenario's files/ may write to. Inside a host's namespace each of them is an
# overlay whose upper layer lives in the state folder, so nothing reaches the machine's real tree.
readonly TESTFLEET_FILE_ROOTS=(etc usr run lib)

# The directories every sysctl applier scans. A host sees exactly the scenario's files here (possibly none),
# never the machine's own. usr/lib comes before lib: where /lib is a symlink to usr/lib they are one folder.
readonly TESTFLEET_SYSCTL_DIRS=(etc/sysctl.d run/sysctl.d usr/local/lib/sysctl.d usr/lib/sysctl.d lib/sysctl.d)

testfleet_die() {
    printf 'testfleet: %s\n' "$*" >&2
    exit 1
}

testfleet_trim() {
    local text=$1
    text=${text#"${text%%[![:space:]]*}"}
    text=${text%"${text##*[![:space:]]}"}
    printf '%s' "$text"
}

# A folder of the host given relative to its / (etc/sysctl.d): under one of the overlaid roots, no '..'.
testfleet_valid_host_folder() {
    [[ $1 =~ ^(etc|usr|run|lib)(/[A-Za-z0-9._-]+)*$ && $1 != *..* ]]
}

testfleet_valid_host_name() {
    [[ $1 =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]]
}

# Reads HOST_DIR/host.conf into the HC_* variables below. Unknown keys are an error so that a typo in a
# scenario does not silently give a host its defaults.
testfleet_read_host_conf() {
    local host_dir=$1
    HC_KERNEL=$TESTFLEET_DEFAULT_KERNEL
    HC_STATE=up
    HC_OS_RELEASE_ID=""
    HC_OS_RELEASE_VERSION_ID=""
    HC_PRETTY_NAME=""
    HC_INVENTORY_VARS=""
    HC_GROUPS=()
    HC_CHMODS=()
    HC_USERS=()
    HC_TMPFS=()
    HC_READONLY=()
    HC_SHELL=""
    local conf="$host_dir/host.conf"
    [ -e "$conf" ] || return 0
    local line key value number=0 group mode path entry size
    while IFS= read -r line || [ -n "$line" ]; do
        number=$((number + 1))
        line=$(testfleet_trim "${line%$'\r'}")
        case $line in "" | "#"*) continue ;; esac
        [[ $line == *=* ]] || testfleet_die "$conf:$number: expected key=value, got: $line"
        key=$(testfleet_trim "${line%%=*}")
        value=$(testfleet_trim "${line#*=}")
        case $key in
            kernel)
                [[ $value =~ ^[A-Za-z0-9._+~-]+$ ]] ||
                    testfleet_die "$conf:$number: kernel release '$value' has characters a kernel release never has"
                HC_KERNEL=$value ;;
            state)
                case $value in up | closed | blackhole | nobanner) HC_STATE=$value ;;
                    *) testfleet_die "$conf:$number: state must be up, closed, blackhole or nobanner, not '$value'" ;;
                esac ;;
            os_release_id) HC_OS_RELEASE_ID=$value ;;
            os_release_version_id) HC_OS_RELEASE_VERSION_ID=$value ;;
            pretty_name) HC_PRETTY_NAME=$value ;;
            inventory_vars)
                [[ $value != *$'\n'* ]] || testfleet_die "$conf:$number: inventory_vars must be one line"
                HC_INVENTORY_VARS=$value ;;
            groups)
                IFS=',' read -r -a HC_GROUPS <<<"$value"
                for group in "${HC_GROUPS[@]}"; do
                    [[ $group =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] ||
                        testfleet_die "$conf:$number: '$group' is not a valid Ansible group name (letters, digits, _)"
                done ;;
            chmod)
                mode=${value%%[[:space:]]*}
                path=$(testfleet_trim "${value#"$mode"}")
                [[ $mode =~ ^[0-7]{3,4}$ ]] ||
                    testfleet_die "$conf:$number: chmod wants 'MODE PATH' with an octal MODE, e.g. chmod=0000 etc/sysctl.d/50-secret.conf"
                [[ -n $path && $path != /* && $path != *..* ]] ||
                    testfleet_die "$conf:$number: chmod path must be relative to the host's / (e.g. etc/sysctl.conf) and contain no '..'"
                HC_CHMODS+=("$mode $path") ;;
            users)
                IFS=',' read -r -a HC_USERS <<<"$value"
                for entry in "${HC_USERS[@]}"; do
                    [[ $entry =~ ^[a-z_][a-z0-9_-]{0,30}:(sudo-nopasswd|sudo-password|none)$ ]] ||
                        testfleet_die "$conf:$number: users wants NAME:SUDO[,NAME:SUDO] with SUDO sudo-nopasswd, sudo-password or none, not '$entry'"
                done ;;
            tmpfs)
                path=${value%%[[:space:]]*}
                size=$(testfleet_trim "${value#"$path"}")
                testfleet_valid_host_folder "$path" ||
                    testfleet_die "$conf:$number: tmpfs wants 'PATH SIZE' with PATH under etc, usr, run or lib (e.g. tmpfs=etc/sysctl.d 12k), not '$value'"
                [[ $size =~ ^[0-9]+[kmKM]?$ ]] ||
                    testfleet_die "$conf:$number: tmpfs size '$size' must be a number of bytes with an optional k or m suffix"
                HC_TMPFS+=("$path $size") ;;
            readonly)
                testfleet_valid_host_folder "$value" ||
                    testfleet_die "$conf:$number: readonly wants a folder under etc, usr, run or lib (e.g. readonly=etc), not '$value'"
                HC_READONLY+=("$value") ;;
            shell)
                case $value in busybox | dash) HC_SHELL=$value ;;
                    *) testfleet_die "$conf:$number: shell must be busybox or dash, not '$value'" ;;
                esac ;;
            *)
                testfleet_die "$conf:$number: unknown key '$key' (known: kernel, state, os_release_id, os_release_version_id, pretty_name, inventory_vars, groups, chmod, users, tmpfs, readonly, shell)" ;;
        esac
    done <"$conf"
}
