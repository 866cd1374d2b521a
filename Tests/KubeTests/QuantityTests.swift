import Foundation
import Kube
import Testing

@Suite struct QuantityTests {
    /// A quantity and its value in thousandths of a base unit.
    struct QuantityCase: Sendable, CustomTestStringConvertible {
        var text: String
        var milli: Int64
        var testDescription: String { text }
    }

    static let cases: [QuantityCase] = [
        QuantityCase(text: "1", milli: 1000),
        QuantityCase(text: "500m", milli: 500),
        QuantityCase(text: "0.5", milli: 500),
        QuantityCase(text: "1.5k", milli: 1_500_000),
        QuantityCase(text: "80Gi", milli: 80 * 1_073_741_824 * 1000),
        QuantityCase(text: "1Ki", milli: 1_024_000),
        QuantityCase(text: "1e3", milli: 1_000_000),
        QuantityCase(text: "2E-3", milli: 2),
        QuantityCase(text: "-2", milli: -2000),
        QuantityCase(text: "100u", milli: 1),
        QuantityCase(text: "1M", milli: 1_000_000_000),
    ]

    @Test(arguments: cases)
    func `parses quantities`(_ quantityCase: QuantityCase) throws {
        let quantity = try Quantity(quantityCase.text)
        #expect(quantity.milliValue == quantityCase.milli)
        #expect(quantity.description == quantityCase.text)
    }

    @Test(arguments: ["", "Gi", "1.2.3", "1Xi", "--1", "1 Gi", "e3"])
    func `rejects malformed quantities`(_ text: String) {
        #expect(throws: KubeClientError.self) { try Quantity(text) }
    }

    @Test func `compares by value across notations`() throws {
        #expect(try Quantity("1000m") == Quantity("1"))
        #expect(try Quantity("1Gi") > Quantity("1G"))
        #expect(try Quantity("500m") < Quantity("1"))
        #expect(try Quantity("1Ei").integerValue == 1_152_921_504_606_846_976)
        #expect(try Quantity("1.5").integerValue == 2)
    }

    @Test func `writes back the text it read`() throws {
        let data = try JSONEncoder().encode(["memory": Quantity("80Gi"), "cpu": Quantity(milli: 250)])
        let decoded = try JSONDecoder().decode([String: Quantity].self, from: data)
        #expect(decoded["memory"]?.text == "80Gi")
        #expect(decoded["cpu"]?.text == "250m")
        let number = try JSONDecoder().decode(Quantity.self, from: Data("4".utf8))
        #expect(number.integerValue == 4)
    }
}
