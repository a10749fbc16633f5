/// Turns a schema document into a ``SchemaProgram``.
///
/// Compilation runs in two phases. The first walks the document and compiles every subschema under
/// a known keyword, checking each keyword's value, recording every node under its location
/// (`URI#/json/pointer`, once for each enclosing resource), every `$anchor` and `$dynamicAnchor`,
/// and every `$ref`/`$dynamicRef` as a pending slot. The second, the linker, resolves the slots:
/// to a recorded node, to a node compiled on demand (a pointer into a part of a document that no
/// keyword made a schema, such as `#/definitions/a`), or to a registered document compiled whole.
/// Resolving may compile more references; the linker runs until none is left.
struct SchemaCompiler {
    private(set) var program = SchemaProgram()
    private let registry: SchemaRegistry
    private var locations: [String: Int] = [:]
    private var anchors: [String: Int] = [:]
    private var documents: [String: JSONValue] = [:]
    private var resourceIndex: [String: Int] = [:]
    private var pending: [PendingReference] = []
    private var stack = StackGuard()

    /// Subschemas nested deeper than this make the schema invalid (it protects the stack).
    static let maxDepth = 256

    private struct PendingReference {
        var slot: Int
        var target: String
        var schemaPointer: JSONPointer
    }

    /// Where a subschema is: the chain of enclosing resources, each with the pointer from its root.
    private struct Scope {
        var uri: String
        var resource: Int
        var tokens: [String]
    }

    init(registry: SchemaRegistry) {
        self.registry = registry
    }

    /// Compiles `schema`, whose base URI is `baseURI` unless it has an `$id`, and links it.
    mutating func compileRoot(_ schema: JSONValue, baseURI: String) throws(EvalNormError) {
        program.root = try compileDocument(schema, uri: baseURI)
        try link()
    }

    private mutating func compileDocument(_ document: JSONValue, uri: String) throws(EvalNormError) -> Int {
        let resource = addResource(uri, document: document)
        return try compile(document, scopes: [Scope(uri: uri, resource: resource, tokens: [])], depth: 0)
    }

    private mutating func addResource(_ uri: String, document: JSONValue) -> Int {
        if let existing = resourceIndex[uri] { return existing }
        program.resources.append(SchemaResource(uri: uri))
        resourceIndex[uri] = program.resources.count - 1
        documents[uri] = document
        return program.resources.count - 1
    }

    // MARK: Phase 1: compiling subschemas

    private mutating func compile(_ value: JSONValue, scopes: [Scope], depth: Int) throws(EvalNormError) -> Int {
        var scopes = scopes
        let pointer = JSONPointer(tokens: scopes[0].tokens)
        guard depth <= SchemaCompiler.maxDepth else {
            throw EvalNormError(.depthLimitExceeded, "Subschemas are nested more than \(SchemaCompiler.maxDepth) deep", pointer: pointer)
        }
        guard !stack.isExhausted(atDepth: depth) else {
            throw EvalNormError(.depthLimitExceeded, "Subschemas are nested too deeply to compile on this thread's stack (\(depth) levels); compile on a thread with a larger stack", pointer: pointer)
        }
        let object: JSONObject
        switch value {
        case .bool(let flag):
            return register(SchemaNode(constant: flag, resource: scopes[scopes.count - 1].resource), scopes: scopes)
        case .object(let members):
            object = members
        default:
            throw EvalNormError(.invalidSchema, "A schema must be an object or a boolean, found \(InstanceDescription.describe(value))", pointer: pointer)
        }
        if let id = object["$id"] {
            guard let text = id.stringValue, URIReference(text).fragment?.isEmpty ?? true else {
                throw invalid("$id", "a URI reference without a fragment", id, scopes)
            }
            let uri = URIReference(text).resolved(against: URIReference(scopes[scopes.count - 1].uri)).withoutFragment.text
            if uri != scopes[scopes.count - 1].uri {
                let resource = addResource(uri, document: value)
                scopes.append(Scope(uri: uri, resource: resource, tokens: []))
            }
        }
        let scope = scopes[scopes.count - 1]
        let index = register(SchemaNode(resource: scope.resource), scopes: scopes)
        if let anchor = object["$anchor"] {
            guard let name = anchor.stringValue, SchemaCompiler.isAnchorName(name) else {
                throw invalid("$anchor", "a name (a letter or '_', then letters, digits, '-', '_' or '.')", anchor, scopes)
            }
            anchors[scope.uri + "#" + name] = index
        }
        if let anchor = object["$dynamicAnchor"] {
            guard let name = anchor.stringValue, SchemaCompiler.isAnchorName(name) else {
                throw invalid("$dynamicAnchor", "a name (a letter or '_', then letters, digits, '-', '_' or '.')", anchor, scopes)
            }
            anchors[scope.uri + "#" + name] = index
            program.resources[scope.resource].dynamicAnchors[name] = index
        }
        var builder = KeywordBuilder(object: object)
        try compileKeywords(&builder, scopes: scopes, depth: depth)
        // The subschemas' keywords are in the table already: this node's follow them in one run.
        program.nodes[index].keywords = SchemaProgram.append(builder.ordered, to: &program.keywords)
        program.nodes[index].needsAnnotations = builder.hasUnevaluated
        if builder.ordered.isEmpty { program.nodes[index].constant = true }
        return index
    }

