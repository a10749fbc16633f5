import EvalNorm
import Foundation
import Testing

/// The exact errors the validator reports: for each schema and instance, every error's instance
/// location, keyword location, absolute keyword location and message, in order; the basic output
/// format as JSON text; and the exact ``EvalNormError`` for schemas that are not draft 2020-12.
struct JSONSchemaErrorTests {
    // MARK: Validation errors

    /// One expected error. `absolute` is set only when the path went through a `$ref`.
    struct Expected: Sendable, Equatable, CustomStringConvertible {
        var instance: String
        var keyword: String
        var message: String
        var absolute: String?

        init(_ instance: String, _ keyword: String, _ message: String, absolute: String? = nil) {
            self.instance = instance
            self.keyword = keyword
            self.message = message
            self.absolute = absolute
        }

        init(_ error: ValidationError) {
            self.init(error.instanceLocation.description, error.keywordLocation.description, error.message,
                      absolute: error.absoluteKeywordLocation)
        }

        var description: String { "[\(instance)] [\(keyword)]\(absolute.map { " [\($0)]" } ?? "") \(message)" }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var schema: String
        var instance: String
        var errors: [Expected]
        var testDescription: String { name }

        init(_ name: String, _ schema: String, _ instance: String, _ errors: [Expected]) {
            self.name = name
            self.schema = schema
            self.instance = instance
            self.errors = errors
        }
    }

