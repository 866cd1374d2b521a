import Metrics
import Testing

@Suite struct MalformedInputTests {
    /// One malformed page and where its error must point.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var page: String
        var format: ExpositionFormat = .prometheusText
        var line: Int
        var column: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "value is not a number", page: "a 1\nb one\n", line: 2, column: 3),
        Case(name: "missing value", page: "a{x=\"1\"}\n", line: 1, column: 9),
        Case(name: "unterminated label value", page: "a{x=\"1} 2\n", line: 1, column: 5),
        Case(name: "label without equals", page: "a{x\"1\"} 2\n", line: 1, column: 4),
        Case(name: "bad escape in label value", page: "a{x=\"\\t\"} 2\n", line: 1, column: 6),
        Case(name: "label name starts with a digit", page: "a{1x=\"1\"} 2\n", line: 1, column: 3),
        Case(name: "repeated label", page: "a{x=\"1\",x=\"2\"} 2\n", line: 1, column: 9),
        Case(name: "name starts with a digit", page: "9a 1\n", line: 1, column: 1),
        Case(name: "timestamp is a float in text format", page: "a 1 1.5\n", line: 1, column: 5),
        Case(name: "text after the timestamp", page: "a 1 2 3\n", line: 1, column: 7),
        Case(name: "unknown type", page: "# TYPE a widget\n", line: 1, column: 10),
        Case(name: "second TYPE line", page: "# TYPE a gauge\n# TYPE a counter\n", line: 2, column: 8),
        Case(name: "TYPE after samples", page: "a 1\n# TYPE a gauge\n", line: 2, column: 8),
        Case(name: "bucket without le", page: "# TYPE h histogram\nh_bucket 1\n", line: 2, column: 1),
        Case(name: "le that is not a number", page: "# TYPE h histogram\nh_bucket{le=\"x\"} 1\n", line: 2, column: 1),
        Case(name: "summary sample without quantile", page: "# TYPE s summary\ns 1\n", line: 2, column: 1),
        Case(name: "histogram sample without suffix", page: "# TYPE h histogram\nh 1\n", line: 2, column: 1),
        Case(name: "exemplar in text format", page: "a 1 # {x=\"y\"} 1\n", line: 1, column: 5),
        Case(name: "blank line in OpenMetrics", page: "a 1\n\n# EOF\n", format: .openMetrics, line: 2, column: 1),
        Case(name: "comment in OpenMetrics", page: "# hello\n# EOF\n", format: .openMetrics, line: 1, column: 1),
        Case(
            name: "counter without _total in OpenMetrics",
            page: "# TYPE c counter\nc 1\n# EOF\n",
            format: .openMetrics,
            line: 2,
            column: 1
        ),
        Case(
            name: "interleaved families in OpenMetrics",
            page: "# TYPE a gauge\na{x=\"1\"} 1\n# TYPE b gauge\nb 1\na{x=\"2\"} 1\n# EOF\n",
            format: .openMetrics,
            line: 5,
            column: 1
        ),
        Case(
            name: "unit that is not a suffix",
            page: "# TYPE a gauge\n# UNIT a seconds\n# EOF\n",
            format: .openMetrics,
            line: 2,
            column: 10
        ),
        Case(
            name: "negative counter in OpenMetrics",
            page: "# TYPE c counter\nc_total -1\n# EOF\n",
            format: .openMetrics,
            line: 2,
            column: 1
        ),
        Case(
            name: "state set value other than 0 or 1",
            page: "# TYPE m stateset\nm{m=\"a\"} 2\n# EOF\n",
            format: .openMetrics,
            line: 2,
            column: 1
        ),
        Case(
            name: "exemplar on a gauge",
            page: "# TYPE g gauge\ng 1 # {a=\"b\"} 1\n# EOF\n",
            format: .openMetrics,
            line: 2,
            column: 5
        ),
        Case(
            name: "carriage return in OpenMetrics",
            page: "a 1\r\n# EOF\n",
            format: .openMetrics,
            line: 1,
            column: 4
        ),
        Case(name: "quoted UTF-8 metric name", page: "{\"my.metric\"} 1\n", line: 1, column: 1),
    ]

    @Test(arguments: cases)
    func `malformed input fails with its line and column`(testCase: Case) throws {
        let error = try #require(Fixture.parseError(testCase.page, testCase.format))
        #expect(error.line == testCase.line, "\(error)")
        #expect(error.column == testCase.column, "\(error)")
        #expect(error.description.hasPrefix("line \(testCase.line) column \(testCase.column): "))
    }

    @Test func `binary garbage fails cleanly`() {
        var page: [UInt8] = []
        for index in 0..<4096 { page.append(UInt8(truncatingIfNeeded: index &* 131 &+ 7)) }
        #expect(throws: ExpositionError.self) { try MetricSnapshot.parse(page, format: .prometheusText) }
        #expect(throws: ExpositionError.self) { try MetricSnapshot.parse(page, format: .openMetrics) }
    }
}