    /// Appends `node`, records it under its location in every enclosing resource, returns its index.
    private mutating func register(_ node: SchemaNode, scopes: [Scope]) -> Int {
        let innermost = scopes[scopes.count - 1]
        program.locations.append(innermost.uri + "#" + JSONPointer(tokens: innermost.tokens).description)
        program.nodes.append(node)
        let index = program.nodes.count - 1
        for scope in scopes {
            let key = scope.uri + "#" + JSONPointer(tokens: scope.tokens).description
            if locations[key] == nil { locations[key] = index }
        }
        return index
    }

    /// The keywords of one schema object, collected in evaluation order.
    private struct KeywordBuilder {
        let object: JSONObject
        var references: [SchemaKeyword] = []
        var checks: [SchemaKeyword] = []
        var applicators: [SchemaKeyword] = []
        var unevaluated: [SchemaKeyword] = []
        var hasUnevaluated: Bool { !unevaluated.isEmpty }
        var ordered: [SchemaKeyword] { references + checks + applicators + unevaluated }
    }

    /// Compiles the keywords of one schema object. Each vocabulary has its own function, which keeps
    /// the stack frame of each level of nested subschemas small (debug builds give every local of a
    /// function its own slot).
    private mutating func compileKeywords(_ builder: inout KeywordBuilder, scopes: [Scope], depth: Int) throws(EvalNormError) {
        try compileCore(&builder, scopes: scopes, depth: depth)
        try compileValidation(&builder, scopes: scopes)
        try compileInPlaceApplicators(&builder, scopes: scopes, depth: depth)
        try compileObjectApplicators(&builder, scopes: scopes, depth: depth)
        try compileArrayApplicators(&builder, scopes: scopes, depth: depth)
        try compileUnevaluated(&builder, scopes: scopes, depth: depth)
    }

    /// `$ref`, `$dynamicRef` and `$defs`.
    private mutating func compileCore(_ builder: inout KeywordBuilder, scopes: [Scope], depth: Int) throws(EvalNormError) {
        let object = builder.object
        let scope = scopes[scopes.count - 1]
        for keyword in ["$ref", "$dynamicRef"] {
            guard let value = object[keyword] else { continue }
            guard let text = value.stringValue else { throw invalid(keyword, "a string", value, scopes) }
            let target = URIReference(text).resolved(against: URIReference(scope.uri))
            let slot = program.referenceTargets.count
            program.referenceTargets.append(-1)
            pending.append(PendingReference(slot: slot, target: target.text, schemaPointer: JSONPointer(tokens: scopes[0].tokens + [keyword])))
            if keyword == "$ref" {
                builder.references.append(.reference(slot: slot))
            } else {
                let fragment = target.fragment ?? ""
                let anchor = fragment.isEmpty || fragment.hasPrefix("/") ? nil : fragment
                builder.references.append(.dynamicReference(slot: slot, anchor: anchor.map { SchemaProgram.append($0, to: &program.strings) }))
            }
        }
        if let defs = object["$defs"] {
            guard let members = defs.objectValue else { throw invalid("$defs", "an object", defs, scopes) }
            for member in members {
                _ = try compile(member.value, scopes: SchemaCompiler.subscopes(scopes, "$defs", member.key), depth: depth + 1)
            }
        }
    }

