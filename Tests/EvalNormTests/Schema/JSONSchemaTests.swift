import EvalNorm
import Foundation
import Testing

/// What the validator accepts and rejects, beyond the JSON-Schema-Test-Suite: exact numbers, string
/// lengths in code points, JSON Schema equality, references through a registry, `$anchor`,
/// `$dynamicRef`, `unevaluatedProperties`, `format`, boolean schemas, sharing a compiled schema
/// between tasks, and deep or endless recursion.
struct JSONSchemaTests {
    /// A schema, an instance, and whether the instance is valid; checked through both `validate`
    /// and `isValid`.
    struct Verdict: Sendable, CustomTestStringConvertible {
        var schema: String
        var instance: String
        var valid: Bool
        var testDescription: String { "\(schema) \(valid ? "accepts" : "rejects") \(instance)" }

        init(_ schema: String, _ instance: String, _ valid: Bool) {
            self.schema = schema
            self.instance = instance
            self.valid = valid
        }

        func check(registry: SchemaRegistry = SchemaRegistry(), sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            let schema = try JSONSchema(JSONParser().parse(self.schema), registry: registry)
            let instance = try JSONParser().parse(self.instance)
            let result = schema.validate(instance)
            #expect(result.isValid == valid, "\(result.errors)", sourceLocation: sourceLocation)
            #expect(result.errors.isEmpty == valid, sourceLocation: sourceLocation)
            #expect(schema.isValid(instance) == valid, sourceLocation: sourceLocation)
        }
    }

    // MARK: Exact numbers

