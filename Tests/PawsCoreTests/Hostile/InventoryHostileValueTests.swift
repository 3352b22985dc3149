import XCTest
@testable import PawsCore

/// Inventory values are untrusted text. Host names, users and key paths with spaces, quotes,
/// `$(...)`, backticks, semicolons or odd Unicode are kept as data, exactly (later layers quote
/// them); a line break or NUL, which would split a command line or a C string, is refused with an
/// error naming the file and line.
final class InventoryHostileValueTests: XCTestCase {
    private let marker = "/nonexistent/pawsguard-injected"

    private func isLineBreakingOrNUL(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\0" || $0 == "\n" || $0 == "\r" }
    }

    // MARK: YAML

    /// A YAML double-quoted scalar that reads back as `text`.
    private func yamlQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || [0x2028, 0x2029, 0xFEFF].contains(scalar.value):
                result += "\\u" + fourHexDigits(scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// libyaml drops a byte order mark at the very start of a scalar, even an escaped one; elsewhere
    /// U+FEFF is kept. An invisible character is no risk, so YAML cases never start with one.
    private func withoutLeadingByteOrderMark(_ text: String) -> String {
        text.unicodeScalars.first == "\u{FEFF}" ? "x" + text : text
    }

    func testYAMLUserAndKeyFileAreKeptExactlyOrRefused() throws {
        var hostile = HostileText(seed: 0x5EED_0C01, marker: marker)
        for (index, value) in hostile.batch(300).map(withoutLeadingByteOrderMark).enumerated() {
            let text = """
                all:
                  hosts:
                    db1:
                      ansible_host: 192.0.2.7
                      ansible_user: \(yamlQuoted(value))
                      ansible_ssh_private_key_file: \(yamlQuoted("/keys/" + value))

                """
            let context = "case \(index): \(value.debugDescription)"
            do {
                let inventory = try InventoryParser.parse(text: text, path: "hostile.yml", format: .yaml)
                XCTAssertFalse(isLineBreakingOrNUL(value), "accepted a line break or NUL, \(context)")
                XCTAssertEqual(inventory.hosts.first?.user, value, context)
                XCTAssertEqual(inventory.hosts.first?.identityFile, "/keys/" + value, context)
            } catch {
                XCTAssertTrue(isLineBreakingOrNUL(value), "refused \(context): \(error)")
                assertClear(error, line: 5, context: context)
            }
        }
    }

    func testYAMLHostNamesAreKeptExactlyOrRefused() throws {
        var hostile = HostileText(seed: 0x5EED_0C02, marker: marker)
        for (index, name) in hostile.batch(300).map(withoutLeadingByteOrderMark).enumerated() {
            let text = """
                all:
                  hosts:
                    \(yamlQuoted(name)):
                      ansible_host: 192.0.2.7

                """
            let context = "case \(index): \(name.debugDescription)"
            // `[` starts a host range and `:` a port: such names may expand or be refused, never more.
            // YAML itself refuses a plain mapping key longer than 1024 characters.
            let isPattern = name.contains("[") || name.contains(":") || name.unicodeScalars.count > 1000
            do {
                let inventory = try InventoryParser.parse(text: text, path: "hostile.yml", format: .yaml)
                XCTAssertFalse(isLineBreakingOrNUL(name), "accepted a line break or NUL, \(context)")
                if !isPattern {
                    XCTAssertEqual(inventory.hosts.map(\.name), [name], context)
                }
                for host in inventory.hosts {
                    XCTAssertFalse(isLineBreakingOrNUL(host.name), context)
                }
            } catch {
                XCTAssertTrue(isLineBreakingOrNUL(name) || isPattern, "refused \(context): \(error)")
                assertClear(error, line: 3, context: context)
            }
        }
    }

    // MARK: INI

    /// A Python string literal (Ansible reads INI values with `ast.literal_eval`), then shell-style
    /// single quotes around the whole `name=value` word (Ansible splits host lines with `shlex`).
    private func iniWord(_ name: String, _ value: String) -> String {
        var literal = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": literal += "\\\\"
            case "\"": literal += "\\\""
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            default: literal.unicodeScalars.append(scalar)
            }
        }
        literal += "\""
        return ShellQuote.quote(name + "=" + literal)
    }

    func testINIUserAndKeyFileAreKeptExactlyOrRefused() throws {
        var hostile = HostileText(seed: 0x5EED_0C03, marker: marker)
        for (index, value) in hostile.batch(300).enumerated() {
            let text = "[db]\ndb1 ansible_host=192.0.2.7 \(iniWord("ansible_user", value)) "
                + "\(iniWord("ansible_ssh_private_key_file", "/keys/" + value))\n"
            let context = "case \(index): \(value.debugDescription)"
            do {
                let inventory = try InventoryParser.parse(text: text, path: "hostile.ini", format: .ini)
                XCTAssertFalse(isLineBreakingOrNUL(value), "accepted a line break or NUL, \(context)")
                XCTAssertEqual(inventory.hosts.first?.user, value, context)
                XCTAssertEqual(inventory.hosts.first?.identityFile, "/keys/" + value, context)
            } catch {
                XCTAssertTrue(isLineBreakingOrNUL(value), "refused \(context): \(error)")
                assertClear(error, line: 2, context: context)
            }
        }
    }

    func testLineBreaksAndNULAreRefusedWithTheirLine() {
        let cases: [(String, InventoryFormat, Int)] = [
            ("all:\n  hosts:\n    db1:\n      ansible_user: \"root\\nreboot\"\n", .yaml, 4),
            ("all:\n  hosts:\n    db1:\n      ansible_user: \"ro\\0ot\"\n", .yaml, 4),
            ("all:\n  hosts:\n    \"db1\\r\":\n", .yaml, 3),
            ("all:\n  hosts:\n    db1:\n      ansible_ssh_private_key_file: \"/k\\u2028\\n\"\n", .yaml, 4),
            ("db1 'ansible_user=\"root\\nreboot\"'\n", .ini, 1),
            ("db1 'ansible_user=\"root\\rx\"'\n", .ini, 1),
            ("[web]\nweb1 ansible_user=ro\0ot\n", .ini, 2),
            ("[web]\nweb\01\n", .ini, 2),
        ]
        for (text, format, line) in cases {
            XCTAssertThrowsError(try InventoryParser.parse(text: text, path: "hostile.\(format.rawValue)", format: format), text.debugDescription) { error in
                assertClear(error, line: line, context: text.debugDescription)
                let description = "\(error)"
                XCTAssertTrue(description.contains("NUL") || description.contains("line break"), description)
            }
        }
    }

    /// A clear error: an `InventoryError` naming the file and line, with control characters made visible.
    private func assertClear(_ error: any Error, line: Int, context: String, file: StaticString = #filePath, testLine: UInt = #line) {
        guard let inventoryError = error as? InventoryError else {
            return XCTFail("not an InventoryError, \(context): \(error)", file: file, line: testLine)
        }
        let description = inventoryError.description
        XCTAssertTrue(description.contains("hostile."), "the error names no file, \(context): \(description)", file: file, line: testLine)
        XCTAssertEqual(inventoryError.location?.line, line, "\(context): \(description)", file: file, line: testLine)
        XCTAssertFalse(description.unicodeScalars.contains { $0 == "\0" || $0 == "\n" || $0 == "\r" },
                       "the error prints raw control characters, \(context)", file: file, line: testLine)
    }
}

private func fourHexDigits(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