    /// The validation and format vocabularies: no subschemas.
    private mutating func compileValidation(_ builder: inout KeywordBuilder, scopes: [Scope]) throws(EvalNormError) {
        let object = builder.object
        if let value = object["type"] {
            let names = (value.arrayValue ?? [value]).compactMap(\.stringValue)
            let allowed = try types(value, scopes)
            builder.checks.append(.type(allowed, names: SchemaProgram.append(names.joined(separator: " or "), to: &program.strings)))
        }
        if let value = object["enum"] {
            guard let values = value.arrayValue else { throw invalid("enum", "an array", value, scopes) }
            builder.checks.append(.enumeration(SchemaProgram.append(values, to: &program.values)))
        }
        if let value = object["const"] {
            builder.checks.append(.constant(SchemaProgram.append(value, to: &program.values)))
        }
        if let value = object["multipleOf"] {
            guard let number = value.numberValue, ExactDecimal(number).compare(to: ExactDecimal(0)) > 0 else {
                throw invalid("multipleOf", "a number above 0", value, scopes)
            }
            builder.checks.append(.multipleOf(SchemaProgram.append(SchemaNumber(exact: ExactDecimal(number), lexeme: number), to: &program.numbers)))
        }
        for bound in [NumericBound.minimum, .exclusiveMinimum, .maximum, .exclusiveMaximum] {
            guard let value = object[bound.keyword] else { continue }
            guard let number = value.numberValue else { throw invalid(bound.keyword, "a number", value, scopes) }
            builder.checks.append(.bound(bound, SchemaProgram.append(SchemaNumber(exact: ExactDecimal(number), lexeme: number), to: &program.numbers)))
        }
        for bound in [SizeBound.minLength, .maxLength, .minItems, .maxItems, .minProperties, .maxProperties] {
            guard let value = object[bound.keyword] else { continue }
            builder.checks.append(.size(bound, try count(bound.keyword, value, scopes)))
        }
        if let value = object["pattern"] {
            let compiled = try pattern("pattern", value, scopes)
            builder.checks.append(.pattern(SchemaProgram.append(compiled, to: &program.patterns)))
        }
        if let value = object["uniqueItems"] {
            guard let flag = value.boolValue else { throw invalid("uniqueItems", "a boolean", value, scopes) }
            if flag { builder.checks.append(.uniqueItems) }
        }
        if let value = object["required"] {
            let names = try strings("required", value, scopes)
            builder.checks.append(.required(SchemaProgram.append(names, to: &program.strings)))
        }
        if let value = object["dependentRequired"] {
            guard let members = value.objectValue else { throw invalid("dependentRequired", "an object", value, scopes) }
            var dependencies: [RequiredDependency] = []
            for member in members {
                let required = try strings("dependentRequired", member.value, scopes)
                dependencies.append(RequiredDependency(property: SchemaProgram.append(member.key, to: &program.strings),
                                                       required: SchemaProgram.append(required, to: &program.strings)))
            }
            builder.checks.append(.dependentRequired(SchemaProgram.append(dependencies, to: &program.dependencies)))
        }
        if let value = object["format"] {
            guard let name = value.stringValue else { throw invalid("format", "a string", value, scopes) }
            builder.checks.append(.format(SchemaProgram.append(name, to: &program.strings)))
        }
    }