    static let numbers: [Verdict] = [
        // multipleOf by digits, not by Double division
        Verdict(##"{"multipleOf": 0.1}"##, "0.3", true),
        Verdict(##"{"multipleOf": 0.1}"##, "1e-1", true),
        Verdict(##"{"multipleOf": 0.1}"##, "0.35", false),
        Verdict(##"{"multipleOf": 0.1}"##, "-0.7", true),
        Verdict(##"{"multipleOf": 0.1}"##, "3", true),
        Verdict(##"{"multipleOf": 0.1}"##, "0", true),
        Verdict(##"{"multipleOf": 0.1}"##, "0.30000000000000004", false),
        Verdict(##"{"multipleOf": 0.01}"##, "19.99", true),
        Verdict(##"{"multipleOf": 0.01}"##, "1999e-2", true),
        Verdict(##"{"multipleOf": 0.01}"##, "19.999", false),
        Verdict(##"{"multipleOf": 1e-2}"##, "0.07", true),
        Verdict(##"{"multipleOf": 2}"##, "18446744073709551616", true),
        Verdict(##"{"multipleOf": 2}"##, "18446744073709551617", false),  // Double rounds it to 2^64, which is even
        Verdict(##"{"multipleOf": 274177}"##, "18446744073709551617", true),  // 2^64 + 1 = 274177 × 67280421310721
        Verdict(##"{"multipleOf": 1e399}"##, "1e400", true),
        Verdict(##"{"multipleOf": 1e-400}"##, "3e-400", true),
        Verdict(##"{"multipleOf": 1e-400}"##, "1e-401", false),
        Verdict(##"{"multipleOf": 1.5}"##, "4.5", true),
        Verdict(##"{"multipleOf": 1.5}"##, "4", false),
        // bounds compare exactly
        Verdict(##"{"maximum": 0.1}"##, "0.1", true),
        Verdict(##"{"maximum": 0.1}"##, "1e-1", true),
        Verdict(##"{"maximum": 0.1}"##, "0.1000000000000000000001", false),
        Verdict(##"{"maximum": 0.1}"##, "0.0999999999999999999999", true),
        Verdict(##"{"exclusiveMaximum": 0.1}"##, "0.10000", false),
        Verdict(##"{"minimum": 0.1}"##, "0.0999999999999999999999", false),
        // integers beyond 2^64
        Verdict(##"{"maximum": 18446744073709551616}"##, "18446744073709551616", true),
        Verdict(##"{"maximum": 18446744073709551616}"##, "18446744073709551617", false),
        Verdict(##"{"maximum": 18446744073709551616}"##, "18446744073709551615", true),
        Verdict(##"{"maximum": 18446744073709551616}"##, "1.8446744073709551616e19", true),
        Verdict(##"{"maximum": 18446744073709551616}"##, "18446744073709551616.5", false),
        Verdict(##"{"maximum": 18446744073709551616}"##, "-18446744073709551617", true),
        Verdict(##"{"exclusiveMaximum": 18446744073709551616}"##, "18446744073709551616", false),
        Verdict(##"{"minimum": -18446744073709551616}"##, "-18446744073709551617", false),
        // beyond Double's range
        Verdict(##"{"minimum": 1e399}"##, "1e400", true),
        Verdict(##"{"minimum": 1e399}"##, "1e399", true),
        Verdict(##"{"minimum": 1e399}"##, "10e398", true),
        Verdict(##"{"minimum": 1e399}"##, "1e398", false),
        Verdict(##"{"minimum": 1e399}"##, "-1e400", false),
        Verdict(##"{"exclusiveMinimum": 1e399}"##, "1E+399", false),
        Verdict(##"{"exclusiveMinimum": 0}"##, "1e-400", true),  // Double underflows it to 0
        Verdict(##"{"minimum": 0}"##, "-1e-400", false),
        Verdict(##"{"minimum": 0}"##, "-0", true),
        Verdict(##"{"exclusiveMaximum": 0}"##, "-0.0", false),
        // integer is a mathematical property, not a lexical one
        Verdict(##"{"type": "integer"}"##, "1.0", true),
        Verdict(##"{"type": "integer"}"##, "1e2", true),
        Verdict(##"{"type": "integer"}"##, "1.5e1", true),
        Verdict(##"{"type": "integer"}"##, "1.05e1", false),
        Verdict(##"{"type": "integer"}"##, "-0.0", true),
        Verdict(##"{"type": "integer"}"##, "1e400", true),
        Verdict(##"{"type": "integer"}"##, "1e-400", false),
        Verdict(##"{"type": "integer"}"##, "18446744073709551617", true),
        Verdict(##"{"type": "integer"}"##, "12345678901234567890.5", false),  // Double says 12345678901234567168
        Verdict(##"{"type": "number"}"##, "1", true),
        // count keywords take any integer-valued number
        Verdict(##"{"maxLength": 2.0}"##, ##""abc""##, false),
        Verdict(##"{"maxItems": 1e1}"##, "[1, 2, 3]", true),
        Verdict(##"{"minItems": 1e30}"##, "[1]", false),
    ]

    @Test(arguments: numbers)
    func exactNumbers(_ verdict: Verdict) throws {
        try verdict.check()
    }

    @Test func multipleOfWithMoreThan38SignificantDigits() throws {
        // 0.1 ÷ 0.1000000000000000000000000000000000000001 is not an integer; Double division says 1.
        let schema = try JSONSchema(JSONParser().parse(##"{"multipleOf": 0.1000000000000000000000000000000000000001}"##))
        let valid = schema.isValid(try JSONParser().parse("0.1"))
        withKnownIssue("divisors of more than 38 significant digits fall back to Double division") {
            #expect(!valid)
        }
    }

    @Test func boundsWithHugeExponents() throws {
        // Exponents are exact up to ±10^17, far beyond anything a vendor writes.
        let schema = try JSONSchema(JSONParser().parse(##"{"maximum": 1e2000000001}"##))
        #expect(!schema.isValid(try JSONParser().parse("1e3000000000")))
        #expect(schema.isValid(try JSONParser().parse("9e2000000000")))
    }

    // MARK: String lengths count code points

    struct LengthCase: Sendable, CustomTestStringConvertible {
        var text: String
        var codePoints: Int
        var testDescription: String {
            "\(codePoints) code points: [\(text.unicodeScalars.prefix(8).map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " "))]"
        }
    }

    static let lengths: [LengthCase] = [
        LengthCase(text: "", codePoints: 0),
        LengthCase(text: "abc", codePoints: 3),
        LengthCase(text: "é", codePoints: 1),  // U+00E9, precomposed
        LengthCase(text: "e\u{301}", codePoints: 2),  // e + combining acute: one Character, two code points
        LengthCase(text: "😀", codePoints: 1),  // 4 UTF-8 bytes, 2 UTF-16 units
        LengthCase(text: "😀😀😀", codePoints: 3),  // 12 bytes: exactly 4 per code point
        LengthCase(text: "👍🏽", codePoints: 2),  // emoji + skin tone modifier
        LengthCase(text: "👨‍👩‍👧", codePoints: 5),  // man, ZWJ, woman, ZWJ, girl: one Character
        LengthCase(text: "🇫🇷", codePoints: 2),  // two regional indicators
        LengthCase(text: String(repeating: "a", count: 100), codePoints: 100),
        LengthCase(text: "\u{0}", codePoints: 1),
    ]

    @Test(arguments: lengths)
    func stringLengthsCountCodePoints(_ length: LengthCase) throws {
        let instance = JSONValue.string(length.text)
        let n = length.codePoints
        func schema(_ keyword: String, _ limit: Int) throws -> JSONSchema {
            try JSONSchema(.object([keyword: .number(JSONNumber(limit))]))
        }
        #expect(try schema("maxLength", n).isValid(instance))
        #expect(try schema("minLength", n).isValid(instance))
        #expect(try schema("minLength", n + 1).isValid(instance) == false)
        if n > 0 {
            #expect(try schema("maxLength", n - 1).isValid(instance) == false)
            let error = try #require(try schema("maxLength", n - 1).validate(instance).errors.first)
            #expect(error.message == "expected at most \(n - 1) character\(n - 1 == 1 ? "" : "s"), found \(n)")
        }
        let error = try #require(try schema("minLength", n + 1).validate(instance).errors.first)
        #expect(error.message == "expected at least \(n + 1) character\(n + 1 == 1 ? "" : "s"), found \(n)")
    }

    @Test func patternMatchesCodePoints() throws {
        // "." matches one code point, as ECMA-262 with the u flag does: the emoji is one, e + U+0301 two.
        let schema = try JSONSchema(JSONParser().parse(##"{"pattern": "^.$"}"##))
        #expect(schema.isValid(.string("😀")))
        #expect(!schema.isValid(.string("e\u{301}")))
        // \d is ASCII only.
        let digits = try JSONSchema(JSONParser().parse(##"{"pattern": "^\\d+$"}"##))
        #expect(digits.isValid("123"))
        #expect(!digits.isValid(.string("١٢٣")))
    }

    // MARK: Equality: uniqueItems, enum, const

    static let equality: [Verdict] = [
        Verdict(##"{"uniqueItems": true}"##, "[1, 1.0]", false),
        Verdict(##"{"uniqueItems": true}"##, "[1, 1e0]", false),
        Verdict(##"{"uniqueItems": true}"##, "[100, 1E2]", false),
        Verdict(##"{"uniqueItems": true}"##, "[0, -0]", false),
        Verdict(##"{"uniqueItems": true}"##, ##"[{"a": 1, "b": 2}, {"b": 2, "a": 1}]"##, false),
        Verdict(##"{"uniqueItems": true}"##, ##"[{"a": 1, "b": 2}, {"b": 2, "a": 1.0}]"##, false),
        Verdict(##"{"uniqueItems": true}"##, ##"[[1, {"x": 1.0}], [1.0, {"x": 1}]]"##, false),
        Verdict(##"{"uniqueItems": true}"##, ##"["1", 1]"##, true),
        Verdict(##"{"uniqueItems": true}"##, "[0, false]", true),
        Verdict(##"{"uniqueItems": true}"##, "[1, true]", true),
        Verdict(##"{"uniqueItems": true}"##, "[null, {}, [], 0, \"\"]", true),
        Verdict(##"{"uniqueItems": true}"##, ##"[{"a": 1}, {"a": 1, "b": 2}]"##, true),
        Verdict(##"{"uniqueItems": true}"##, "[[1, 2], [2, 1]]", true),
        Verdict(##"{"uniqueItems": true}"##, "[12345678901234567890, 12345678901234567891]", true),
        Verdict(##"{"uniqueItems": true}"##, "[\"é\", \"e\\u0301\"]", true),  // different code points
        Verdict(##"{"uniqueItems": false}"##, "[1, 1]", true),
        Verdict(##"{"enum": [1]}"##, "1.0", true),
        Verdict(##"{"enum": [1]}"##, "10e-1", true),
        Verdict(##"{"enum": [1.5, "x"]}"##, "15e-1", true),
        Verdict(##"{"enum": [[1]]}"##, "[1.0]", true),
        Verdict(##"{"enum": [[1]]}"##, "[1, 1]", false),
        Verdict(##"{"enum": [1]}"##, "true", false),
        Verdict(##"{"enum": [null]}"##, "0", false),
        Verdict(##"{"const": 0}"##, "-0", true),
        Verdict(##"{"const": 0}"##, "0.0e10", true),
        Verdict(##"{"const": 1.5}"##, "1.50", true),
        Verdict(##"{"const": 12345678901234567890}"##, "12345678901234567890.0", true),
        Verdict(##"{"const": 12345678901234567890}"##, "12345678901234567891", false),  // one Double
        Verdict(##"{"const": 0.1}"##, "0.1000000000000000000001", false),
        Verdict(##"{"const": {"a": [1, 2]}}"##, ##"{"a": [1.0, 2e0]}"##, true),
        Verdict(##"{"const": {"a": 1, "b": 2}}"##, ##"{"b": 2, "a": 1}"##, true),
        Verdict(##"{"const": {"a": 1}}"##, ##"{"a": 1, "b": null}"##, false),
        Verdict(##"{"const": true}"##, "1", false),
        Verdict(##"{"const": 1}"##, "true", false),
        Verdict(##"{"const": 1}"##, ##""1""##, false),
        Verdict(##"{"const": "é"}"##, "\"e\\u0301\"", false),
        Verdict(##"{"const": "é"}"##, "\"\\u00e9\"", true),
        Verdict(##"{"const": null}"##, "null", true),
    ]

    @Test(arguments: equality)
    func jsonSchemaEquality(_ verdict: Verdict) throws {
        try verdict.check()
    }

    // MARK: References

    static let commonURI = "https://example.com/schemas/common.json"

    static func commonRegistry() throws -> SchemaRegistry {
        var registry = SchemaRegistry()
        registry.register(try JSONParser().parse(##"{"$defs": {"pos": {"type": "integer", "exclusiveMinimum": 0}}}"##), uri: commonURI)
        return registry
    }

    @Test func refToARegisteredDocumentByAbsoluteURI() throws {
        let schema = try JSONSchema(JSONParser().parse(
            ##"{"properties": {"n": {"$ref": "https://example.com/schemas/common.json#/$defs/pos"}}}"##), registry: Self.commonRegistry())
        #expect(schema.isValid(try JSONParser().parse(##"{"n": 1}"##)))
        let errors = schema.validate(try JSONParser().parse(##"{"n": 0}"##)).errors
        try #require(errors.count == 1)
        #expect(errors[0].instanceLocation == ["n"])
        #expect(errors[0].keywordLocation == ["properties", "n", "$ref", "exclusiveMinimum"])
        #expect(errors[0].absoluteKeywordLocation == "https://example.com/schemas/common.json#/$defs/pos/exclusiveMinimum")
        #expect(errors[0].message == "expected more than 0, found 0")
    }

    @Test func relativeRefResolvesAgainstTheBaseURI() throws {
        let schema = try JSONSchema(JSONParser().parse(##"{"items": {"$ref": "common.json#/$defs/pos"}}"##),
                                    baseURI: "https://example.com/schemas/main.json", registry: Self.commonRegistry())
        #expect(schema.isValid(try JSONParser().parse("[1, 2]")))
        #expect(!schema.isValid(try JSONParser().parse("[1, 2.5]")))
        // Against the default base URI the same reference names nothing.
        let error = #expect(throws: EvalNormError.self) {
            try JSONSchema(JSONParser().parse(##"{"items": {"$ref": "common.json#/$defs/pos"}}"##), registry: Self.commonRegistry())
        }
        #expect(error?.code == .unresolvedReference)
        #expect(error?.pointer == ["items", "$ref"])
    }

    @Test func relativeRefResolvesAgainstTheSchemaID() throws {
        let schema = try JSONSchema(JSONParser().parse(
            ##"{"$id": "https://example.com/schemas/main.json", "$ref": "common.json#/$defs/pos"}"##), registry: Self.commonRegistry())
        #expect(schema.isValid(7))
        #expect(!schema.isValid(-7))
    }

    @Test func registryLookups() throws {
        let registry = try Self.commonRegistry()
        #expect(registry.document(at: Self.commonURI)?["$defs"] != nil)
        #expect(registry.document(at: Self.commonURI + "#/$defs/pos") == registry.document(at: Self.commonURI))  // the fragment is ignored
        #expect(registry.document(at: "https://example.com/schemas/other.json") == nil)
        #expect(registry.uris.contains(Self.commonURI))
        #expect(registry.uris == registry.uris.sorted())
        // The bundled schemas are there from the start, under their $id.
        #expect(registry.uris.contains("https://evalnorm.dev/schemas/eval-run.schema.json"))
    }

    @Test func refToABundledSchema() throws {
        let schema = try JSONSchema(JSONParser().parse(##"{"$ref": "https://evalnorm.dev/schemas/eval-run.schema.json"}"##))
        let error = try #require(schema.validate(3).errors.first)
        #expect(error.keywordLocation == ["$ref", "type"])
        #expect(error.absoluteKeywordLocation == "https://evalnorm.dev/schemas/eval-run.schema.json#/type")
    }

    @Test func registeredDocumentIsFoundByItsOwnID() throws {
        // SchemaRegistry.register's documentation: "A document with its own `$id` can also be found by that."
        var registry = SchemaRegistry()
        registry.register(try JSONParser().parse(##"{"$id": "https://example.com/a.json", "minimum": 1}"##), uri: "https://example.com/other.json")
        let schema = try JSONParser().parse(##"{"$ref": "https://example.com/a.json"}"##)
        let compiled = try JSONSchema(schema, registry: registry)
        #expect(!compiled.isValid(0))
        // Through the URI it was registered under, it works, and its $id becomes its base URI.
        let viaURI = try JSONSchema(JSONParser().parse(##"{"$ref": "https://example.com/other.json"}"##), registry: registry)
        #expect(viaURI.validate(0).errors.map(\.absoluteKeywordLocation) == ["https://example.com/a.json#/minimum"])
    }

    @Test func anchor() throws {
        let schema = try JSONSchema(JSONParser().parse(
            ##"{"$defs": {"positive": {"$anchor": "pos", "exclusiveMinimum": 0}}, "properties": {"n": {"$ref": "#pos"}}}"##))
        #expect(schema.isValid(try JSONParser().parse(##"{"n": 1}"##)))
        let errors = schema.validate(try JSONParser().parse(##"{"n": 0}"##)).errors
        #expect(errors.map(\.keywordLocation) == [["properties", "n", "$ref", "exclusiveMinimum"]])
        #expect(errors.map(\.absoluteKeywordLocation) == ["urn:evalnorm:schema#/$defs/positive/exclusiveMinimum"])
    }

    @Test func anchorInAnotherResource() throws {
        let schema = try JSONSchema(JSONParser().parse(
            ##"{"$id": "https://example.com/root.json", "$defs": {"b": {"$id": "b.json", "$defs": {"s": {"$anchor": "str", "type": "string"}}}}, "$ref": "b.json#str"}"##))
        #expect(schema.isValid("x"))
        #expect(schema.validate(1).errors.map(\.absoluteKeywordLocation) == ["https://example.com/b.json#/$defs/s/type"])
    }

    /// The tree / strict-tree example of the draft 2020-12 core specification: `$dynamicRef` in
    /// the general tree lands on the strict tree's `$dynamicAnchor` when validation started there.
    @Test func dynamicRef() throws {
        var registry = SchemaRegistry()
        registry.register(try JSONParser().parse(
            ##"{"$id": "https://example.com/tree", "$dynamicAnchor": "node", "type": "object", "properties": {"data": true, "children": {"type": "array", "items": {"$dynamicRef": "#node"}}}}"##),
            uri: "https://example.com/tree")
        let strict = try JSONSchema(JSONParser().parse(
            ##"{"$id": "https://example.com/strict-tree", "$dynamicAnchor": "node", "$ref": "tree", "unevaluatedProperties": false}"##),
            registry: registry)
        let tree = try JSONSchema(JSONParser().parse(##"{"$ref": "https://example.com/tree"}"##), registry: registry)

        let typo = try JSONParser().parse(##"{"children": [{"daat": 1}]}"##)
        let fine = try JSONParser().parse(##"{"data": 0, "children": [{"data": 1, "children": []}]}"##)
        #expect(tree.isValid(typo))
        #expect(tree.isValid(fine))
        #expect(strict.isValid(fine))
        #expect(!strict.isValid(typo))

        let errors = strict.validate(typo).errors
        // The $ref to tree fails, so its annotations are dropped and "children" is unevaluated too.
        #expect(errors.map(\.instanceLocation) == [["children", "0", "daat"], ["children"]])
        #expect(errors.map(\.keywordLocation) == [
            ["$ref", "properties", "children", "items", "$dynamicRef", "unevaluatedProperties"], ["unevaluatedProperties"],
        ])
        #expect(errors.first?.absoluteKeywordLocation == "https://example.com/strict-tree#/unevaluatedProperties")
        #expect(errors.first?.message == #"property "daat" is not allowed here (not evaluated by any subschema)"#)
    }

    @Test func dynamicRefWithoutAMatchingDynamicAnchorActsLikeRef() throws {
        let schema = try JSONSchema(JSONParser().parse(
            ##"{"$defs": {"s": {"$anchor": "s", "type": "string"}}, "items": {"$dynamicRef": "#s"}}"##))
        #expect(schema.isValid(["a"]))
        #expect(schema.validate([1]).errors.map(\.keywordLocation) == [["items", "$dynamicRef", "type"]])
    }

    // MARK: unevaluatedProperties

    static let unevaluated: [Verdict] = [
        Verdict(##"{"allOf": [{"properties": {"a": {"type": "integer"}}}], "unevaluatedProperties": false}"##, ##"{"a": 1}"##, true),
        Verdict(##"{"allOf": [{"properties": {"a": {"type": "integer"}}}], "unevaluatedProperties": false}"##, ##"{"a": 1, "b": 2}"##, false),
        Verdict(##"{"allOf": [{"properties": {"a": true}}, {"properties": {"b": true}}], "unevaluatedProperties": false}"##, ##"{"a": 1, "b": 2}"##, true),
        Verdict(##"{"allOf": [{"patternProperties": {"^x-": true}}], "unevaluatedProperties": false}"##, ##"{"x-a": 1}"##, true),
        Verdict(##"{"allOf": [{"additionalProperties": true}], "unevaluatedProperties": false}"##, ##"{"anything": 1}"##, true),
        Verdict(##"{"allOf": [{"properties": {"a": true}}], "unevaluatedProperties": {"type": "string"}}"##, ##"{"a": 1, "b": "x"}"##, true),
        Verdict(##"{"allOf": [{"properties": {"a": true}}], "unevaluatedProperties": {"type": "string"}}"##, ##"{"a": 1, "b": 2}"##, false),
        // every passing anyOf branch counts, a failing one does not
        Verdict(##"{"anyOf": [{"properties": {"a": true}, "required": ["a"]}, {"properties": {"b": true}, "required": ["b"]}], "unevaluatedProperties": false}"##, ##"{"a": 1, "b": 2}"##, true),
        Verdict(##"{"anyOf": [{"properties": {"a": true}, "required": ["a"]}, {"properties": {"b": true}, "required": ["b", "c"]}], "unevaluatedProperties": false}"##, ##"{"a": 1, "b": 2}"##, false),
        // through $ref, and through if/then
        Verdict(##"{"$defs": {"base": {"properties": {"a": true}}}, "$ref": "#/$defs/base", "properties": {"b": true}, "unevaluatedProperties": false}"##, ##"{"a": 1, "b": 2}"##, true),
        Verdict(##"{"$defs": {"base": {"properties": {"a": true}}}, "$ref": "#/$defs/base", "unevaluatedProperties": false}"##, ##"{"a": 1, "c": 2}"##, false),
        Verdict(##"{"if": {"properties": {"kind": {"const": "x"}}}, "then": {"properties": {"x": true}}, "unevaluatedProperties": false}"##, ##"{"kind": "x", "x": 1}"##, true),
        Verdict(##"{"if": {"properties": {"kind": {"const": "x"}}}, "then": {"properties": {"x": true}}, "unevaluatedProperties": false}"##, ##"{"kind": "y", "x": 1}"##, false),
        // nested unevaluatedProperties sees only its own object
        Verdict(##"{"properties": {"inner": {"allOf": [{"properties": {"a": true}}], "unevaluatedProperties": false}}}"##, ##"{"inner": {"a": 1}, "outer": 2}"##, true),
        // additionalProperties does not look into allOf; unevaluatedProperties does
        Verdict(##"{"allOf": [{"properties": {"a": true}}], "additionalProperties": false}"##, ##"{"a": 1}"##, false),
        // non-objects are not its business
        Verdict(##"{"unevaluatedProperties": false}"##, "[1]", true),
        Verdict(##"{"unevaluatedProperties": false}"##, "{}", true),
    ]

    @Test(arguments: unevaluated)
    func unevaluatedProperties(_ verdict: Verdict) throws {
        try verdict.check()
    }

    @Test func unevaluatedPropertiesPointsAtTheMember() throws {
        let schema = try JSONSchema(JSONParser().parse(
            ##"{"allOf": [{"properties": {"a": true}}], "unevaluatedProperties": false}"##))
        let errors = schema.validate(try JSONParser().parse(##"{"a": 1, "b": 2, "c": 3}"##)).errors
        #expect(errors.map(\.instanceLocation) == [["b"], ["c"]])
        #expect(errors.map(\.keywordLocation) == [["unevaluatedProperties"], ["unevaluatedProperties"]])
    }

    // MARK: format

    @Test func formatIsAnAnnotationByDefault() throws {
        let schema = try JSONSchema(JSONParser().parse(##"{"format": "date-time"}"##))
        #expect(schema.options.assertsFormat == false)
        #expect(schema.options == ValidationOptions())
        #expect(schema.isValid("not a date"))
        #expect(schema.validate("not a date").isValid)
        for format in ["uuid", "email", "uri", "ipv4", "date", "regex"] {
            let other = try JSONSchema(.object(["format": .string(format)]))
            #expect(other.isValid("%%% not valid in any format [("), "format \(format)")
        }
    }

    struct FormatCase: Sendable, CustomTestStringConvertible {
        var format: String
        var text: String
        var valid: Bool
        var testDescription: String { "\(format) \(valid ? "accepts" : "rejects") \(text)" }
        init(_ format: String, _ text: String, _ valid: Bool) {
            self.format = format
            self.text = text
            self.valid = valid
        }
    }

    static let formats: [FormatCase] = [
        FormatCase("date-time", "2024-02-29T12:30:00Z", true),
        FormatCase("date-time", "2024-02-29t12:30:00z", true),
        FormatCase("date-time", "2024-01-01T00:00:00.123+05:30", true),
        FormatCase("date-time", "1998-12-31T23:59:60Z", true),  // leap second
        FormatCase("date-time", "2023-02-29T12:30:00Z", false),  // not a leap year
        FormatCase("date-time", "2024-01-01T24:00:00Z", false),
        FormatCase("date-time", "2024-01-01T00:00:00", false),  // no offset
        FormatCase("date-time", "2024-01-01", false),
        FormatCase("date-time", "not a date", false),
        FormatCase("uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d16380", true),
        FormatCase("uuid", "2EB8AA08-AA98-11EA-B4AA-73B441D16380", true),
        FormatCase("uuid", "2eb8aa08aa9811eab4aa73b441d16380", false),
        FormatCase("uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d1638g", false),
        FormatCase("uuid", "{2eb8aa08-aa98-11ea-b4aa-73b441d16380}", false),
        FormatCase("email", "joe.bloggs@example.com", true),
        FormatCase("email", "\"joe bloggs\"@example.com", true),
        FormatCase("email", "joe@[127.0.0.1]", true),
        FormatCase("email", "joe", false),
        FormatCase("email", "joe@", false),
        FormatCase("email", "@example.com", false),
        FormatCase("email", "joe..bloggs@example.com", false),
        FormatCase("email", ".joe@example.com", false),
        FormatCase("uri", "https://example.com/a/b?c=d#e", true),
        FormatCase("uri", "urn:isbn:0451450523", true),
        FormatCase("uri", "mailto:joe@example.com", true),
        FormatCase("uri", "//example.com/a", false),  // a relative reference
        FormatCase("uri", "example.com", false),
        FormatCase("uri", "https://exa mple.com", false),
        FormatCase("uri", "https://example.com/%zz", false),
        FormatCase("uri", "https://example.com/é", false),  // an IRI, not a URI
    ]

    @Test(arguments: formats)
    func formatAssertedWhenAsked(_ formatCase: FormatCase) throws {
        let schema = try JSONSchema(.object(["format": .string(formatCase.format)]), options: ValidationOptions(assertsFormat: true))
        #expect(schema.options.assertsFormat)
        let instance = JSONValue.string(formatCase.text)
        #expect(schema.isValid(instance) == formatCase.valid)
        let errors = schema.validate(instance).errors
        if formatCase.valid {
            #expect(errors.isEmpty)
        } else {
            #expect(errors.map(\.keywordLocation) == [["format"]])
            #expect(errors.map(\.message) == ["expected a \(formatCase.format), found \(JSONWriter().string(from: instance))"])
        }
    }

    @Test func assertedFormatIgnoresOtherTypesAndUnknownFormats() throws {
        let options = ValidationOptions(assertsFormat: true)
        let dateTime = try JSONSchema(JSONParser().parse(##"{"format": "date-time"}"##), options: options)
        for instance: JSONValue in [3, nil, true, [1], ["a": "b"]] {
            #expect(dateTime.isValid(instance), "\(instance)")
        }
        let unknown = try JSONSchema(JSONParser().parse(##"{"format": "my-own-format"}"##), options: options)
        #expect(unknown.isValid("anything"))
        // The option carries through bundled schemas too.
        #expect(try JSONSchema.bundled(named: "eval-run", options: options).options.assertsFormat)
    }

    // MARK: Boolean schemas

    @Test func booleanSchemas() throws {
        let values: [JSONValue] = [nil, true, 0, 1.5, "s", [], [1], [:], ["a": 1]]
        let always = try JSONSchema(true)
        let never = try JSONSchema(false)
        let empty = try JSONSchema(JSONParser().parse("{}"))
        let notTrue = try JSONSchema(JSONParser().parse(##"{"not": true}"##))
        let notFalse = try JSONSchema(JSONParser().parse(##"{"not": false}"##))
        for value in values {
            #expect(always.isValid(value) && always.validate(value).isValid, "\(value)")
            #expect(empty.isValid(value) && empty.validate(value).isValid, "\(value)")
            #expect(notFalse.isValid(value), "\(value)")
            #expect(!never.isValid(value), "\(value)")
            #expect(!notTrue.isValid(value), "\(value)")
            let errors = never.validate(value).errors
            #expect(errors == [ValidationError(keywordLocation: JSONPointer(), instanceLocation: JSONPointer(), message: "no value is allowed here")])
        }
    }

    @Test func booleanSubschemas() throws {
        let schema = try JSONSchema(JSONParser().parse(
            ##"{"properties": {"yes": true, "no": false}, "prefixItems": [true, false], "items": false}"##))
        #expect(schema.isValid(try JSONParser().parse(##"{"yes": 1}"##)))
        #expect(!schema.isValid(try JSONParser().parse(##"{"no": 1}"##)))
        #expect(schema.isValid(try JSONParser().parse("[1]")))
        let errors = schema.validate(try JSONParser().parse("[1, 2]")).errors
        #expect(errors.map(\.keywordLocation) == [["prefixItems", "1"]])
        #expect(errors.map(\.instanceLocation) == [["1"]])
    }

    // MARK: isValid agrees with validate

    static var corpus: [(schema: String, instances: [String])] {
        var groups: [(schema: String, instances: [String])] = Dictionary(grouping: numbers + equality + unevaluated, by: \.schema)
            .map { (schema: $0.key, instances: $0.value.map(\.instance)) }
        groups += [
            (##"{"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": true}}, "additionalProperties": false}"##,
             [##"{"id": "a"}"##, ##"{"id": 1}"##, ##"{"id": "a", "tags": ["x", "x"]}"##, ##"{"id": "a", "tags": ["x", 1]}"##, ##"{"id": "a", "x": 1}"##, "{}", "[]"]),
            (##"{"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 0}], "not": {"const": 5}}"##,
             ["\"a\"", "0", "5", "-1", "1.5", "null"]),
            (##"{"oneOf": [{"multipleOf": 2}, {"multipleOf": 3}]}"##, ["2", "3", "6", "7", "\"x\""]),
            (##"{"if": {"type": "integer"}, "then": {"minimum": 10}, "else": {"type": "string"}}"##, ["10", "9", "\"a\"", "1.5"]),
            (##"{"contains": {"type": "integer"}, "minContains": 2, "maxContains": 3}"##, ["[1]", "[1, 2]", "[1, 2, 3, 4]", "[\"a\", 1, \"b\", 2]", "{}"]),
            (##"{"dependentRequired": {"a": ["b"]}, "dependentSchemas": {"c": {"required": ["d"]}}, "propertyNames": {"maxLength": 1}}"##,
             [##"{"a": 1, "b": 2}"##, ##"{"a": 1}"##, ##"{"c": 1, "d": 2}"##, ##"{"c": 1}"##, ##"{"long": 1}"##]),
            (##"{"prefixItems": [{"type": "integer"}], "unevaluatedItems": false}"##, ["[1]", "[1, 2]", "[\"a\"]", "[]"]),
        ]
        return groups
    }

    @Test func isValidAgreesWithValidate() throws {
        var checked = 0
        var invalid = 0
        for (text, instances) in Self.corpus {
            let schema = try JSONSchema(JSONParser().parse(text))
            for instanceText in instances {
                let instance = try JSONParser().parse(instanceText)
                let result = schema.validate(instance)
                #expect(schema.isValid(instance) == result.isValid, "\(text) with \(instanceText)")
                #expect(result.isValid == result.errors.isEmpty)
                checked += 1
                if !result.isValid { invalid += 1 }
            }
        }
        #expect(checked > 100)
        #expect(invalid > 40)
    }

    // MARK: One compiled schema, many tasks

    @Test func compiledSchemaIsSharedBetweenTasks() async throws {
        let schema = try JSONSchema(JSONParser().parse(
            ##"{"type": "object", "required": ["n"], "properties": {"n": {"type": "integer", "multipleOf": 3}, "s": {"$ref": "#/$defs/s"}}, "$defs": {"s": {"type": "string", "maxLength": 2}}, "unevaluatedProperties": false}"##))
        let instances: [JSONValue] = try (0..<60).map { n in
            try JSONParser().parse(##"{"n": \##(n), "s": "\##(String(repeating: "x", count: n % 4))"\##(n % 7 == 0 ? ", \"extra\": 1" : "")}"##)
        }
        let expected = instances.map { schema.validate($0) }
        #expect(expected.contains { $0.isValid })
        #expect(expected.contains { !$0.isValid })

        let results = await withTaskGroup(of: [ValidationResult].self) { group in
            for _ in 0..<16 {
                group.addTask {
                    var mine: [ValidationResult] = []
                    for _ in 0..<5 {
                        mine = instances.map { schema.validate($0) }
                        #expect(instances.map { schema.isValid($0) } == mine.map(\.isValid))
                    }
                    return mine
                }
            }
            var all: [[ValidationResult]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func publicTypesAreSendable() {
        func requireSendable<T: Sendable>(_: T.Type) -> Bool { true }
        #expect(requireSendable(JSONSchema.self))
        #expect(requireSendable(SchemaRegistry.self))
        #expect(requireSendable(ValidationResult.self))
        #expect(requireSendable(ValidationError.self))
        #expect(requireSendable(ValidationOptions.self))
    }

    // MARK: Depth

    // Evaluation recurses a few frames per schema level: in a debug build on Linux x86_64 a
    // 400-deep instance took more than 3 MiB of stack, and reaching the 2,048-level cap takes
    // several MiB more. These tests check exact results, so they run on a thread with a 32 MiB
    // stack, where the stack guard does not trip (DeepValidationTests covers small stacks).

    @Test func deeplyNestedInstanceAgainstARecursiveSchema() throws {
        let depth = 400
        let schema = try JSONSchema(JSONParser().parse(##"{"items": {"$ref": "#"}}"##))
        let valid = try JSONParser().parse(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        #expect(onLargeStack { schema.validate(valid).isValid && schema.isValid(valid) })

        let strict = try JSONSchema(JSONParser().parse(##"{"type": "array", "items": {"$ref": "#"}}"##))
        let invalid = try JSONParser().parse(String(repeating: "[", count: depth) + "\"x\"" + String(repeating: "]", count: depth))
        let (errors, isValid) = onLargeStack { (strict.validate(invalid).errors, strict.isValid(invalid)) }
        #expect(!isValid)
        try #require(errors.count == 1)
        let expectedInstanceLocation = Array(repeating: "0", count: depth)
        let expectedKeywordLocation = Array(repeating: ["items", "$ref"], count: depth).flatMap { $0 } + ["type"]
        #expect(errors[0].instanceLocation.tokens == expectedInstanceLocation, "compared token by token")
        #expect(errors[0].keywordLocation.tokens == expectedKeywordLocation, "compared token by token")
        #expect(errors[0].absoluteKeywordLocation == "urn:evalnorm:schema#/type")
        #expect(errors[0].message == #"expected array, found string "x""#)
    }

    @Test func schemaThatRecursesWithoutConsumingInputGivesAnError() throws {
        let schema = try JSONSchema(JSONParser().parse(##"{"$ref": "#", "minimum": 0}"##))
        let (errors, isValid) = onLargeStack { (schema.validate(1).errors, schema.isValid(1)) }
        #expect(!isValid)
        try #require(errors.count == 1)
        #expect(errors[0].instanceLocation.isRoot)
        // One $ref per level, up to the evaluator's cap of 2,048 levels.
        #expect(errors[0].keywordLocation.tokens.count == 2048)
        #expect(errors[0].keywordLocation.tokens.allSatisfy { $0 == "$ref" })
        #expect(errors[0].absoluteKeywordLocation == "urn:evalnorm:schema#")
        #expect(errors[0].message == "the schema recurses more than 2048 levels deep here without reaching a result")
    }

    @Test(arguments: [##"{"not": {"$ref": "#"}}"##, ##"{"allOf": [{"not": {"$ref": "#"}}]}"##])
    func endlessRecursionUnderNotIsAnError(schemaText: String) throws {
        // The recursion cap ends the evaluation; no `not` on the way up may turn that into a verdict.
        let schema = try JSONSchema(JSONParser().parse(schemaText))
        let (errors, isValid) = onLargeStack { (schema.validate(1).errors, schema.isValid(1)) }
        #expect(!isValid)
        #expect(errors.map(\.message) == ["the schema recurses more than 2048 levels deep here without reaching a result"])
    }

    @Test func stackLimitUnderNotIsNotAVerdict() throws {
        // A 500-deep nest of arrays matches "nest", so `not` must reject it.
        let schema = try JSONSchema(JSONParser().parse(
            ##"{"$defs": {"nest": {"type": "array", "items": {"$ref": "#/$defs/nest"}}}, "not": {"$ref": "#/$defs/nest"}}"##))
        let depth = 500
        let instance = try JSONParser().parse(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        let (errors, isValid) = onLargeStack { (schema.validate(instance).errors, schema.isValid(instance)) }
        #expect(!isValid)
        #expect(errors.map(\.message) == ["expected a value that does not match the schema in not, found array of 1 item"])
        // On a 512 KiB stack the stack guard may stop the evaluation inside `not`: the instance is
        // then invalid with the guard's error, never accepted.
        let onSmallStack = OnSmallStack.run {
            let result = schema.validate(instance)
            return "\(schema.isValid(instance)) \(result.isValid)"
        }
        #expect(onSmallStack == "false false")
    }
}
