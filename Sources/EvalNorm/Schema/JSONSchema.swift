/// A compiled JSON Schema (draft 2020-12), ready to validate any number of instances, from any
/// number of threads.
///
/// ```swift
/// let schema = try JSONSchema(JSONParser().parse(#"{"type": "object", "required": ["id"]}"#))
/// let result = schema.validate(try JSONParser().parse(#"{"name": "x"}"#))
/// result.errors.first?.description   // "/: missing required property "id" (/required)"
/// ```
///
/// Supported: the core, applicator, validation, unevaluated, format-annotation and
/// format-assertion vocabularies — every keyword of draft 2020-12 except the content vocabulary
/// (`contentMediaType` and friends are annotations) and `$vocabulary` (custom meta-schemas are not
/// read). Numbers are compared exactly by their digits (`multipleOf: 0.1` accepts `0.3`), string
/// lengths count Unicode code points, and `pattern` follows ECMA-262 as far as Swift's `Regex`
/// allows (see ``SchemaPattern``). `$ref`s resolve within the schema and against a
/// ``SchemaRegistry``; nothing is fetched from the network.
public struct JSONSchema: Sendable {
    private let program: SchemaProgram
    /// How ``validate(_:)`` treats `format`.
    public let options: ValidationOptions

    /// Compiles `schema`.
    ///
    /// - Parameters:
    ///   - baseURI: the schema's URI when it has no `$id`, against which relative `$ref`s resolve.
    ///   - registry: documents that `$ref`s may name; the bundled schemas by default.
    /// - Throws: ``EvalNormError`` with code ``EvalNormError/Code/invalidSchema`` (and the pointer of
    ///   the offending keyword in the schema) when the schema breaks draft 2020-12's rules,
    ///   ``EvalNormError/Code/unresolvedReference`` when a `$ref` names nothing known, or
    ///   ``EvalNormError/Code/depthLimitExceeded`` for subschemas nested more than 256 deep.
    public init(_ schema: JSONValue, baseURI: String = JSONSchema.defaultBaseURI, registry: SchemaRegistry = SchemaRegistry(),
                options: ValidationOptions = ValidationOptions()) throws(EvalNormError) {
        var compiler = SchemaCompiler(registry: registry)
        try compiler.compileRoot(schema, baseURI: baseURI)
        self.program = compiler.program
        self.options = options
    }

    /// The base URI of a schema without `$id` when none is given.
    public static let defaultBaseURI = "urn:evalnorm:schema"

    /// The bundled schema `name` (see ``BundledSchemas/names``), compiled.
    ///
    /// - Throws: ``EvalNormError`` with code ``EvalNormError/Code/unresolvedReference`` for an
    ///   unknown name.
    public static func bundled(named name: String, options: ValidationOptions = ValidationOptions()) throws(EvalNormError) -> JSONSchema {
        guard let schema = BundledSchemas.schema(named: name) else {
            let known = BundledSchemas.names.joined(separator: ", ")
            throw EvalNormError(.unresolvedReference, "No bundled schema named '\(name)' (known: \(known))")
        }
        return try JSONSchema(schema, options: options)
    }

    /// Validates `instance`, collecting every error.
    ///
    /// A schema that recurses without consuming the instance (2,048 levels), or an instance too deep
    /// for the calling thread's stack, ends validation with an error saying so: the instance is then
    /// reported invalid, never valid by accident.
    public func validate(_ instance: JSONValue) -> ValidationResult {
        var evaluator = SchemaEvaluator(program: program, assertsFormat: options.assertsFormat)
        _ = evaluator.evaluateRoot(instance, report: true)
        return ValidationResult(errors: evaluator.errors)
    }

    /// Whether `instance` is valid; faster than ``validate(_:)`` since it stops at the first error.
    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluator = SchemaEvaluator(program: program, assertsFormat: options.assertsFormat)
        return evaluator.evaluateRoot(instance, report: false)
    }
}

/// Options for ``JSONSchema`` validation.
public struct ValidationOptions: Sendable, Equatable {
    /// Whether `format` is asserted (an invalid `date-time` is an error) rather than only an
    /// annotation, as draft 2020-12 has it by default. See ``FormatChecker`` for the formats checked.
    public var assertsFormat: Bool

    public init(assertsFormat: Bool = false) {
        self.assertsFormat = assertsFormat
    }
}
