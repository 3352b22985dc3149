import Yams

/// Reads a playbook from YAML text, checking the schema field by field so an error names the
/// file, the line and the field (`rules[1].when.live`).
public struct PlaybookLoader: Sendable {
    public static let schemaVersion = 1

    public init() {}

    public func load(yaml: String, source: String) throws -> Playbook {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw PlaybookError.invalidYAML(path: source, line: nil, reason: "the file is empty")
            }
            root = node
        } catch let error as PlaybookError {
            throw error
        } catch let error as YamlError {
            throw PlaybookError.invalidYAML(path: source, line: Self.line(of: error), reason: "\(error)")
        } catch {
            throw PlaybookError.invalidYAML(path: source, line: nil, reason: "\(error)")
        }
        let top = try YAMLField(node: root, path: "playbook", source: source)
            .mapping(allowed: ["playbook", "version", "title", "summary", "collect", "fix", "rules"])
        let id = try top.required("playbook").identifier()
        let version = try top.required("version").integer()
        guard version == Self.schemaVersion else {
            throw try top.required("version").problem("version \(version) is not supported; this pawsguard reads version \(Self.schemaVersion)")
        }
        let collect = try top.required("collect").mapping(allowed: ["keys", "counters"])
        let keys = try collect.required("keys").list().map { try $0.sysctlKey() }
        let counters = try collect.optional("counters")?.list().map { try $0.identifier() } ?? []
        var desired: [String: String] = [:]
        if let fix = try top.optional("fix") {
            for (name, value) in try fix.pairs() {
                let key = try name.sysctlKey()
                guard keys.contains(key) else { throw name.problem("fix key '\(key)' is not listed in collect.keys") }
                desired[key] = try value.scalar()
            }
        }
        var rules: [PlaybookRule] = []
        var seen: Set<String> = []
        for ruleField in try top.required("rules").list() {
            let rule = try RuleReader(collectedKeys: keys).read(ruleField)
            guard seen.insert(rule.id).inserted else {
                throw PlaybookError.duplicateRuleID(path: source, line: ruleField.line, id: rule.id)
            }
            rules.append(rule)
        }
        return Playbook(
            id: id, title: try top.required("title").scalar(), summary: try top.optional("summary")?.scalar() ?? "",
            keys: keys, counters: counters, desired: desired, rules: rules, source: source)
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): return mark.line
        case .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }
}

/// Reads one rule and its condition tree.
struct RuleReader {
    let collectedKeys: [String]