    static let cases: [Case] = [
        // type
        Case("type integer, found a string", ##"{"type": "integer"}"##, ##""1""##,
             [Expected("", "/type", #"expected integer, found string "1""#)]),
        Case("type list, in the schema's order", ##"{"type": ["integer", "null"]}"##, "1.5",
             [Expected("", "/type", "expected integer or null, found number 1.5")]),
        Case("type object, found an array", ##"{"type": "object"}"##, "[1]",
             [Expected("", "/type", "expected object, found array of 1 item")]),
        Case("type string, found an object", ##"{"type": "string"}"##, ##"{"a": 1}"##,
             [Expected("", "/type", "expected string, found object")]),
        Case("type integer, found a fraction beyond Double's digits", ##"{"type": "integer"}"##, "12345678901234567890.5",
             [Expected("", "/type", "expected integer, found number 12345678901234567890.5")]),
        Case("type boolean, found null", ##"{"type": "boolean"}"##, "null",
             [Expected("", "/type", "expected boolean, found null")]),

        // required, one error per missing key
        Case("required: one error per missing key", ##"{"required": ["a", "b", "c"]}"##, ##"{"b": 1}"##,
             [Expected("", "/required", #"missing required property "a""#),
              Expected("", "/required", #"missing required property "c""#)]),
        Case("required: a control character in the name is escaped", ##"{"required": ["a\u0007"]}"##, "{}",
             [Expected("", "/required", #"missing required property "a\u0007""#)]),

        // additionalProperties
        Case("additionalProperties false points at each extra member", ##"{"properties": {"a": {}}, "additionalProperties": false}"##,
             ##"{"a": 1, "x": 2, "y/z": 3}"##,
             [Expected("/x", "/additionalProperties", #"property "x" is not allowed here (not one of the properties the schema allows)"#),
              Expected("/y~1z", "/additionalProperties", #"property "y/z" is not allowed here (not one of the properties the schema allows)"#)]),
        Case("additionalProperties with a schema", ##"{"properties": {"a": {}}, "additionalProperties": {"type": "string"}}"##,
             ##"{"a": 1, "b": 2}"##,
             [Expected("/b", "/additionalProperties/type", "expected string, found integer 2")]),
        Case("additionalProperties does not see properties inside allOf", ##"{"allOf": [{"properties": {"a": true}}], "additionalProperties": false}"##,
             ##"{"a": 1}"##,
             [Expected("/a", "/additionalProperties", #"property "a" is not allowed here (not one of the properties the schema allows)"#)]),

        // enum and const
        Case("enum", ##"{"enum": ["a", 1, null]}"##, "2",
             [Expected("", "/enum", #"expected one of "a", 1, null, found integer 2"#)]),
        Case("enum with containers", ##"{"enum": ["a", {"x": 1}, [1]]}"##, "2",
             [Expected("", "/enum", #"expected one of "a", {"x":1}, [1], found integer 2"#)]),
        Case("enum with more than 8 values", ##"{"enum": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}"##, ##""x""##,
             [Expected("", "/enum", #"expected one of 1, 2, 3, 4, 5, 6, 7, 8, … (10 values), found string "x""#)]),
        Case("const string", ##"{"const": "abc"}"##, ##""abd""##,
             [Expected("", "/const", #"expected "abc", found string "abd""#)]),
        Case("const number keeps its lexeme", ##"{"const": 1.50}"##, "1.5000001",
             [Expected("", "/const", "expected 1.50, found number 1.5000001")]),
        Case("const true is not 1", ##"{"const": true}"##, "1",
             [Expected("", "/const", "expected true, found integer 1")]),
        Case("const strings longer than 40 characters are cut", ##"{"const": "0123456789012345678901234567890123456789X"}"##,
             ##""0123456789012345678901234567890123456789Y""##,
             [Expected("", "/const", #"expected "0123456789012345678901234567890123456789…", found string "0123456789012345678901234567890123456789…""#)]),

        // numbers
        Case("minimum", ##"{"minimum": 5}"##, "4.99", [Expected("", "/minimum", "expected at least 5, found 4.99")]),
        Case("maximum", ##"{"maximum": 5}"##, "5.01", [Expected("", "/maximum", "expected at most 5, found 5.01")]),
        Case("exclusiveMinimum", ##"{"exclusiveMinimum": 5}"##, "5", [Expected("", "/exclusiveMinimum", "expected more than 5, found 5")]),
        Case("exclusiveMaximum, 5.0 is 5", ##"{"exclusiveMaximum": 5}"##, "5.0", [Expected("", "/exclusiveMaximum", "expected less than 5, found 5.0")]),
        Case("maximum keeps both lexemes", ##"{"maximum": 1E+2}"##, "100.5", [Expected("", "/maximum", "expected at most 1E+2, found 100.5")]),
        Case("multipleOf", ##"{"multipleOf": 0.1}"##, "0.35", [Expected("", "/multipleOf", "expected a multiple of 0.1, found 0.35")]),
        // Bounds are checked minimum, exclusiveMinimum, maximum, exclusiveMaximum, whatever the schema's order.
        Case("all four bounds at once", ##"{"exclusiveMaximum": 0, "maximum": 0, "exclusiveMinimum": 10, "minimum": 10}"##, "5",
             [Expected("", "/minimum", "expected at least 10, found 5"),
              Expected("", "/exclusiveMinimum", "expected more than 10, found 5"),
              Expected("", "/maximum", "expected at most 0, found 5"),
              Expected("", "/exclusiveMaximum", "expected less than 0, found 5")]),

        // strings
        Case("minLength, plural", ##"{"minLength": 3}"##, ##""ab""##, [Expected("", "/minLength", "expected at least 3 characters, found 2")]),
        Case("maxLength, singular", ##"{"maxLength": 1}"##, ##""ab""##, [Expected("", "/maxLength", "expected at most 1 character, found 2")]),
        Case("maxLength counts code points", ##"{"maxLength": 1}"##, "\"e\\u0301\"", [Expected("", "/maxLength", "expected at most 1 character, found 2")]),
        Case("pattern", ##"{"pattern": "^a+$"}"##, ##""ab""##, [Expected("", "/pattern", #"expected a string matching "^a+$", found "ab""#)]),

        // arrays
        Case("minItems", ##"{"minItems": 2}"##, "[1]", [Expected("", "/minItems", "expected at least 2 items, found 1")]),
        Case("maxItems", ##"{"maxItems": 1}"##, "[1, 2]", [Expected("", "/maxItems", "expected at most 1 item, found 2")]),
        Case("uniqueItems: 1 and 1.0 are equal", ##"{"uniqueItems": true}"##, "[1, 2, 1.0]",
             [Expected("", "/uniqueItems", "expected unique items, found items 0 and 2 equal")]),
        Case("prefixItems then items false", ##"{"prefixItems": [{"type": "string"}], "items": false}"##, ##"[1, 2, 3]"##,
             [Expected("/0", "/prefixItems/0/type", "expected string, found integer 1"),
              Expected("", "/items", "expected at most 1 item, found 3")]),
        Case("items false alone", ##"{"items": false}"##, "[1]", [Expected("", "/items", "expected at most 0 items, found 1")]),
        Case("prefixItems and items schemas", ##"{"prefixItems": [{"type": "string"}], "items": {"type": "integer"}}"##, ##"[1, "b", 2, "d"]"##,
             [Expected("/0", "/prefixItems/0/type", "expected string, found integer 1"),
              Expected("/1", "/items/type", #"expected integer, found string "b""#),
              Expected("/3", "/items/type", #"expected integer, found string "d""#)]),
        Case("contains", ##"{"contains": {"type": "string"}}"##, "[1, 2]",
             [Expected("", "/contains", "expected at least 1 item matching the contains schema, found 0")]),
        Case("minContains", ##"{"contains": {"type": "string"}, "minContains": 2}"##, ##"["a", 2]"##,
             [Expected("", "/minContains", "expected at least 2 items matching the contains schema, found 1")]),
        Case("maxContains", ##"{"contains": {"type": "string"}, "maxContains": 1}"##, ##"["a", "b"]"##,
             [Expected("", "/maxContains", "expected at most 1 item matching the contains schema, found 2")]),
        Case("unevaluatedItems false", ##"{"prefixItems": [{"type": "integer"}], "unevaluatedItems": false}"##, "[1, 2, 3]",
             [Expected("/1", "/unevaluatedItems", "item 1 is not allowed here (not evaluated by any subschema)"),
              Expected("/2", "/unevaluatedItems", "item 2 is not allowed here (not evaluated by any subschema)")]),

        // objects
        Case("minProperties", ##"{"minProperties": 2}"##, ##"{"a": 1}"##, [Expected("", "/minProperties", "expected at least 2 properties, found 1")]),
        Case("maxProperties", ##"{"maxProperties": 1}"##, ##"{"a": 1, "b": 2}"##, [Expected("", "/maxProperties", "expected at most 1 property, found 2")]),
        Case("dependentRequired: one error per missing key", ##"{"dependentRequired": {"a": ["b", "c"]}}"##, ##"{"a": 1}"##,
             [Expected("", "/dependentRequired", #"missing property "b", required when "a" is present"#),
              Expected("", "/dependentRequired", #"missing property "c", required when "a" is present"#)]),
        Case("dependentSchemas", ##"{"dependentSchemas": {"a": {"required": ["b"]}}}"##, ##"{"a": 1}"##,
             [Expected("", "/dependentSchemas/a/required", #"missing required property "b""#)]),
        Case("propertyNames points at the member", ##"{"propertyNames": {"maxLength": 2}}"##, ##"{"abc": 1, "ok": 2}"##,
             [Expected("/abc", "/propertyNames/maxLength", "expected at most 2 characters, found 3")]),
        Case("propertyNames pattern", ##"{"propertyNames": {"pattern": "^[a-z]+$"}}"##, ##"{"A": 1}"##,
             [Expected("/A", "/propertyNames/pattern", #"expected a string matching "^[a-z]+$", found "A""#)]),
        Case("patternProperties", ##"{"patternProperties": {"^x-": {"type": "string"}}}"##, ##"{"x-a": 1}"##,
             [Expected("/x-a", "/patternProperties/^x-/type", "expected string, found integer 1")]),
        Case("property names with ~ and / are escaped in both pointers", ##"{"properties": {"c~d/e": {"type": "string"}}}"##, ##"{"c~d/e": 2}"##,
             [Expected("/c~0d~1e", "/properties/c~0d~1e/type", "expected string, found integer 2")]),
        Case("unevaluatedProperties false with allOf", ##"{"allOf": [{"properties": {"a": true}}], "unevaluatedProperties": false}"##,
             ##"{"a": 1, "b": 2}"##,
             [Expected("/b", "/unevaluatedProperties", #"property "b" is not allowed here (not evaluated by any subschema)"#)]),
        // A failing allOf branch contributes no annotations (2020-12 core, "Annotations and Assertions"), so "a" is reported twice.
        Case("unevaluatedProperties after a failing allOf branch", ##"{"allOf": [{"properties": {"a": {"type": "integer"}}}], "unevaluatedProperties": false}"##,
             ##"{"a": "x", "b": 2}"##,
             [Expected("/a", "/allOf/0/properties/a/type", #"expected integer, found string "x""#),
              Expected("/a", "/unevaluatedProperties", #"property "a" is not allowed here (not evaluated by any subschema)"#),
              Expected("/b", "/unevaluatedProperties", #"property "b" is not allowed here (not evaluated by any subschema)"#)]),

        // anyOf, oneOf, not, if/then/else
        Case("anyOf of types: one merged message", ##"{"anyOf": [{"type": "string"}, {"type": "number"}]}"##, "true",
             [Expected("", "/anyOf", "expected string or number, found boolean true")]),
        Case("anyOf of types with more keywords: still merged", ##"{"anyOf": [{"type": "string", "minLength": 3}, {"type": "integer", "minimum": 3}]}"##, "true",
             [Expected("", "/anyOf", "expected string or integer, found boolean true")]),
        Case("anyOf of const and enum: merged", ##"{"anyOf": [{"const": "a"}, {"enum": ["b", "c"]}]}"##, ##""z""##,
             [Expected("", "/anyOf", #"expected "a" or one of "b", "c", found string "z""#)]),
        Case("anyOf: the one branch that got past the type is reported as-is", ##"{"anyOf": [{"type": "string", "minLength": 3}, {"type": "integer"}]}"##, ##""ab""##,
             [Expected("", "/anyOf/0/minLength", "expected at least 3 characters, found 2")]),
        Case("anyOf of two deep branches: summed up", ##"{"anyOf": [{"required": ["a"]}, {"required": ["b"]}]}"##, "{}",
             [Expected("", "/anyOf", #"expected a value matching one of the 2 schemas in anyOf; missing required property "a"; missing required property "b""#)]),
        Case("anyOf of $ref and null: the deep errors are reported as-is",
             ##"{"$defs": {"p": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}}, "anyOf": [{"$ref": "#/$defs/p"}, {"type": "null"}]}"##,
             ##"{"id": 1}"##,
             [Expected("/id", "/anyOf/0/$ref/properties/id/type", "expected string, found integer 1",
                       absolute: "urn:evalnorm:schema#/$defs/p/properties/id/type")]),
        Case("anyOf of $ref and null, wrong type: merged",
             ##"{"$defs": {"p": {"type": "object", "required": ["id"]}}, "anyOf": [{"$ref": "#/$defs/p"}, {"type": "null"}]}"##,
             "3",
             [Expected("", "/anyOf", "expected object or null, found integer 3")]),
        Case("oneOf with two matches", ##"{"oneOf": [{"type": "integer"}, {"minimum": 0}]}"##, "3",
             [Expected("", "/oneOf", "expected exactly one schema in oneOf to match, found 2 (0, 1)")]),
        Case("oneOf with three matches", ##"{"oneOf": [{"type": "integer"}, {"minimum": 5}, true]}"##, "3",
             [Expected("", "/oneOf", "expected exactly one schema in oneOf to match, found 2 (0, 2)")]),
        Case("oneOf with no match: merged", ##"{"oneOf": [{"type": "integer"}, {"type": "string"}]}"##, "null",
             [Expected("", "/oneOf", "expected integer or string, found null")]),
        Case("oneOf of two deep branches: summed up", ##"{"oneOf": [{"required": ["a"]}, {"required": ["b"]}]}"##, ##"{"c": 1}"##,
             [Expected("", "/oneOf", #"expected a value matching one of the 2 schemas in oneOf; missing required property "a"; missing required property "b""#)]),
        Case("not", ##"{"not": {"type": "string"}}"##, ##""x""##,
             [Expected("", "/not", #"expected a value that does not match the schema in not, found string "x""#)]),
        Case("if/then: then applies", ##"{"if": {"properties": {"k": {"const": "a"}}}, "then": {"required": ["a"]}, "else": {"required": ["b"]}}"##,
             ##"{"k": "a"}"##,
             [Expected("", "/then/required", #"missing required property "a""#)]),
        Case("if/else: else applies", ##"{"if": {"properties": {"k": {"const": "a"}}}, "then": {"required": ["a"]}, "else": {"required": ["b"]}}"##,
             ##"{"k": "z"}"##,
             [Expected("", "/else/required", #"missing required property "b""#)]),
        Case("if without else", ##"{"if": {"type": "string"}, "then": {"minLength": 2}}"##, ##""a""##,
             [Expected("", "/then/minLength", "expected at least 2 characters, found 1")]),

        // $ref
        Case("through $ref: /$ref/ in the keyword location, absolute location set",
             ##"{"$defs": {"pos": {"type": "integer", "minimum": 1}}, "properties": {"n": {"$ref": "#/$defs/pos"}}}"##,
             ##"{"n": 0}"##,
             [Expected("/n", "/properties/n/$ref/minimum", "expected at least 1, found 0",
                       absolute: "urn:evalnorm:schema#/$defs/pos/minimum")]),
        Case("through $ref in a schema with $id",
             ##"{"$id": "https://example.com/root.json", "$defs": {"pos": {"type": "integer", "minimum": 1}}, "properties": {"n": {"$ref": "#/$defs/pos"}}}"##,
             ##"{"n": 0}"##,
             [Expected("/n", "/properties/n/$ref/minimum", "expected at least 1, found 0",
                       absolute: "https://example.com/root.json#/$defs/pos/minimum")]),
        Case("through $ref into a nested $id",
             ##"{"$id": "https://example.com/root.json", "$defs": {"item": {"$id": "item.json", "required": ["id"]}}, "items": {"$ref": "item.json"}}"##,
             ##"[{}]"##,
             [Expected("/0", "/items/$ref/required", #"missing required property "id""#,
                       absolute: "https://example.com/item.json#/required")]),
        Case("through two $refs",
             ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"type": "string"}}, "$ref": "#/$defs/a"}"##,
             "1",
             [Expected("", "/$ref/$ref/type", "expected string, found integer 1", absolute: "urn:evalnorm:schema#/$defs/b/type")]),
        Case("through $ref to an $anchor",
             ##"{"$defs": {"x": {"$anchor": "pos", "minimum": 1}}, "$ref": "#pos"}"##,
             "0",
             [Expected("", "/$ref/minimum", "expected at least 1, found 0", absolute: "urn:evalnorm:schema#/$defs/x/minimum")]),
        Case("$ref with sibling keywords: both apply",
             ##"{"$defs": {"s": {"type": "string"}}, "$ref": "#/$defs/s", "minLength": 2}"##,
             ##""a""##,
             [Expected("", "/minLength", "expected at least 2 characters, found 1")]),

        // boolean schemas
        Case("false at the root", "false", "1", [Expected("", "", "no value is allowed here")]),
        Case("false under properties", ##"{"properties": {"a": false}}"##, ##"{"a": 1}"##,
             [Expected("/a", "/properties/a", "no value is allowed here")]),

        // many errors, in the order the keywords are evaluated and the members are written
        Case("several errors at once, in document order",
             ##"{"type": "object", "required": ["id"], "properties": {"a": {"type": "string"}, "b": {"minimum": 0}}, "additionalProperties": false}"##,
             ##"{"b": -1, "a": 2, "z": 0}"##,
             [Expected("", "/required", #"missing required property "id""#),
              Expected("/b", "/properties/b/minimum", "expected at least 0, found -1"),
              Expected("/a", "/properties/a/type", "expected string, found integer 2"),
              Expected("/z", "/additionalProperties", #"property "z" is not allowed here (not one of the properties the schema allows)"#)]),
        Case("errors deep in arrays of objects",
             ##"{"properties": {"list": {"items": {"properties": {"n": {"type": "integer"}}}}}}"##,
             ##"{"list": [{"n": 1}, {"n": "2"}, {"n": 3}, {"n": null}]}"##,
             [Expected("/list/1/n", "/properties/list/items/properties/n/type", #"expected integer, found string "2""#),
              Expected("/list/3/n", "/properties/list/items/properties/n/type", "expected integer, found null")]),
    ]

    @Test(arguments: cases)
    func reportsExactErrors(_ testCase: Case) throws {
        let schema = try JSONSchema(JSONParser().parse(testCase.schema))
        let instance = try JSONParser().parse(testCase.instance)
        let result = schema.validate(instance)
        #expect(result.errors.map(Expected.init) == testCase.errors)
        #expect(result.isValid == testCase.errors.isEmpty)
        #expect(schema.isValid(instance) == testCase.errors.isEmpty)
    }

    @Test func everyCaseExpectsAnError() {
        #expect(Self.cases.allSatisfy { !$0.errors.isEmpty })
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count, "case names must be unique")
    }

    // MARK: Messages about containers and empty lists

    @Test func constObjectMessageShowsBothValues() throws {
        let schema = try JSONSchema(JSONParser().parse(##"{"const": {"a": 1}}"##))
        let error = try #require(schema.validate(JSONParser().parse(##"{"a": 2}"##)).errors.first)
        #expect(error.keywordLocation == ["const"])
        #expect(error.message == ##"expected {"a":1}, found {"a":2}"##)
    }

    @Test func emptyEnumMessageSaysNothingMatches() throws {
        // `"enum": []` is a valid schema in draft 2020-12 (no minItems) that nothing matches.
        let schema = try JSONSchema(JSONParser().parse(##"{"enum": []}"##))
        let error = try #require(schema.validate(3).errors.first)
        #expect(error.keywordLocation == ["enum"])
        #expect(error.message == "expected no value at all (the enum is empty), found integer 3")
    }

    // MARK: Output formats

    @Test func basicOutputOfAValidInstance() throws {
        let schema = try JSONSchema(JSONParser().parse(##"{"type": "integer"}"##))
        #expect(JSONWriter().string(from: schema.validate(1).basicOutput) == ##"{"valid":true}"##)
        #expect(JSONWriter().string(from: try JSONSchema(true).validate(nil).basicOutput) == ##"{"valid":true}"##)
    }

    @Test func basicOutputOfAnInvalidInstance() throws {
        let schema = try JSONSchema(JSONParser().parse(
            ##"{"$defs": {"p": {"minimum": 1}}, "properties": {"a": {"$ref": "#/$defs/p"}, "b": {"type": "string"}}}"##))
        let output = schema.validate(try JSONParser().parse(##"{"a": 0, "b": 1}"##)).basicOutput
        // absoluteKeywordLocation appears only for the error reached through $ref, between the two locations.
        let expected = ##"{"valid":false,"errors":["## +
            ##"{"keywordLocation":"/properties/a/$ref/minimum","absoluteKeywordLocation":"urn:evalnorm:schema#/$defs/p/minimum","instanceLocation":"/a","error":"expected at least 1, found 0"},"## +
            ##"{"keywordLocation":"/properties/b/type","instanceLocation":"/b","error":"expected string, found integer 1"}]}"##
        #expect(JSONWriter().string(from: output) == expected)
    }

    @Test func basicOutputOfAFalseRoot() throws {
        let output = try JSONSchema(false).validate(1).basicOutput
        #expect(JSONWriter().string(from: output) == ##"{"valid":false,"errors":[{"keywordLocation":"","instanceLocation":"","error":"no value is allowed here"}]}"##)
    }

    @Test func errorDescriptions() throws {
        let schema = try JSONSchema(JSONParser().parse(
            ##"{"required": ["id"], "properties": {"a": {"type": "string"}}, "additionalProperties": false}"##))
        let result = schema.validate(try JSONParser().parse("{\"a\": 1, \"b\\u001b\": 2}"))
        #expect(result.errors.map(\.description) == [
            #"missing required property "id" (/required)"#,
            #"/a: expected string, found integer 1 (/properties/a/type)"#,
            // The raw ESC in the member name is written as \u001B, in the pointer and in the message.
            #"/b\u001B: property "b\u001b" is not allowed here (not one of the properties the schema allows) (/additionalProperties)"#,
        ])
        #expect(result.errors.allSatisfy { !$0.description.unicodeScalars.contains { $0.value < 0x20 } })
    }

    // MARK: Invalid schemas

    struct InvalidSchema: Sendable, CustomTestStringConvertible {
        var schema: String
        var code: EvalNormError.Code
        var pointer: String
        var message: String
        var testDescription: String { schema }

        init(_ schema: String, _ code: EvalNormError.Code = .invalidSchema, pointer: String, _ message: String) {
            self.schema = schema
            self.code = code
            self.pointer = pointer
            self.message = message
        }
    }

    static let invalidSchemas: [InvalidSchema] = [
        InvalidSchema(##"{"minLength": -1}"##, pointer: "/minLength", "'minLength' must be a non-negative integer, found integer -1"),
        InvalidSchema(##"{"properties": {"a": {"minLength": 1.5}}}"##, pointer: "/properties/a/minLength",
                      "'minLength' must be a non-negative integer, found number 1.5"),
        InvalidSchema(##"{"contains": {}, "minContains": -1}"##, pointer: "/minContains", "'minContains' must be a non-negative integer, found integer -1"),
        InvalidSchema(##"{"type": "strng"}"##, pointer: "/type", #"'type' must be a type name or a non-empty array of distinct type names, found string "strng""#),
        InvalidSchema(##"{"$defs": {"a": {"type": 3}}}"##, pointer: "/$defs/a/type", "'type' must be a type name or a non-empty array of distinct type names, found integer 3"),
        InvalidSchema(##"{"required": [1]}"##, pointer: "/required", "'required' must be an array of distinct strings, found array of 1 item"),
        InvalidSchema(##"{"dependentRequired": {"a": [1]}}"##, pointer: "/dependentRequired", "'dependentRequired' must be an array of distinct strings, found array of 1 item"),
        InvalidSchema(##"{"pattern": "("}"##, pointer: "/pattern", #"'pattern' "(" is not a regular expression Swift can read: expected ')'"#),
        InvalidSchema(##"{"patternProperties": {"(": {}}}"##, pointer: "/patternProperties",
                      #"'patternProperties' "(" is not a regular expression Swift can read: expected ')'"#),
        InvalidSchema(##"{"properties": 3}"##, pointer: "/properties", "'properties' must be an object, found integer 3"),
        InvalidSchema(##"{"enum": 3}"##, pointer: "/enum", "'enum' must be an array, found integer 3"),
        InvalidSchema(##"{"maximum": "1"}"##, pointer: "/maximum", #"'maximum' must be a number, found string "1""#),
        InvalidSchema(##"{"anyOf": [{"type": "string"}, {"minimum": "0"}]}"##, pointer: "/anyOf/1/minimum", #"'minimum' must be a number, found string "0""#),
        InvalidSchema(##"{"multipleOf": 0}"##, pointer: "/multipleOf", "'multipleOf' must be a number above 0, found integer 0"),
        InvalidSchema(##"{"multipleOf": -1}"##, pointer: "/multipleOf", "'multipleOf' must be a number above 0, found integer -1"),
        InvalidSchema(##"{"uniqueItems": 1}"##, pointer: "/uniqueItems", "'uniqueItems' must be a boolean, found integer 1"),
        InvalidSchema(##"{"allOf": []}"##, pointer: "/allOf", "'allOf' must be a non-empty array of schemas, found array of 0 items"),
        InvalidSchema(##"{"prefixItems": []}"##, pointer: "/prefixItems", "'prefixItems' must be a non-empty array of schemas, found array of 0 items"),
        InvalidSchema(##"{"$id": 3}"##, pointer: "/$id", "'$id' must be a URI reference without a fragment, found integer 3"),
        InvalidSchema(##"{"$ref": 3}"##, pointer: "/$ref", "'$ref' must be a string, found integer 3"),
        InvalidSchema("3", pointer: "", "A schema must be an object or a boolean, found integer 3"),
        InvalidSchema("null", pointer: "", "A schema must be an object or a boolean, found null"),
        InvalidSchema(##""{}""##, pointer: "", #"A schema must be an object or a boolean, found string "{}""#),
        InvalidSchema("[{}]", pointer: "", "A schema must be an object or a boolean, found array of 1 item"),
        InvalidSchema(##"{"not": 3}"##, pointer: "/not", "A schema must be an object or a boolean, found integer 3"),
        InvalidSchema(##"{"additionalProperties": "no"}"##, pointer: "/additionalProperties", #"A schema must be an object or a boolean, found string "no""#),
        // Draft 2019-09's array form of items is gone in 2020-12 (prefixItems took its place).
        InvalidSchema(##"{"items": [{}]}"##, pointer: "/items", "A schema must be an object or a boolean, found array of 1 item"),
        InvalidSchema(##"{"$ref": "#/nope"}"##, .unresolvedReference, pointer: "/$ref",
                      "Cannot resolve reference 'urn:evalnorm:schema#/nope': no such schema in the document or the registry"),
        InvalidSchema(##"{"$ref": "#foo"}"##, .unresolvedReference, pointer: "/$ref",
                      "Cannot resolve reference 'urn:evalnorm:schema#foo': no such schema in the document or the registry"),
        InvalidSchema(##"{"$ref": "https://nowhere.example/x.json"}"##, .unresolvedReference, pointer: "/$ref",
                      "Cannot resolve reference 'https://nowhere.example/x.json': no such schema in the document or the registry"),
        // A broken $ref is an error even where nothing uses it.
        InvalidSchema(##"{"$defs": {"x": {"$ref": "#/$defs/y"}}}"##, .unresolvedReference, pointer: "/$defs/x/$ref",
                      "Cannot resolve reference 'urn:evalnorm:schema#/$defs/y': no such schema in the document or the registry"),
    ]

    @Test(arguments: invalidSchemas)
    func rejectsInvalidSchema(_ testCase: InvalidSchema) throws {
        let value = try JSONParser().parse(testCase.schema)
        let error = #expect(throws: EvalNormError.self) { try JSONSchema(value) }
        #expect(error?.code == testCase.code)
        #expect(error?.pointer.description == testCase.pointer)
        #expect(error?.message == testCase.message)
    }

    static func nested(_ keyword: String, depth: Int) -> String {
        String(repeating: "{\"\(keyword)\": ", count: depth) + "true" + String(repeating: "}", count: depth)
    }

    /// Compiling recurses once per level of subschemas, so the deep cases run on a thread with a
    /// 16 MiB stack: in a debug build, compiling 256 levels takes more than 4 MiB, more than a
    /// Swift concurrency thread may have (512 KiB on Apple platforms).
    @Test(arguments: ["not", "items", "additionalProperties"])
    func rejectsSchemasNestedMoreThan256Deep(keyword: String) throws {
        let tooDeep = try JSONParser().parse(Self.nested(keyword, depth: 257))
        let deepest = try JSONParser().parse(Self.nested(keyword, depth: 256))
        let (error, compiled) = onLargeStack { () -> (EvalNormError?, JSONSchema?) in
            var error: EvalNormError?
            do throws(EvalNormError) { _ = try JSONSchema(tooDeep) } catch let caught { error = caught }
            return (error, try? JSONSchema(deepest))
        }
        #expect(error?.code == .depthLimitExceeded)
        #expect(error?.pointer == JSONPointer(tokens: Array(repeating: keyword, count: 257)))
        #expect(error?.message == "Subschemas are nested more than 256 deep")
        // One level less is fine (256 nots around true make true).
        let schema = try #require(compiled)
        #expect(onLargeStack { schema.validate(1).isValid && schema.isValid(1) })
    }

    @Test func unknownBundledSchema() {
        let error = #expect(throws: EvalNormError.self) { try JSONSchema.bundled(named: "nope") }
        #expect(error?.code == .unresolvedReference)
        #expect(error?.pointer.isRoot == true)
        #expect(error?.message == "No bundled schema named 'nope' (known: \(BundledSchemas.names.joined(separator: ", ")))")
    }

    /// Schemas on the edge of draft 2020-12's meta-schema: EvalNorm compiles exactly those it accepts.
    struct MetaSchemaCase: Sendable, CustomTestStringConvertible {
        var schema: String
        var isValidSchema: Bool
        var why: String
        var testDescription: String { schema }
    }

    static let metaSchemaEdges: [MetaSchemaCase] = [
        MetaSchemaCase(schema: ##"{"type": []}"##, isValidSchema: false,
                       why: "validation meta-schema: type as an array has minItems 1"),
        MetaSchemaCase(schema: ##"{"type": ["string", "string"]}"##, isValidSchema: false,
                       why: "validation meta-schema: type as an array has uniqueItems true"),
        MetaSchemaCase(schema: ##"{"required": ["a", "a"]}"##, isValidSchema: false,
                       why: "validation meta-schema: required is a stringArray, which has uniqueItems true"),
        MetaSchemaCase(schema: ##"{"$anchor": "a b"}"##, isValidSchema: false,
                       why: "core meta-schema: $anchor must match ^[A-Za-z_][-A-Za-z0-9._]*$"),
        MetaSchemaCase(schema: ##"{"$id": "https://example.com/a.json#frag"}"##, isValidSchema: false,
                       why: "core meta-schema: $id must match ^[^#]*#?$ (no non-empty fragment)"),
        MetaSchemaCase(schema: ##"{"minLength": -0}"##, isValidSchema: true,
                       why: "validation meta-schema: nonNegativeInteger is {type: integer, minimum: 0}, and -0 is 0"),
    ]

    @Test(arguments: metaSchemaEdges)
    func metaSchemaRules(_ testCase: MetaSchemaCase) throws {
        let value = try JSONParser().parse(testCase.schema)
        let compiles = (try? JSONSchema(value)) != nil
        #expect(compiles == testCase.isValidSchema, Comment(rawValue: testCase.why))
    }
}
