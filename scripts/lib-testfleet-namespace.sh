#!/usr/bin/env bash
# The inside of one test host. scripts/testfleet runs this as
#   unshare --mount --uts --propagation private bash lib-testfleet-namespace.sh HOST_STATE_DIR HOST_NAME -- SSHD ARGS...
# It builds the host's view of the machine in its private mount namespace, then execs sshd, so every
# session of that sshd (and everything pawsguard runs there) sees the fake kernel, the fake live sysctl values
# and only the scenario's sysctl files. Nothing here may touch the machine's real /etc, /usr, /run or /proc/sys:
# every write goes through an overlay or a tmpfs mounted in this namespace.
set -euo pipefail

script_dir=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
# shellcheck source=scripts/lib-testfleet-scenario.sh
. "$script_dir/lib-testfleet-scenario.sh"

if [ "$#" -lt 4 ] || [ "$3" != "--" ]; then
    testfleet_die "usage: lib-testfleet-namespace.sh HOST_STATE_DIR HOST_NAME -- SSHD ARGS..."
fi
host_dir=$1
host_name=$2
shift 3

# Refuse to run anywhere but in a fresh mount namespace: the seeding below deletes directories, which
# outside the namespace (and its overlays) would be the machine's real ones.
[ -n "${TESTFLEET_OUTER_MNTNS:-}" ] || testfleet_die "TESTFLEET_OUTER_MNTNS is not set; run this only through scripts/testfleet"
[ "$(readlink /proc/self/ns/mnt)" != "$TESTFLEET_OUTER_MNTNS" ] ||
    testfleet_die "$host_name: not in a private mount namespace; refusing to mount anything"

require_overlay() {
    local fstype
    fstype=$(findmnt --noheadings --output FSTYPE --mountpoint "$1" | tail -n 1)
    [ "$fstype" = overlay ] || testfleet_die "$host_name: $1 is not an overlay in this namespace; refusing to change it"
}

mount_overlays() {
    local root layer
    for root in "${TESTFLEET_FILE_ROOTS[@]}"; do
        # Where /lib is a symlink into /usr (Debian 12, CentOS 7) the /usr overlay already covers it.
        [ -L "/$root" ] && continue
        [ -d "/$root" ] || continue
        layer="$host_dir/overlay/$root"
        mkdir -p "$layer/upper" "$layer/work"
        mount -t overlay overlay -o "lowerdir=/$root,upperdir=$layer/upper,workdir=$layer/work" "/$root"
    done
}

write_os_release() {
    [ -n "$HC_OS_RELEASE_ID$HC_OS_RELEASE_VERSION_ID$HC_PRETTY_NAME" ] || return 0
    if [ -e "$host_dir/scenario/files/etc/os-release" ] || [ -L "$host_dir/scenario/files/etc/os-release" ]; then
        return 0 # the scenario's own file wins over the host.conf shorthand
    fi
    rm -f /etc/os-release
    {
        [ -z "$HC_OS_RELEASE_ID" ] || printf 'ID=%s\n' "$HC_OS_RELEASE_ID"
        [ -z "$HC_OS_RELEASE_VERSION_ID" ] || printf 'VERSION_ID="%s"\n' "$HC_OS_RELEASE_VERSION_ID"
        [ -z "$HC_PRETTY_NAME" ] || printf 'PRETTY_NAME="%s"\n' "$HC_PRETTY_NAME"
    } >/etc/os-release
}