    /// `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else` and `dependentSchemas`.
    private mutating func compileInPlaceApplicators(_ builder: inout KeywordBuilder, scopes: [Scope], depth: Int) throws(EvalNormError) {
        let object = builder.object
        for keyword in ["allOf", "anyOf", "oneOf"] {
            guard let value = object[keyword] else { continue }
            guard let elements = value.arrayValue, !elements.isEmpty else {
                throw invalid(keyword, "a non-empty array of schemas", value, scopes)
            }
            var nodes: [Int] = []
            for (offset, element) in elements.enumerated() {
                nodes.append(try compile(element, scopes: SchemaCompiler.subscopes(scopes, keyword, String(offset)), depth: depth + 1))
            }
            let list = SchemaProgram.append(nodes, to: &program.nodeLists)
            builder.applicators.append(keyword == "allOf" ? .allOf(list) : keyword == "anyOf" ? .anyOf(list) : .oneOf(list))
        }
        if let value = object["not"] {
            builder.applicators.append(.not(try compile(value, scopes: SchemaCompiler.subscopes(scopes, "not"), depth: depth + 1)))
        }
        if let value = object["if"] {
            let condition = try compile(value, scopes: SchemaCompiler.subscopes(scopes, "if"), depth: depth + 1)
            let then = try object["then"].map { (value) throws(EvalNormError) in try compile(value, scopes: SchemaCompiler.subscopes(scopes, "then"), depth: depth + 1) }
            let otherwise = try object["else"].map { (value) throws(EvalNormError) in try compile(value, scopes: SchemaCompiler.subscopes(scopes, "else"), depth: depth + 1) }
            builder.applicators.append(.conditional(if: condition, then: then, else: otherwise))
        } else {
            // `then` and `else` without `if` do nothing, but `$ref`s may still point into them.
            for keyword in ["then", "else"] {
                if let value = object[keyword] { _ = try compile(value, scopes: SchemaCompiler.subscopes(scopes, keyword), depth: depth + 1) }
            }
        }
        if let value = object["dependentSchemas"] {
            guard let members = value.objectValue else { throw invalid("dependentSchemas", "an object", value, scopes) }
            var dependencies: [KeyedNode] = []
            for member in members {
                let node = try compile(member.value, scopes: SchemaCompiler.subscopes(scopes, "dependentSchemas", member.key), depth: depth + 1)
                dependencies.append(KeyedNode(key: SchemaProgram.append(member.key, to: &program.strings), node: node))
            }
            builder.applicators.append(.dependentSchemas(SchemaProgram.append(dependencies, to: &program.keyedNodes)))
        }
    }

    /// `properties`, `patternProperties`, `additionalProperties` and `propertyNames`.
    private mutating func compileObjectApplicators(_ builder: inout KeywordBuilder, scopes: [Scope], depth: Int) throws(EvalNormError) {
        let object = builder.object
        if object["properties"] != nil || object["patternProperties"] != nil || object["additionalProperties"] != nil {
            var applicators = PropertyApplicators()
            if let value = object["properties"] {
                guard let members = value.objectValue else { throw invalid("properties", "an object", value, scopes) }
                var properties: [KeyedNode] = []
                for member in members {
                    let node = try compile(member.value, scopes: SchemaCompiler.subscopes(scopes, "properties", member.key), depth: depth + 1)
                    properties.append(KeyedNode(key: SchemaProgram.append(member.key, to: &program.strings), node: node))
                }
                applicators.properties = SchemaProgram.append(properties, to: &program.keyedNodes)
            }
            if let value = object["patternProperties"] {
                guard let members = value.objectValue else { throw invalid("patternProperties", "an object", value, scopes) }
                var patterns: [KeyedNode] = []
                for member in members {
                    let compiled = try pattern("patternProperties", .string(member.key), scopes)
                    let node = try compile(member.value, scopes: SchemaCompiler.subscopes(scopes, "patternProperties", member.key), depth: depth + 1)
                    patterns.append(KeyedNode(key: SchemaProgram.append(compiled, to: &program.patterns), node: node))
                }
                applicators.patterns = SchemaProgram.append(patterns, to: &program.keyedNodes)
            }
            if let value = object["additionalProperties"] {
                applicators.additional = try compile(value, scopes: SchemaCompiler.subscopes(scopes, "additionalProperties"), depth: depth + 1)
            }
            builder.applicators.append(.properties(applicators))
        }
        if let value = object["propertyNames"] {
            builder.applicators.append(.propertyNames(try compile(value, scopes: SchemaCompiler.subscopes(scopes, "propertyNames"), depth: depth + 1)))
        }
    }

    /// `prefixItems`, `items` and `contains` (with `minContains`/`maxContains`).
    private mutating func compileArrayApplicators(_ builder: inout KeywordBuilder, scopes: [Scope], depth: Int) throws(EvalNormError) {
        let object = builder.object
        if object["prefixItems"] != nil || object["items"] != nil {
            var prefix: [Int] = []
            if let value = object["prefixItems"] {
                guard let elements = value.arrayValue, !elements.isEmpty else {
                    throw invalid("prefixItems", "a non-empty array of schemas", value, scopes)
                }
                for (offset, element) in elements.enumerated() {
                    prefix.append(try compile(element, scopes: SchemaCompiler.subscopes(scopes, "prefixItems", String(offset)), depth: depth + 1))
                }
            }
            let rest = try object["items"].map { (value) throws(EvalNormError) in try compile(value, scopes: SchemaCompiler.subscopes(scopes, "items"), depth: depth + 1) }
            builder.applicators.append(.items(prefix: SchemaProgram.append(prefix, to: &program.nodeLists), rest: rest))
        }
        if let value = object["contains"] {
            let node = try compile(value, scopes: SchemaCompiler.subscopes(scopes, "contains"), depth: depth + 1)
            let minimum = try object["minContains"].map { (value) throws(EvalNormError) in try count("minContains", value, scopes) } ?? 1
            let maximum = try object["maxContains"].map { (value) throws(EvalNormError) in try count("maxContains", value, scopes) }
            builder.applicators.append(.contains(node, minimum: minimum, maximum: maximum))
        }
    }

