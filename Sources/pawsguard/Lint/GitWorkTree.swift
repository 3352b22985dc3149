/// Asks git which files a directory's work tree tracks. Runs `git` with arguments only (no shell).
enum GitWorkTree {
    enum Answer {
        /// The directory is in a work tree: its root, and the tracked paths below the directory
        /// (relative to the directory), NUL-separated as `git ls-files -z` prints them.
        case tracked(root: String, listing: [UInt8])
        /// Not a work tree, or git is not installed.
        case notAWorkTree
        /// git is there but refused (unsafe ownership, a broken repository): why.
        case refused(String)
    }

    static func trackedFiles(in directory: String) -> Answer {
        let topLevel: ChildProcess.Outcome
        do {
            topLevel = try ChildProcess.run("git", ["-C", directory, "rev-parse", "--show-toplevel"])
        } catch {
            return .notAWorkTree
        }
        guard topLevel.status == 0 else {
            let message = firstLine(topLevel.error)
            if message.contains("not a git repository") || message.isEmpty { return .notAWorkTree }
            return .refused(message)
        }
        let root = firstLine(topLevel.output)
        // Without --full-name, ls-files prints paths relative to the -C directory.
        let listing: ChildProcess.Outcome
        do {
            listing = try ChildProcess.run("git", ["-C", directory, "ls-files", "-z", "--cached", "--", "."])
        } catch {
            return .refused("\(error)")
        }
        guard listing.status == 0 else {
            return .refused("git ls-files: " + firstLine(listing.error))
        }
        return .tracked(root: root, listing: listing.output)
    }

    private static func firstLine(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.split(separator: "\n").first.map { String($0).trimmingSurroundingWhitespace() } ?? ""
    }
}

extension String {
    fileprivate func trimmingSurroundingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