# host.conf users=: login users with the fleet's client key (AuthorizedKeysFile is shared) and a sudo rule.
# They are added to this host's overlay /etc only; "*" in shadow means no password, so a sudo rule without
# NOPASSWD makes `sudo -n` fail with "a password is required". Homes live in the host's /run overlay.
add_users() {
    local entry name sudo uid=2000 rule
    [ "${#HC_USERS[@]}" -gt 0 ] || return 0
    command -v sudo >/dev/null || testfleet_die "$host_name: host.conf users= needs sudo on this machine (make deps)"
    printf '127.0.1.1\t%s\n' "$host_name" >>/etc/hosts # sudo resolves the host name
    for entry in "${HC_USERS[@]}"; do
        name=${entry%%:*} sudo=${entry#*:} uid=$((uid + 1))
        printf '%s:x:%d:%d:testfleet user:/run/testfleet-home/%s:/bin/sh\n' "$name" "$uid" "$uid" "$name" >>/etc/passwd
        printf '%s:x:%d:\n' "$name" "$uid" >>/etc/group
        [ ! -e /etc/shadow ] || printf '%s:*:19000:0:99999:7:::\n' "$name" >>/etc/shadow
        mkdir -p "/run/testfleet-home/$name"
        chown "$uid:$uid" "/run/testfleet-home/$name"
        case $sudo in
            sudo-nopasswd) rule="$name ALL=(ALL) NOPASSWD: ALL" ;;
            sudo-password) rule="$name ALL=(ALL) ALL" ;;
            none) continue ;;
        esac
        mkdir -p /etc/sudoers.d
        printf '%s\n' "$rule" >"/etc/sudoers.d/testfleet-$name"
        chmod 0440 "/etc/sudoers.d/testfleet-$name"
    done
}

# host.conf shell=busybox|dash: `sh` on the host is that shell (in the host's /usr overlay), and so is every
# login shell, so whatever sshd runs goes through it: `SHELL -c 'sh -s'` with both being that shell.
set_shell() {
    local shell_path
    [ -n "$HC_SHELL" ] || return 0
    shell_path=$(command -v "$HC_SHELL") || testfleet_die "$host_name: host.conf shell=$HC_SHELL: $HC_SHELL is not installed on this machine (make deps)"
    # Only /usr is an overlay here: on a machine without merged /usr, /bin/sh is the machine's own file.
    [ "$(readlink -f /bin)" = /usr/bin ] || testfleet_die "$host_name: host.conf shell= needs /bin -> usr/bin (merged /usr) on this machine"
    ln -sfn "$shell_path" /usr/bin/sh
    sed -i -E '/^root:|:testfleet user:/ s#^([^:]*:[^:]*:[^:]*:[^:]*:[^:]*:[^:]*:).*$#\1/bin/sh#' /etc/passwd
}

