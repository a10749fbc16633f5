import EvalNorm
import Foundation
import Testing

struct JSONNumberTests {
    static let exactLexemes = ["1.0", "1e2", "-0", "12345678901234567890", "0.001200000000000", "1E+2", "1E-2", "-0.0", "0", "123456789012345678901234567890.5e-10"]

    @Test(arguments: exactLexemes)
    func lexemeSurvivesParseAndWrite(_ lexeme: String) throws {
        let value = try JSONParser().parse("[\(lexeme)]")
        #expect(value[0]?.numberValue?.lexeme == lexeme)
        #expect(JSONWriter().string(from: value) == "[\(lexeme)]")
        #expect(JSONWriter(style: .pretty).string(from: value) == "[\n  \(lexeme)\n]")
    }

    @Test(arguments: ["01", "+1", ".5", "1.", "1e", "1e+", "-", "NaN", "Infinity", "0x10", " 1", "1 ", ""])
    func invalidLexemesAreRejected(_ lexeme: String) {
        #expect(JSONNumber(lexeme: lexeme) == nil)
    }

    @Test func equalityIsByLexeme() throws {
        #expect(JSONNumber(lexeme: "1.0") != JSONNumber(lexeme: "1"))
        #expect(JSONNumber(lexeme: "1.0") == JSONNumber(lexeme: "1.0"))
        #expect(try JSONParser().parse("1.0") != JSONParser().parse("1"))
    }

    @Test func numericViews() throws {
        let big = try #require(JSONNumber(lexeme: "12345678901234567890"))
        #expect(big.int64Value == nil)  // beyond Int64
        #expect(big.decimalValue == Decimal(string: "12345678901234567890"))
        #expect(JSONNumber(lexeme: "9223372036854775807")?.int64Value == Int64.max)
        #expect(JSONNumber(lexeme: "10.0")?.int64Value == nil)
        #expect(JSONNumber(lexeme: "10.0")?.doubleValue == 10)
        #expect(JSONNumber(lexeme: "1e400")?.doubleValue == nil)
        #expect(JSONNumber(lexeme: "1e400")?.decimalValue == nil)
        #expect(JSONNumber(lexeme: "1e-999999999999")?.decimalValue == nil)
        #expect(JSONNumber(lexeme: "0.001200000000000")?.decimalValue == Decimal(string: "0.0012"))
        #expect(JSONNumber(lexeme: "1e-0000001")?.decimalValue == Decimal(string: "0.1"))
        #expect(JSONNumber(lexeme: "25E+000")?.decimalValue == 25)
        #expect(JSONNumber(lexeme: "-0")?.isInteger == true)
        #expect(JSONNumber(lexeme: "1E2")?.isInteger == false)
    }

    @Test(arguments: [0.1, -2.5, 3.0, 1e21, .leastNonzeroMagnitude, -0.0, 123456789.125])
    func doubleInitializerReadsBack(_ value: Double) throws {
        let number = try #require(JSONNumber(value))
        #expect(JSONNumber(lexeme: number.lexeme) == number, "\(number.lexeme) is not a JSON number")
        #expect(number.doubleValue == value)
        #expect(number.doubleValue?.sign == value.sign)
    }

    @Test func nonFiniteDoublesHaveNoNumber() {
        #expect(JSONNumber(Double.nan) == nil)
        #expect(JSONNumber(Double.infinity) == nil)
    }
}
