import Foundation

/// Writing to standard output and standard error; the only place in PoolPilot that prints.
public enum Output {
    /// Writes one line to standard output, unbuffered, so piped output is timely.
    public static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes one line to standard error.
    public static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
