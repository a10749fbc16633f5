/// Evaluates a ``SchemaProgram`` against one instance.
///
/// Evaluation walks schema nodes and instance values together. Two switches keep it cheap:
/// - `report`: whether errors are wanted. Without it (inside `anyOf`, `not`, `if`, `contains`)
///   evaluation stops at the first failure and records nothing.
/// - `annotate`: whether the caller needs to know which members and items were evaluated, for
///   `unevaluatedProperties`/`unevaluatedItems` further up. Nodes that have those keywords turn it on
///   for their own in-place applicators; everywhere else nothing is collected or allocated.
///
/// The keyword and instance paths are stacks of tokens, turned into JSON Pointers only when an error
/// is recorded. The evaluation depth is capped, so a schema that recurses without consuming the
/// instance (`{"$ref": "#"}`) gives an error instead of a stack overflow, and a ``StackGuard`` stops
/// with an error before a deep document can exhaust a small thread stack.
struct SchemaEvaluator {
    /// The program, copied once per validation (a retain of each of its tables). The evaluator reads
    /// it only through this stored property, which lets the compiler read table entries in place;
    /// holding it behind a class reference or a pointer instead made it copy the whole program in
    /// `applyProperties` (measured with callgrind), retaining every table once per object.
    let program: SchemaProgram
    let assertsFormat: Bool
    private(set) var errors: [ValidationError] = []
    private var keywordPath: [String] = []
    private var instancePath: [String] = []
    private var dynamicScope: [Int] = []
    private var depth = 0
    private var referencesOnPath = 0
    private var stack = StackGuard()

    /// Nested schema evaluations deeper than this fail with an error: room for a `$ref` and a
    /// subschema at each of the parser's 512 levels, twice over.
    static let maxDepth = 2_048

    init(program: SchemaProgram, assertsFormat: Bool) {
        self.program = program
        self.assertsFormat = assertsFormat
    }

    /// Why evaluation stopped before reaching a verdict (a depth or stack limit), if it did. Once
    /// set, every evaluation fails at once and no applicator may turn that into a pass (`not` of an
    /// aborted evaluation is not a match): the instance is reported invalid with this error.
    private(set) var abortion: ValidationError?

    /// Evaluates the root node; afterwards ``errors`` holds every error (when `report` is on), and
    /// the abortion error if evaluation was cut short.
    mutating func evaluateRoot(_ instance: JSONValue, report: Bool) -> Bool {
        let valid = evaluate(program.root, instance, report: report, annotate: false).valid
        if let abortion {
            if report, !errors.contains(abortion) { errors.append(abortion) }
            return false
        }
        return valid
    }

    /// Whether evaluation has been cut short; applicators check it after evaluating a subschema.
    var isAborted: Bool { abortion != nil }

    // MARK: Nodes

    /// The result of evaluating a node: whether it passed and, when asked for, what it evaluated.
    struct Outcome {
        var valid: Bool
        var annotations = Annotations()
    }

    mutating func evaluate(_ index: Int, _ instance: JSONValue, report: Bool, annotate: Bool) -> Outcome {
        if abortion != nil { return Outcome(valid: false) }
        let node = program.nodes[index]  // a trivial value: copying it retains nothing
        if let constant = node.constant {
            if !constant { fail(index, nil, "no value is allowed here", report) }
            return Outcome(valid: constant)
        }
        guard depth < SchemaEvaluator.maxDepth else {
            abort(index, "the schema recurses more than \(SchemaEvaluator.maxDepth) levels deep here without reaching a result")
            return Outcome(valid: false)
        }
        guard !stack.isExhausted(atDepth: depth) else {
            abort(index, "too deeply nested to validate on this thread's stack (\(depth) schema levels); validate on a thread with a larger stack")
            return Outcome(valid: false)
        }
        depth += 1
        let entersResource = dynamicScope.last != node.resource
        if entersResource { dynamicScope.append(node.resource) }
        defer {
            depth -= 1
            if entersResource { dynamicScope.removeLast() }
        }
        let collect = annotate || node.needsAnnotations
        var outcome = Outcome(valid: true)
        for position in node.keywords {
            if !evaluate(program.keywords[position], of: index, instance, report: report, collect: collect, into: &outcome.annotations) {
                outcome.valid = false
                if !report { break }
            }
        }
        return outcome
    }

