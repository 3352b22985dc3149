/// The syntax that sets the key.
public enum AssignmentForm: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// `key = value` as sysctl.conf and sysctl.d files write it.
    case sysctlLine = "sysctl-line"
    /// `sysctl -w key=value`, `sysctl key=value`.
    case sysctlCommand = "sysctl-command"
    /// `echo 1 > /proc/sys/net/ipv4/tcp_tw_recycle`, `... | tee /proc/sys/...`.
    case procSysWrite = "proc-sys-write"
    /// A sysctl line written into a file by `echo`, `printf`, a heredoc, `sed` or `lineinfile`.
    case writtenLine = "written-line"
    /// `key: value`, `"key" = value`, `'key' => value`, `key=value` in a variable or list.
    case keyValueMap = "key-value-map"
    /// `name: key` and `value: v` side by side in one mapping or block.
    case nameValuePair = "name-value-pair"
    /// An Ansible `sysctl` task (`ansible.posix.sysctl`, `ansible.builtin.sysctl`).
    case ansibleModule = "ansible-sysctl"
    /// `securityContext.sysctls` of a Kubernetes pod.
    case kubernetesSysctl = "kubernetes-sysctls"
    /// A Salt `sysctl.present` state.
    case saltState = "salt-sysctl-present"
    /// A Puppet `sysctl` or `sysctl::value` resource.
    case puppetResource = "puppet-sysctl"
    /// An Augeas change (`set net.ipv4.tcp_tw_recycle 1`).
    case augeasChange = "augeas-set"
    /// A `sysctl` block of Terraform (`name = ...`, `value = ...`).
    case terraformBlock = "terraform-sysctl"

    public var description: String {
        switch self {
        case .sysctlLine: return "sysctl line"
        case .sysctlCommand: return "sysctl command"
        case .procSysWrite: return "write to /proc/sys"
        case .writtenLine: return "sysctl line written to a file"
        case .keyValueMap: return "key/value map entry"
        case .nameValuePair: return "name/value pair"
        case .ansibleModule: return "Ansible sysctl task"
        case .kubernetesSysctl: return "Kubernetes securityContext.sysctls entry"
        case .saltState: return "Salt sysctl.present state"
        case .puppetResource: return "Puppet sysctl resource"
        case .augeasChange: return "Augeas change"
        case .terraformBlock: return "Terraform sysctl block"
        }
    }
}