    /// `unevaluatedItems` and `unevaluatedProperties`: evaluated last, after every annotation is known.
    private mutating func compileUnevaluated(_ builder: inout KeywordBuilder, scopes: [Scope], depth: Int) throws(EvalNormError) {
        let object = builder.object
        if let value = object["unevaluatedItems"] {
            builder.unevaluated.append(.unevaluatedItems(try compile(value, scopes: SchemaCompiler.subscopes(scopes, "unevaluatedItems"), depth: depth + 1)))
        }
        if let value = object["unevaluatedProperties"] {
            builder.unevaluated.append(.unevaluatedProperties(try compile(value, scopes: SchemaCompiler.subscopes(scopes, "unevaluatedProperties"), depth: depth + 1)))
        }
    }

    /// `scopes` one level down, at `tokens` below the current subschema.
    private static func subscopes(_ scopes: [Scope], _ tokens: String...) -> [Scope] {
        scopes.map { Scope(uri: $0.uri, resource: $0.resource, tokens: $0.tokens + tokens) }
    }

    // MARK: Keyword values

    private func invalid(_ keyword: String, _ expected: String, _ value: JSONValue, _ scopes: [Scope]) -> EvalNormError {
        EvalNormError(.invalidSchema, "'\(keyword)' must be \(expected), found \(InstanceDescription.describe(value))",
                      pointer: JSONPointer(tokens: scopes[0].tokens + [keyword]))
    }

    private func types(_ value: JSONValue, _ scopes: [Scope]) throws(EvalNormError) -> SchemaTypes {
        let names: [JSONValue] = value.arrayValue ?? [value]
        var types: SchemaTypes = []
        for name in names {
            guard let text = name.stringValue, let type = SchemaTypes.names.first(where: { $0.0 == text })?.1,
                  !types.contains(type) else {
                throw invalid("type", "a type name or a non-empty array of distinct type names", value, scopes)
            }
            types.insert(type)
        }
        guard !types.isEmpty else { throw invalid("type", "a type name or a non-empty array of distinct type names", value, scopes) }
        return types
    }

