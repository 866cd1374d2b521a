import Testing

@testable import OperatorCLI

@Suite struct MetricsPrinterTests {
    @Test func `quotes label text as a JSON string literal`() {
        #expect(MetricsPrinter.jsonString("plain") == #""plain""#)
        #expect(
            MetricsPrinter.jsonString("a \"b\" \\ c\nd\re\tf\u{01}g é")
                == #""a \"b\" \\ c\nd\re\tf\u0001g é""#
        )
    }
}
