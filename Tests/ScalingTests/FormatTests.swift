import Testing

@testable import Scaling

/// Numbers in explanations: short, exact where it matters, never a crash.
@Suite struct FormatTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var value: Double
        var text: String
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(value: 12, text: "12"),
        Case(value: 0.85, text: "0.85"),
        Case(value: 1.5, text: "1.5"),
        Case(value: 0.05, text: "0.05"),
        Case(value: -2.25, text: "-2.25"),
        Case(value: 0.7799999999999999, text: "0.78"),
        Case(value: 1e300, text: "1e+300"),
        Case(value: .infinity, text: "inf"),
    ]

    @Test(arguments: cases)
    func `formats numbers with at most two decimals`(_ testCase: Case) {
        #expect(Format.number(testCase.value) == testCase.text)
    }
}
