import Foundation
import PawsCore

/// Runs the linter over the selected files on a few threads of its own (reading and scanning are
/// blocking work, kept off Swift's cooperative pool), each with its own reader and buffer.
struct LintRunner {
    let linter: Linter
    let threads: Int

    struct Output {
        var findings: [LintFinding] = []
        var notices: [LintNotice] = []
        var skipped: [LintSkip] = []
        var unlistedSkips: [String: Int] = [:]
        var filesChecked = 0

        mutating func skip(_ skip: LintSkip, listingRoutine: Bool) {
            if skip.isRoutine && !listingRoutine {
                unlistedSkips[skip.code, default: 0] += 1
            } else {
                skipped.append(skip)
            }
        }
    }

    /// Reports name files relative to this directory when they are below it.
    let currentDirectory: String
    /// List binary and documentation files one by one (`--verbose`) instead of counting them.
    let listsRoutineSkips: Bool

    func run(_ inputs: LintInputList) -> Output {
        let queue = WorkQueue(inputs, currentDirectory: currentDirectory)
        let collected = Collected()
        let finished = DispatchSemaphore(value: 0)
        let workerCount = max(1, min(threads, inputs.count))
        for _ in 0..<workerCount {
            let thread = Thread { [linter, listsRoutineSkips] in
                let reader = LintFileReader(prefilter: linter.prefilter)
                var local = Output()
                while let input = queue.next() {
                    Self.process(input, reader: reader, linter: linter, listingRoutine: listsRoutineSkips, into: &local)
                }
                collected.add(local)
                finished.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        for _ in 0..<workerCount { finished.wait() }
        return collected.output
    }

    private static func process(_ input: LintInput, reader: LintFileReader, linter: Linter, listingRoutine: Bool, into output: inout Output) {
        if LintSourceClassifier.kind(forPath: input.displayPath) == .documentation {
            output.skip(LintSkip(path: input.displayPath, reason: .documentation), listingRoutine: listingRoutine)
            return
        }
        switch reader.read(input.absolutePath) {
        case .skipped(let reason):
            output.skip(LintSkip(path: input.displayPath, reason: reason), listingRoutine: listingRoutine)
        case .clean:
            output.filesChecked += 1
        case .content(let bytes):
            output.filesChecked += 1
            var result = LintFileResult()
            linter.lint(path: input.displayPath, bytes: bytes, into: &result)
            output.findings += result.findings
            output.notices += result.notices
        }
    }

    /// Hands out inputs one at a time to the worker threads.
    private final class WorkQueue: @unchecked Sendable {
        // Guarded by `lock`.
        private var index = 0
        private let inputs: LintInputList
        private let currentDirectory: String
        private let lock = NSLock()

        init(_ inputs: LintInputList, currentDirectory: String) {
            self.inputs = inputs
            self.currentDirectory = currentDirectory
        }

        func next() -> LintInput? {
            lock.lock()
            guard index < inputs.count else {
                lock.unlock()
                return nil
            }
            let taken = index
            index += 1
            lock.unlock()
            let absolute = inputs[taken]
            return LintInput(absolutePath: absolute, displayPath: LintFileWalker.relative(absolute, to: currentDirectory) ?? absolute)
        }
    }

    /// Where workers leave their results when they finish.
    private final class Collected: @unchecked Sendable {
        // Guarded by `lock`.
        private var merged = Output()
        private let lock = NSLock()

        func add(_ part: Output) {
            lock.lock()
            defer { lock.unlock() }
            merged.findings += part.findings
            merged.notices += part.notices
            merged.skipped += part.skipped
            merged.unlistedSkips.merge(part.unlistedSkips, uniquingKeysWith: +)
            merged.filesChecked += part.filesChecked
        }

        var output: Output {
            lock.lock()
            defer { lock.unlock() }
            return merged
        }
    }
}
