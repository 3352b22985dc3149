@testable import PawsSSH
import XCTest

final class ProxyJumpCommandTests: XCTestCase {
    private func inputs(_ jumpHosts: String) -> ProxyJumpCommand.Inputs {
        ProxyJumpCommand.Inputs(
            jumpHosts: jumpHosts, knownHostsPath: "/home/ops/.ssh/known_hosts", hostKeyPolicy: .strict,
            identityFiles: ["/keys/ops key"], readsSSHConfig: true, sshConfigPath: nil, connectTimeoutSeconds: 7)
    }

    func testSingleJumpNeverPromptsAndChecksHostKeysLikeTheSession() {
        XCTAssertEqual(
            ProxyJumpCommand.make(inputs("ops@bastion:2222")),
            "ssh -o BatchMode=yes -o LogLevel=ERROR -o ConnectTimeout=7 -o StrictHostKeyChecking=yes "
                + "-o 'UserKnownHostsFile=/home/ops/.ssh/known_hosts' -i '/keys/ops key' "
                + "-W '[%h]:%p' -- 'ssh://ops@bastion:2222'")
    }

    func testSeveralJumpsGoThroughTheEarlierOnesFirst() throws {
        var multi = inputs("first, second,third")
        multi.hostKeyPolicy = .acceptNew
        multi.readsSSHConfig = false
        multi.identityFiles = []
        let command = try XCTUnwrap(ProxyJumpCommand.make(multi))
        XCTAssertTrue(command.contains("StrictHostKeyChecking=accept-new"), command)
        XCTAssertTrue(command.contains("-F none"), command)
        XCTAssertTrue(command.hasSuffix("-J 'first,second' -W '[%h]:%p' -- 'ssh://third'"), command)
    }

    func testHostileValuesAreQuotedAndTheirPercentSignsEscaped() throws {
        let command = try XCTUnwrap(ProxyJumpCommand.make(inputs("evil';touch /tmp/x;'%h")))
        XCTAssertTrue(command.hasSuffix("-- 'ssh://evil'\\'';touch /tmp/x;'\\''%%h'"), command)
    }

    func testEmptyJumpListIsRejected() {
        XCTAssertNil(ProxyJumpCommand.make(inputs(" , ")))
    }

    func testConfigProxyCommandsRunningSshGetBatchMode() {
        XCTAssertEqual(
            ProxyJumpCommand.neverPrompting("ssh -W [%h]:%p bastion"),
            "ssh -o BatchMode=yes -W [%h]:%p bastion")
        XCTAssertEqual(
            ProxyJumpCommand.neverPrompting("ssh -o batchmode=yes -W [%h]:%p bastion"),
            "ssh -o batchmode=yes -W [%h]:%p bastion")
        XCTAssertEqual(ProxyJumpCommand.neverPrompting("nc -X 5 %h %p"), "nc -X 5 %h %p")
    }

    func testShellQuoteSurvivesSingleQuotes() {
        XCTAssertEqual(ShellQuote.quote("it's"), "'it'\\''s'")
        XCTAssertEqual(ShellQuote.quote(""), "''")
    }
}