    /// `$anchor` and `$dynamicAnchor` names: `^[A-Za-z_][-A-Za-z0-9._]*$`.
    private static func isAnchorName(_ name: String) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") }
        guard let first = name.utf8.first, isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return name.utf8.allSatisfy { isLetter($0) || $0.isDigit || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    private func count(_ keyword: String, _ value: JSONValue, _ scopes: [Scope]) throws(EvalNormError) -> Int {
        guard let number = value.numberValue, number.isIntegral, !ExactDecimal(number).isNegative else {
            throw invalid(keyword, "a non-negative integer", value, scopes)
        }
        // 10.0 and 1e2 are integers too; anything beyond Int's range is no bound in practice.
        let decimal = ExactDecimal(number)
        if decimal.digits.count + decimal.exponent > 18 { return Int.max }
        var result = 0
        for digit in decimal.digits { result = result * 10 + Int(digit) }
        for _ in 0..<max(decimal.exponent, 0) { result *= 10 }
        return result
    }

    /// The value of `required` or a `dependentRequired` entry: distinct strings.
    private func strings(_ keyword: String, _ value: JSONValue, _ scopes: [Scope]) throws(EvalNormError) -> [String] {
        guard let elements = value.arrayValue else { throw invalid(keyword, "an array of distinct strings", value, scopes) }
        var result: [String] = []
        for element in elements {
            guard let text = element.stringValue, !result.contains(where: { $0.isExactly(text) }) else {
                throw invalid(keyword, "an array of distinct strings", value, scopes)
            }
            result.append(text)
        }
        return result
    }

    private func pattern(_ keyword: String, _ value: JSONValue, _ scopes: [Scope]) throws(EvalNormError) -> SchemaPattern {
        guard let text = value.stringValue else { throw invalid(keyword, "a string", value, scopes) }
        do {
            return try SchemaPattern(text)
        } catch {
            throw EvalNormError(.invalidSchema, "'\(keyword)' \(InstanceDescription.quoted(text)) is not a regular expression Swift can read: \(error)",
                                pointer: JSONPointer(tokens: scopes[0].tokens + [keyword]))
        }
    }

    // MARK: The meta-schema

    /// The draft 2020-12 meta-schema and its vocabulary meta-schemas, which EvalNorm does not ship:
    /// a reference to one is checked by compiling the instance as a schema, which applies the same
    /// rules (unknown keywords allowed, known keywords checked).
    static let metaSchemaURIs: Set<String> = [
        "https://json-schema.org/draft/2020-12/schema",
        "https://json-schema.org/draft/2020-12/meta/core",
        "https://json-schema.org/draft/2020-12/meta/applicator",
        "https://json-schema.org/draft/2020-12/meta/unevaluated",
        "https://json-schema.org/draft/2020-12/meta/validation",
        "https://json-schema.org/draft/2020-12/meta/meta-data",
        "https://json-schema.org/draft/2020-12/meta/format-annotation",
        "https://json-schema.org/draft/2020-12/meta/content",
    ]

    private mutating func metaSchemaNode(uri: String) -> Int {
        if let node = locations[uri + "#"] { return node }
        program.resources.append(SchemaResource(uri: uri))
        resourceIndex[uri] = program.resources.count - 1
        let keywords = SchemaProgram.append([SchemaKeyword.isSchema], to: &program.keywords)
        program.nodes.append(SchemaNode(keywords: keywords, resource: program.resources.count - 1))
        program.locations.append(uri + "#")
        locations[uri + "#"] = program.nodes.count - 1
        return program.nodes.count - 1
    }

    /// Why `value` is not a draft 2020-12 schema, or `nil` when it is. References are not
    /// followed: the meta-schema does not check that they resolve.
    static func schemaError(in value: JSONValue) -> EvalNormError? {
        var compiler = SchemaCompiler(registry: SchemaRegistry(bundled: false))
        do {
            _ = try compiler.compileDocument(value, uri: JSONSchema.defaultBaseURI)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Phase 2: linking references

    private mutating func link() throws(EvalNormError) {
        while let reference = pending.popLast() {
            guard let node = try resolve(reference.target) else {
                throw EvalNormError(.unresolvedReference, "Cannot resolve reference '\(reference.target)': no such schema in the document or the registry",
                                    pointer: reference.schemaPointer)
            }
            program.referenceTargets[reference.slot] = node
        }
    }

    /// The node `target` (an absolute URI with an optional fragment) names, compiling it when needed.
    private mutating func resolve(_ target: String) throws(EvalNormError) -> Int? {
        let reference = URIReference(target)
        let base = reference.withoutFragment.text
        let fragment = reference.fragment ?? ""
        if resourceIndex[base] == nil, let document = registry.document(at: base) {
            _ = try compileDocument(document, uri: base)
        }
        if resourceIndex[base] == nil, SchemaCompiler.metaSchemaURIs.contains(base), fragment.isEmpty {
            return metaSchemaNode(uri: base)
        }
        guard fragment.isEmpty || fragment.hasPrefix("/") else {
            return anchors[base + "#" + fragment]
        }
        guard let pointer = try? JSONPointer(uriFragment: "#" + fragment) else { return nil }
        if let node = locations[base + "#" + pointer.description] { return node }
        guard let document = documents[base], let resource = resourceIndex[base] else { return nil }
        // A pointer into a part no keyword compiled: walk to it, following `$id`s on the way.
        var scopes = [Scope(uri: base, resource: resource, tokens: [])]
        var current = document
        for token in pointer.tokens {
            guard let next = JSONPointer(tokens: [token]).resolve(in: current) else { return nil }
            scopes = scopes.map { Scope(uri: $0.uri, resource: $0.resource, tokens: $0.tokens + [token]) }
            current = next
        }
        return try compile(current, scopes: scopes, depth: 0)
    }
}
