import Foundation
import Kube
import Testing
import YAML

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

    @Test func `reads resource amounts from unstructured objects as strings or numbers`() {
        #expect(Quantity.doubleValue(of: "2") == 2)
        #expect(Quantity.doubleValue(of: "500m") == 0.5)
        #expect(Quantity.doubleValue(of: "2Ki") == 2048)
        #expect(Quantity.doubleValue(of: "1.5k") == 1500)
        #expect(Quantity.doubleValue(of: "80Gi") == 85_899_345_920)
        #expect(Quantity.doubleValue(of: "1e3") == 1000)
        #expect(Quantity.doubleValue(of: "4M") == 4_000_000)
        #expect(Quantity.doubleValue(of: "1Pi") == 1_125_899_906_842_624)
        #expect(Quantity.doubleValue(of: .integer(8)) == 8)
        #expect(Quantity.doubleValue(of: .double(0.25)) == 0.25)
        #expect(Quantity.doubleValue(of: "lots") == nil)
        #expect(Quantity.doubleValue(of: "0x10") == nil)
        #expect(Quantity.doubleValue(of: "inf") == nil)
        #expect(Quantity.doubleValue(of: nil) == nil)
    }
}