    private mutating func evaluate(_ keyword: SchemaKeyword, of node: Int, _ instance: JSONValue,
                                   report: Bool, collect: Bool, into annotations: inout Annotations) -> Bool {
        switch keyword {
        case .type(let types, let names):
            return checkType(types, names, node, instance, report)
        case .enumeration(let values):
            return checkEnumeration(values, node, instance, report)
        case .constant(let value):
            return checkConstant(value, node, instance, report)
        case .multipleOf(let divisor):
            return checkMultipleOf(divisor, node, instance, report)
        case .bound(let bound, let limit):
            return checkBound(bound, limit, node, instance, report)
        case .size(let bound, let limit):
            return checkSize(bound, limit, node, instance, report)
        case .pattern(let pattern):
            return checkPattern(pattern, node, instance, report)
        case .uniqueItems:
            return checkUniqueItems(node, instance, report)
        case .required(let names):
            return checkRequired(names, node, instance, report)
        case .dependentRequired(let dependencies):
            return checkDependentRequired(dependencies, node, instance, report)
        case .format(let format):
            return checkFormat(format, node, instance, report)
        case .allOf(let nodes):
            return applyAllOf(nodes, instance, report: report, collect: collect, into: &annotations)
        case .anyOf(let nodes):
            return applyAnyOf(nodes, node, instance, report: report, collect: collect, into: &annotations)
        case .oneOf(let nodes):
            return applyOneOf(nodes, node, instance, report: report, collect: collect, into: &annotations)
        case .not(let negated):
            return applyNot(negated, node, instance, report: report)
        case .conditional(let condition, let then, let otherwise):
            return applyConditional(condition, then, otherwise, instance, report: report, collect: collect, into: &annotations)
        case .dependentSchemas(let dependencies):
            return applyDependentSchemas(dependencies, instance, report: report, collect: collect, into: &annotations)
        case .reference(let slot):
            return applyReference(program.referenceTargets[slot], keyword: "$ref", instance, report: report, collect: collect, into: &annotations)
        case .dynamicReference(let slot, let anchor):
            let target = dynamicTarget(static: program.referenceTargets[slot], anchor: anchor)
            return applyReference(target, keyword: "$dynamicRef", instance, report: report, collect: collect, into: &annotations)
        case .properties(let applicators):
            return applyProperties(applicators, node, instance, report: report, collect: collect, into: &annotations)
        case .propertyNames(let names):
            return applyPropertyNames(names, instance, report: report)
        case .items(let prefix, let rest):
            return applyItems(prefix, rest, node, instance, report: report, collect: collect, into: &annotations)
        case .contains(let contained, let minimum, let maximum):
            return applyContains(contained, minimum, maximum, node, instance, report: report, collect: collect, into: &annotations)
        case .unevaluatedItems(let unevaluated):
            return applyUnevaluatedItems(unevaluated, node, instance, report: report, collect: collect, into: &annotations)
        case .unevaluatedProperties(let unevaluated):
            return applyUnevaluatedProperties(unevaluated, node, instance, report: report, collect: collect, into: &annotations)
        case .isSchema:
            guard let error = SchemaCompiler.schemaError(in: instance) else { return true }
            let at = error.pointer.isRoot ? "" : " at \(error.pointer)"
            fail(node, nil, "expected a draft 2020-12 schema; \(error.message)\(at)", report)
            return false
        }
    }

    // MARK: Paths and errors

    /// Records an error of `keyword` (or of the node itself, for `false`) at the current instance
    /// location, when `report` is on.
    /// `instanceToken` names a member or item below the current value when the error is about it.
    mutating func fail(_ node: Int, _ keyword: String?, _ message: String, _ report: Bool, at instanceToken: String? = nil) {
        guard report else { return }
        var keywordTokens = keywordPath
        if let keyword { keywordTokens.append(keyword) }
        var instanceTokens = instancePath
        if let instanceToken { instanceTokens.append(instanceToken) }
        var absolute: String?
        if referencesOnPath > 0 {
            let location = program.locations[node]
            absolute = keyword.map { location + "/" + JSONPointer.escape($0) } ?? location
        }
        errors.append(ValidationError(keywordLocation: JSONPointer(tokens: keywordTokens), absoluteKeywordLocation: absolute,
                                      instanceLocation: JSONPointer(tokens: instanceTokens), message: message))
    }

    /// Stops evaluation: records why, at the current locations, whatever `report` says.
    private mutating func abort(_ node: Int, _ message: String) {
        var absolute: String?
        if referencesOnPath > 0 { absolute = program.locations[node] }
        abortion = ValidationError(keywordLocation: JSONPointer(tokens: keywordPath), absoluteKeywordLocation: absolute,
                                   instanceLocation: JSONPointer(tokens: instancePath), message: message)
    }

