import EvalNorm
import Testing

/// Validation of the deepest documents the parser accepts, with schemas that recurse along them,
/// on a 512 KiB thread stack: nothing may overflow it.
struct DeepValidationTests {
    static let schemas = [
        ##"{"items": {"$ref": "#"}}"##,
        ##"{"anyOf": [{"type": "integer"}, {"type": "array", "items": {"$ref": "#"}}]}"##,
        ##"{"properties": {"a": {"$ref": "#"}}, "unevaluatedProperties": false}"##,
        ##"{"$defs": {"n": {"oneOf": [{"type": "array", "prefixItems": [{"$ref": "#/$defs/n"}]}, {"type": "integer"}]}}, "$ref": "#/$defs/n"}"##,
    ]

    @Test(arguments: schemas)
    func deepestDocumentsValidateOnASmallStack(schemaText: String) {
        let outcome = OnSmallStack.run {
            do {
                let schema = try JSONSchema(JSONParser().parse(schemaText))
                let depth = JSONParser().maxDepth
                let array = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
                let object = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
                let results = try [array, object].map { try schema.validate(JSONParser().parse($0)) }
                return results.map { "\($0.isValid)" }.joined(separator: " ")
            } catch {
                return "error: \(error)"
            }
        }
        #expect(!outcome.hasPrefix("error"), "\(outcome)")
    }

    @Test func aSchemaThatRecursesWithoutConsumingInputGivesAnError() throws {
        let schema = try JSONSchema(JSONParser().parse(##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##))
        let onLargeStack = OnSmallStack.run(stackSize: 64 << 20) {
            schema.validate(.array([])).errors.map(\.message).joined(separator: "\n")
        }
        #expect(onLargeStack == "the schema recurses more than 2048 levels deep here without reaching a result")
        let onSmallStack = OnSmallStack.run {
            schema.validate(.array([])).errors.map(\.message).joined(separator: "\n")
        }
        #expect(onSmallStack.hasPrefix("too deeply nested to validate on this thread's stack ("))
    }

    @Test(arguments: [250, 300])
    func deeplyNestedSchemasCompileOrFailOnASmallStack(depth: Int) {
        let outcome = OnSmallStack.run {
            let text = String(repeating: #"{"items": "#, count: depth) + "true" + String(repeating: "}", count: depth)
            do throws(EvalNormError) {
                _ = try JSONSchema(JSONParser().parse(text))
                return "compiled"
            } catch {
                return "\(error.code): \(error.message)"
            }
        }
        // Debug builds use more stack per level than release builds, so a small stack may end
        // compilation before the depth limit does; either way it is an error, not a crash.
        let errors = ["json.depthLimitExceeded: Subschemas are nested more than 256 deep",
                      "json.depthLimitExceeded: Subschemas are nested too deeply to compile on this thread's stack"]
        #expect(depth <= 256 && outcome == "compiled" || errors.contains { outcome.hasPrefix($0) }, "\(outcome)")
    }
}
