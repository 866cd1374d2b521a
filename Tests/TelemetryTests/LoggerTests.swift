import Foundation
import Telemetry
import Testing

@Suite struct LoggerTests {
    /// 2026-12-04T15:23:01.250Z.
    static let fixedTime = Date(timeIntervalSince1970: 1_796_397_781.25)

    func makeLogger(_ capture: LogCapture, format: LogFormat = .json, level: LogLevel = .info) -> Logger {
        Logger(label: "test", level: level, format: format, sink: .capture(capture), now: { Self.fixedTime })
    }

    @Test func `writes one JSON object with the fixed keys first and fields in key order`() {
        let capture = LogCapture()
        makeLogger(capture).info("scaled deployment", ["replicas.to": 4, "object.name": "chat", "ratio": 0.5])
        #expect(
            capture.lines == [
                #"{"ts":"2026-12-04T15:23:01.250Z","level":"info","logger":"test","msg":"scaled deployment","#
                    + #""object.name":"chat","ratio":0.5,"replicas.to":4}"#
            ]
        )
    }

    @Test func `drops records below the configured level`() {
        let capture = LogCapture()
        let logger = makeLogger(capture, level: .warning)
        logger.debug("hidden")
        logger.info("hidden")
        logger.warning("shown")
        logger.error("shown too")
        #expect(capture.lines.count == 2)
        #expect(logger.isEnabled(.error) && !logger.isEnabled(.info))
    }

    @Test func `attaches metadata once and lets call-site fields override it`() throws {
        let capture = LogCapture()
        let logger = makeLogger(capture).with(["object.kind": "Pod", "reconcile.id": "1"])
        logger.info("reconciled", ["reconcile.id": "2"])
        let record = try #require(capture.records.first)
        #expect(record["object.kind"] as? String == "Pod")
        #expect(record["reconcile.id"] as? String == "2")
    }

    @Test func `escapes quotes, backslashes and control characters in JSON`() throws {
        let capture = LogCapture()
        makeLogger(capture).info("failed", ["error": "say \"hi\"\n\\ \u{01}"])
        let line = try #require(capture.lines.first)
        #expect(line.contains(#""error":"say \"hi\"\n\\ \u0001""#))
        let record = try #require(capture.records.first)
        #expect(record["error"] as? String == "say \"hi\"\n\\ \u{01}")
    }

    @Test func `never prints a redacted secret`() {
        let capture = LogCapture()
        let token = Redacted("s3cr3t-token")
        makeLogger(capture).info("loaded credentials", ["token": .secret(token)])
        makeLogger(capture, format: .text).info("loaded credentials", ["token": .secret(token)])
        var dumped = ""
        dump(token, to: &dumped)
        #expect(capture.lines.allSatisfy { !$0.contains("s3cr3t") && $0.contains("<redacted>") })
        #expect("\(token)" == "<redacted>" && String(reflecting: token) == "<redacted>")
        #expect(!dumped.contains("s3cr3t"))
        #expect(token.value == "s3cr3t-token")
    }

    @Test func `writes key=value text for people and quotes values with spaces`() {
        let capture = LogCapture()
        makeLogger(capture, format: .text).warning("lease lost", ["holder": "pod-b", "error": "timed out now"])
        #expect(
            capture.lines == [
                #"2026-12-04T15:23:01.250Z warning test: lease lost error="timed out now" holder=pod-b"#
            ]
        )
    }

    @Test func `parses level names from the command line`() {
        #expect(LogLevel(name: "WARN") == .warning)
        #expect(LogLevel(name: "trace") == .trace)
        #expect(LogLevel(name: "loud") == nil)
        #expect(LogFormat(rawValue: "text") == .text)
    }

    @Test func `formats dates before 1970 and in leap years`() {
        let capture = LogCapture()
        let logger = Logger(label: "t", sink: .capture(capture), now: { Date(timeIntervalSince1970: 951_782_400) })
        logger.info("x")
        let early = Logger(label: "t", sink: .capture(capture), now: { Date(timeIntervalSince1970: -1) })
        early.info("y")
        #expect(capture.lines[0].hasPrefix(#"{"ts":"2000-02-29T00:00:00.000Z""#))
        #expect(capture.lines[1].hasPrefix(#"{"ts":"1969-12-31T23:59:59.000Z""#))
    }

    @Test func `writes durations in milliseconds and non-finite numbers as strings`() throws {
        let capture = LogCapture()
        makeLogger(capture).info("done", ["duration.ms": .milliseconds(.microseconds(1500)), "x": .double(.nan)])
        let record = try #require(capture.records.first)
        #expect(record["duration.ms"] as? Double == 1.5)
        #expect(record["x"] as? String == "NaN")
    }
}
