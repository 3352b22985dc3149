/// What syntax a repository file is read with. Decided from the file name first and, when the
/// name says nothing, from the first line (`#!/bin/sh`, `#cloud-config`).
public enum LintSourceKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// `sysctl.conf`, `*.conf` under a `sysctl.d` directory: the audit's own parser reads it.
    case sysctlConfig = "sysctl-config"
    case shell
    case dockerfile
    /// Ansible, Kubernetes, cloud-init, Helm values, Salt pillars, JSON: anything YAML can parse.
    case yaml
    /// Salt states: YAML with Jinja statements between the lines.
    case salt
    /// Terraform, Packer and other HCL files.
    case terraform
    case puppet
    /// Anything else that is text: read line by line for assignments and commands.
    case text
    /// Markdown, reStructuredText, plain text: prose, never read for assignments.
    case documentation

    public var description: String {
        switch self {
        case .sysctlConfig: return "sysctl configuration"
        case .shell: return "shell script"
        case .dockerfile: return "Dockerfile"
        case .yaml: return "YAML"
        case .salt: return "Salt state"
        case .terraform: return "Terraform/HCL"
        case .puppet: return "Puppet manifest"
        case .text: return "text"
        case .documentation: return "documentation"
        }
    }
}
