/// The counters of one `/proc/net/netstat` (or `/proc/net/snmp`) sample, by section and name.
/// A column the kernel does not have (`PAWSPassive` on 4.12+) is simply absent.
public struct NetstatCounters: Sendable, Hashable {
    /// Sections in the order the file lists them.
    public private(set) var sections: [NetstatSection]
    private var values: [NetstatSection: [String: UInt64]]
    /// Column names per section in file order, for display.
    private var columnOrder: [NetstatSection: [String]]
    /// The few fields the kernel prints signed (`Tcp: MaxConn` is -1 when unlimited).
    public private(set) var signedValues: [NetstatCounterID: Int64]

    public init() {
        sections = []
        values = [:]
        columnOrder = [:]
        signedValues = [:]
    }

    public subscript(section: NetstatSection, name: String) -> UInt64? {
        values[section]?[name]
    }

    public subscript(counter: NetstatCounterID) -> UInt64? {
        self[counter.section, counter.name]
    }

    /// All counters of a section, or nil when the file has no such section.
    public func section(_ section: NetstatSection) -> [String: UInt64]? {
        values[section]
    }

    /// Column names of a section in file order.
    public func columns(of section: NetstatSection) -> [String] {
        columnOrder[section] ?? []
    }

    public var counterIDs: [NetstatCounterID] {
        sections.flatMap { section in
            columns(of: section).filter { values[section]?[$0] != nil }.map { NetstatCounterID(section, $0) }
        }
    }

    public var isEmpty: Bool { values.isEmpty && signedValues.isEmpty }

    /// Both files together: `/proc/net/netstat` plus `/proc/net/snmp`. A section in both takes
    /// `other`'s values.
    public func merging(_ other: NetstatCounters) -> NetstatCounters {
        var merged = self
        for section in other.sections {
            for name in other.columns(of: section) {
                if let value = other[section, name] {
                    merged.set(section, name, value)
                } else if let value = other.signedValues[NetstatCounterID(section, name)] {
                    merged.setSigned(section, name, value)
                }
            }
        }
        return merged
    }

    mutating func set(_ section: NetstatSection, _ name: String, _ value: UInt64) {
        note(section, name)
        values[section, default: [:]][name] = value
    }

    mutating func setSigned(_ section: NetstatSection, _ name: String, _ value: Int64) {
        note(section, name)
        signedValues[NetstatCounterID(section, name)] = value
    }

    /// Records the column's place the first time it is set (a hash lookup, not a scan of the
    /// column list: TcpExt alone has over 100 columns).
    private mutating func note(_ section: NetstatSection, _ name: String) {
        if values[section] == nil && !sections.contains(section) { sections.append(section) }
        let known = values[section]?[name] != nil || signedValues[NetstatCounterID(section, name)] != nil
        if !known { columnOrder[section, default: []].append(name) }
    }
}