    /// Evaluates `index` against `instance`, with `keyword` (and `detail`, such as the property name
    /// or the index in `allOf`) added to the keyword path and `instanceToken` (when given) to the
    /// instance path.
    mutating func descend(_ index: Int, _ instance: JSONValue, keyword: String, _ detail: String? = nil,
                          instance instanceToken: String? = nil, report: Bool, annotate: Bool) -> Outcome {
        keywordPath.append(keyword)
        if let detail { keywordPath.append(detail) }
        if let instanceToken { instancePath.append(instanceToken) }
        defer {
            keywordPath.removeLast()
            if detail != nil { keywordPath.removeLast() }
            if instanceToken != nil { instancePath.removeLast() }
        }
        return evaluate(index, instance, report: report, annotate: annotate)
    }

    /// Evaluates `items` schema `node` on every element of a large array, on several threads, each
    /// taking a contiguous share (``Shares``) with a copy of this evaluator: the same verdict and the
    /// same errors, in the same order, as one thread going through the elements.
    ///
    /// A share stops at its first failure when errors are not reported, as the loop would. When a
    /// share is cut short (an abortion), the errors of the shares after it are dropped, as one thread
    /// would never have reached them.
    mutating func evaluateItemsInShares(_ node: Int, _ elements: [JSONValue], report: Bool) -> Bool {
        var copy = self
        copy.errors = []
        let start = copy
        let outcomes = Shares.map(elements.count, jobs: Shares.jobs(for: elements.count)) { range in
            var evaluator = start
            evaluator.stack = StackGuard()  // the bounds of this thread's stack, not the caller's
            var valid = true
            for index in range {
                valid = evaluator.descend(node, elements[index], keyword: "items", instance: String(index), report: report, annotate: false).valid && valid
                if evaluator.isAborted || (!valid && !report) { break }
            }
            return (valid: valid, errors: evaluator.errors, abortion: evaluator.abortion)
        }
        var valid = true
        for outcome in outcomes {
            valid = valid && outcome.valid
            errors += outcome.errors
            if let abortion = outcome.abortion {
                self.abortion = abortion
                break
            }
        }
        return valid
    }

    /// Runs `body` with errors going to a separate list, which it returns alongside the result.
    mutating func collectingErrors<Result>(_ body: (inout SchemaEvaluator) -> Result) -> (Result, [ValidationError]) {
        let saved = errors
        errors = []
        let result = body(&self)
        let collected = errors
        errors = saved
        return (result, collected)
    }

    /// Appends errors gathered by ``collectingErrors(_:)``.
    mutating func record(_ more: [ValidationError]) {
        errors.append(contentsOf: more)
    }

    /// The location of the value being evaluated.
    var instanceLocation: JSONPointer { JSONPointer(tokens: instancePath) }

    // MARK: References

    private mutating func applyReference(_ target: Int, keyword: String, _ instance: JSONValue,
                                         report: Bool, collect: Bool, into annotations: inout Annotations) -> Bool {
        referencesOnPath += 1
        defer { referencesOnPath -= 1 }
        let outcome = descend(target, instance, keyword: keyword, report: report, annotate: collect)
        if outcome.valid, collect { annotations.formUnion(outcome.annotations) }
        return outcome.valid
    }

    /// Where a `$dynamicRef` lands: when its statically resolved target declares the `$dynamicAnchor`
    /// it names, the outermost resource in the dynamic scope that declares that anchor; otherwise the
    /// static target, as for `$ref`.
    private func dynamicTarget(static target: Int, anchor: Int?) -> Int {
        guard let anchor = anchor.map({ program.strings[$0] }), program.resources[program.nodes[target].resource].dynamicAnchors[anchor] == target else {
            return target
        }
        for resource in dynamicScope {
            if let node = program.resources[resource].dynamicAnchors[anchor] { return node }
        }
        return target
    }
}

/// Which object members and array items a schema evaluated: what `unevaluatedProperties` and
/// `unevaluatedItems` need from the in-place applicators before them.
struct Annotations {
    var properties = EvaluatedIndices()
    var items = EvaluatedIndices()

    mutating func formUnion(_ other: Annotations) {
        properties.formUnion(other.properties)
        items.formUnion(other.items)
    }
}

/// A set of member or item indexes, with a cheap "all of them".
struct EvaluatedIndices {
    private(set) var all = false
    private var marked: [Bool] = []

    mutating func insert(_ index: Int, count: Int) {
        guard !all else { return }
        if marked.count < count { marked.append(contentsOf: repeatElement(false, count: count - marked.count)) }
        marked[index] = true
    }

    mutating func insertAll() {
        all = true
        marked = []
    }

    func contains(_ index: Int) -> Bool {
        all || (index < marked.count && marked[index])
    }

    mutating func formUnion(_ other: EvaluatedIndices) {
        if other.all {
            insertAll()
        } else if !all {
            for (index, isMarked) in other.marked.enumerated() where isMarked {
                insert(index, count: other.marked.count)
            }
        }
    }
}
