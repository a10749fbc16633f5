import EvalNorm
import Testing

/// The compiled program keeps every keyword's names, values, numbers, patterns and subschema lists
/// in shared tables, as runs; a node's keywords are stored after those of its subschemas. These
/// tests nest keywords that use each table inside one another, so that a run read at the wrong
/// offset would name the wrong property, value or bound.
struct SchemaProgramTablesTests {
    static let schema = ##"""
    {
      "type": "object",
      "required": ["outer", "kind"],
      "properties": {
        "outer": {
          "type": "object",
          "required": ["inner"],
          "properties": {
            "inner": {"enum": ["x", "y"], "minimum": 5},
            "list": {"prefixItems": [{"const": "first"}, {"type": "integer", "maximum": 9}], "items": false}
          },
          "patternProperties": {"^p-": {"type": "boolean"}},
          "dependentRequired": {"inner": ["partner"]}
        },
        "kind": {"anyOf": [{"const": "a"}, {"enum": [1, 2]}]}
      },
      "dependentSchemas": {"kind": {"required": ["why"]}},
      "enum": [null, {"never": true}, {"outer": {"inner": "x", "partner": 0}, "kind": "a", "why": 1}]
    }
    """##

    @Test func nestedRunsNameTheirOwnEntries() throws {
        let schema = try JSONSchema(JSONParser().parse(Self.schema))
        let instance = try JSONParser().parse(
            ##"{"outer": {"inner": "z", "list": ["second", 10, 1], "p-flag": 1}, "kind": 3}"##)
        let errors = schema.validate(instance).errors.map { "\($0.instanceLocation) \($0.keywordLocation): \($0.message)" }
        // Checks come before in-place applicators, which come before `properties`, at each level.
        #expect(errors == [
            #" /enum: expected one of null, {"never":true}, {"outer":{"inner":"x","partner":0},"kind":"a","why":1}, found object"#,
            #" /dependentSchemas/kind/required: missing required property "why""#,
            #"/outer /properties/outer/dependentRequired: missing property "partner", required when "inner" is present"#,
            #"/outer/inner /properties/outer/properties/inner/enum: expected one of "x", "y", found string "z""#,
            #"/outer/list/0 /properties/outer/properties/list/prefixItems/0/const: expected "first", found string "second""#,
            "/outer/list/1 /properties/outer/properties/list/prefixItems/1/maximum: expected at most 9, found 10",
            "/outer/list /properties/outer/properties/list/items: expected at most 2 items, found 3",
            "/outer/p-flag /properties/outer/patternProperties/^p-/type: expected boolean, found integer 1",
            #"/kind /properties/kind/anyOf: expected "a" or one of 1, 2, found integer 3"#,
        ])
        let valid = try JSONParser().parse(##"{"outer": {"inner": "x", "partner": 0}, "kind": "a", "why": 1}"##)
        #expect(schema.validate(valid).isValid)
        #expect(schema.isValid(valid))
    }
}