    func read(_ field: YAMLField) throws -> PlaybookRule {
        let rule = try field.mapping(allowed: ["id", "severity", "title", "when", "message", "remediation", "origin", "references", "lint"])
        let severityField = try rule.required("severity")
        let severityName = try severityField.scalar()
        guard let severity = Severity(rawValue: severityName) else {
            throw severityField.problem("unknown severity '\(severityName)'; use one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return PlaybookRule(
            id: try rule.required("id").identifier(),
            severity: severity,
            title: try rule.required("title").scalar(),
            condition: try condition(try rule.required("when")),
            message: try rule.required("message").scalar(),
            remediation: try rule.optional("remediation")?.scalar() ?? "",
            originKeys: try rule.optional("origin")?.list().map { try $0.sysctlKey() } ?? [],
            references: try rule.optional("references")?.list().map { try $0.scalar() } ?? [],
            lint: try rule.optional("lint").map(lintCheck))
    }

    private func lintCheck(_ field: YAMLField) throws -> LintCheck {
        let map = try field.mapping(allowed: ["key", "level", "target_kernel_at_least", "message"] + Self.valueTestNames)
        let levelField = try map.required("level")
        let levelName = try levelField.scalar()
        guard let level = LintCheck.Level(rawValue: levelName) else {
            throw levelField.problem("unknown lint level '\(levelName)'; use note, warning or error")
        }
        return LintCheck(
            key: try map.required("key").sysctlKey(), value: try valueTest(map, default: .present), level: level,
            targetKernelAtLeast: try map.optional("target_kernel_at_least")?.kernelVersionText(),
            message: try map.required("message").scalar())
    }

    static let valueTestNames = ["equals", "not_equals", "one_of", "absent", "present", "unreadable"]

    func condition(_ field: YAMLField) throws -> RuleCondition {
        let subjects = ["all", "any", "not", "live", "persisted", "configured", "drift", "appliers_disagree", "kernel",
                        "nat", "counter", "delta", "unreadable_config", "sampled"]
        let map = try field.mapping(allowed: subjects + Self.valueTestNames + ["applier", "above", "at_most", "exceeds_delta"])
        let present = subjects.filter { map.has($0) }
        guard present.count == 1, let subject = present.first else {
            throw field.problem(present.isEmpty
                ? "a condition needs one of: \(subjects.joined(separator: ", "))"
                : "a condition has exactly one subject, found \(present.joined(separator: " and ")); combine them with all:")
        }
        let value = try map.required(subject)
        switch subject {
        case "all": return .all(try value.list().map(condition))
        case "any": return .any(try value.list().map(condition))
        case "not": return .not(try condition(value))
        case "live": return .live(key: try collected(value), try valueTest(map, default: nil))
        case "configured": return .configured(key: try value.sysctlKey(), try valueTest(map, default: .present))
        case "persisted":
            var applier = ApplierChoice.any
            if let applierField = try map.optional("applier") {
                let name = try applierField.scalar()
                guard let choice = ApplierChoice(rawValue: name) else {
                    throw applierField.problem("unknown applier '\(name)'; use procps, systemd, any or both")
                }
                applier = choice
            }
            return .persisted(key: try collected(value), applier: applier, try valueTest(map, default: nil))
        case "drift": return .drift(key: try collected(value))
        case "appliers_disagree": return .appliersDisagree(key: try collected(value))
        case "kernel":
            let range = try value.mapping(allowed: ["from", "below"])
            let kernelRange = KernelRange(
                from: try range.optional("from")?.kernelVersionText(), below: try range.optional("below")?.kernelVersionText())
            guard kernelRange.from != nil || kernelRange.below != nil else { throw value.problem("kernel needs from: and/or below:") }
            return .kernel(kernelRange)
        case "nat":
            let names = value.isList ? try value.list().map { try $0.scalar() } : [try value.scalar()]
            return .nat(Set(try names.map { name in
                guard let state = NatState(rawValue: name) else {
                    throw value.problem("unknown nat state '\(name)'; use exposed, not-exposed or unknown")
                }
                return state
            }))
        case "counter": return .counter(name: try value.identifier(), try numberTest(map, subject: value))
        case "delta":
            if let other = try map.optional("exceeds_delta") {
                return .deltaExceeds(name: try value.identifier(), other: try other.identifier())
            }
            return .delta(name: try value.identifier(), try numberTest(map, subject: value))
        case "unreadable_config": return .unreadableConfig
        default: return .sampled
        }
    }

    private func collected(_ field: YAMLField) throws -> String {
        let key = try field.sysctlKey()
        guard collectedKeys.contains(key) else {
            throw field.problem("key '\(key)' is not listed in collect.keys, so the probe would not read it")
        }
        return key
    }

    private func valueTest(_ map: YAMLMapping, default fallback: ValueTest?) throws -> ValueTest {
        let given = Self.valueTestNames.filter { map.has($0) }
        guard given.count <= 1 else { throw map.field.problem("use only one of \(given.joined(separator: ", "))") }
        guard let name = given.first else {
            guard let fallback else { throw map.field.problem("needs a value test: one of \(Self.valueTestNames.joined(separator: ", "))") }
            return fallback
        }
        let field = try map.required(name)
        switch name {
        case "equals": return .equals(try field.scalar())
        case "not_equals": return .notEquals(try field.scalar())
        case "one_of": return .oneOf(try field.list().map { try $0.scalar() })
        case "absent": return try field.isTrue() ? .absent : .present
        case "present": return try field.isTrue() ? .present : .absent
        default: return .unreadable
        }
    }

    private func numberTest(_ map: YAMLMapping, subject: YAMLField) throws -> NumberTest {
        let test = NumberTest(above: try map.optional("above")?.unsigned(), atMost: try map.optional("at_most")?.unsigned())
        guard test.above != nil || test.atMost != nil else { throw subject.problem("needs above: or at_most:") }
        return test
    }
}
