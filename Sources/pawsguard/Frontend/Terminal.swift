import Foundation

/// The only place that writes to the terminal and reads its properties.
enum Terminal {
    static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdinIsTTY: Bool { isatty(STDIN_FILENO) == 1 }

    /// Colours only on a terminal and only when NO_COLOR is unset (https://no-color.org).
    static var wantsColor: Bool {
        stdoutIsTTY && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    static var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 { return columns }
        return 100
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes a report to `path`.
    ///
    /// A regular file is replaced through a temporary file and a rename, so a reader never sees
    /// half a report; a symlink is followed so the link stays a link. Anything else (`-o /dev/null`,
    /// `-o /dev/stdout`, a FIFO) is opened and written in place: renaming over a device would
    /// replace `/dev/null` with a regular file for the whole machine.
    static func write(_ text: String, to path: String) throws {
        let data = Data(text.utf8)
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        var status = stat()
        let exists = stat(target.path, &status) == 0
        do {
            if exists && (status.st_mode & S_IFMT) != S_IFREG {
                guard let handle = FileHandle(forWritingAtPath: target.path) else {
                    throw CommandFailure.cannotWrite(path: path, reason: String(cString: strerror(errno)))
                }
                defer { try? handle.close() }
                try handle.write(contentsOf: data)
            } else {
                try data.write(to: target, options: .atomic)
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