# host.conf tmpfs=PATH SIZE, at every start: a tmpfs of SIZE over /PATH holding what /PATH held, so the host
# runs out of space there (ENOSPC) as on a full disk. What the host writes into it is lost at restart-host.
mount_small_filesystems() {
    local entry path size copy
    for entry in "${HC_TMPFS[@]}"; do
        path=/${entry%% *} size=${entry#* }
        [ -d "$path" ] || testfleet_die "$host_name: host.conf tmpfs: $path is not a folder on the host"
        copy=$(mktemp -d "$host_dir/tmpfs-seed.XXXXXX")
        cp -a "$path/." "$copy/"
        mount -t tmpfs -o "size=$size,mode=0755" "testfleet-full-$host_name" "$path"
        chmod --reference="$copy" "$path"
        cp -a "$copy/." "$path/" 2>/dev/null ||
            testfleet_die "$host_name: host.conf tmpfs: what $path holds does not fit in $size; give it more room"
        rm -rf "$copy"
    done
}

# host.conf readonly=PATH, at every start: /PATH becomes a read-only bind mount (EROFS on every write), as
# on a host whose /etc is mounted read-only. Mounts below /PATH (a tmpfs= there) are hidden by it.
mount_read_only() {
    local path
    for path in "${HC_READONLY[@]}"; do
        path=/$path
        [ -d "$path" ] || testfleet_die "$host_name: host.conf readonly: $path is not a folder on the host"
        mount --bind "$path" "$path"
        mount -o remount,bind,ro "$path"
    done
}

# First start only: later starts (restart-host) keep whatever the host's writes left in the upper layers,
# as a real host keeps its disk across an sshd restart.
seed_files() {
    local root dir real entry mode path
    local -A emptied=()
    for root in etc usr run; do require_overlay "/$root"; done
    [ -L /lib ] || require_overlay /lib
    for dir in "${TESTFLEET_SYSCTL_DIRS[@]}"; do
        real=$(readlink -m "/$dir")
        if [ -z "${emptied[$real]:-}" ]; then
            rm -rf "$real"
            mkdir -p "$real"
            emptied[$real]=1
        fi
    done
    rm -f /etc/sysctl.conf
    if [ -d "$host_dir/scenario/files" ]; then
        for entry in "$host_dir/scenario/files"/* "$host_dir/scenario/files"/.[!.]*; do
            [ -e "$entry" ] || [ -L "$entry" ] || continue
            root=$(basename "$entry")
            [ -d "/$root" ] || testfleet_die "$host_name: files/$root: /$root does not exist here"
            # The trailing "/." follows /lib -> usr/lib the way a package would install into /lib.
            cp -a --remove-destination "$entry/." "/$root/"
        done
    fi
    write_os_release
    add_users
    printf '%s\n' "$host_name" >/etc/hostname
    set_shell
    for entry in "${HC_CHMODS[@]}"; do
        mode=${entry%% *}
        path=${entry#* }
        [ -e "/$path" ] || testfleet_die "$host_name: host.conf chmod: /$path does not exist on the host"
        chmod "$mode" "/$path"
    done
    : >"$host_dir/seeded"
}

# /proc/sys mount points: net/ipv4 and net/core always (so an omitted key is absent), plus the first two
# components of the folder of every file under live/.
live_mount_points() {
    local file rel dir
    {
        printf '%s\n' net/ipv4 net/core
        while IFS= read -r -d '' file; do
            rel=${file#"$host_dir/live/"}
            dir=$(dirname "$rel")
            [ "$dir" != . ] || testfleet_die "$host_name: live/$rel: a key must sit in a folder, as under /proc/sys"
            printf '%s\n' "$dir" | cut -d/ -f1-2
        done < <(find "$host_dir/live" -type f -print0)
    } | LC_ALL=C sort -u
}

mount_live_values() {
    local mount_point other kernel_faked=no
    local -a mount_points
    mapfile -t mount_points < <(live_mount_points)
    # Everything in /proc/sys that the scenario does not fake is the machine's real kernel: make it
    # read-only here, so `sysctl --system` run on a host cannot change the machine (it fails instead).
    mount --bind /proc/sys /proc/sys
    mount -o remount,bind,ro /proc/sys
    for mount_point in "${mount_points[@]}"; do
        for other in "${mount_points[@]}"; do
            [[ $other == "$mount_point"/* ]] &&
                testfleet_die "$host_name: live/ has keys directly in $mount_point and in $other; put keys at least two folders deep (e.g. net/ipv4/KEY)"
        done
        [ -d "/proc/sys/$mount_point" ] ||
            testfleet_die "$host_name: live/$mount_point: /proc/sys/$mount_point does not exist on this machine, so it cannot be faked"
        mount -t tmpfs -o mode=0555 "testfleet-$host_name" "/proc/sys/$mount_point"
        if [ -d "$host_dir/live/$mount_point" ]; then
            cp -a "$host_dir/live/$mount_point/." "/proc/sys/$mount_point/"
            chmod 0555 "/proc/sys/$mount_point"
        fi
        [ "$mount_point" != kernel ] || kernel_faked=yes
    done
    printf '%s\n' "${mount_points[@]}" >"$host_dir/live-mounts"
    if [ "$kernel_faked" = yes ]; then
        cp "$host_dir/osrelease" /proc/sys/kernel/osrelease
    else
        mount --bind "$host_dir/osrelease" /proc/sys/kernel/osrelease
    fi
    mount --bind "$host_dir/proc-version" /proc/version
}

testfleet_read_host_conf "$host_dir/scenario"
mount_overlays
[ -e "$host_dir/seeded" ] || seed_files
mount_small_filesystems
mount_live_values
mount_read_only
hostname "$host_name"
exec "$@"
