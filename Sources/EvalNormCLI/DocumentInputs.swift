import EvalNorm

/// The documents named on a command line, read, parsed and detected, with failures reported.
///
/// Each file that cannot be opened or parsed, or whose format is unknown, is reported on stderr as
/// `evalnorm: FILE: LOCATION: message` and skipped; the others are returned in command-line order.
struct DocumentInputs {
    /// A document and the name of the file it came from (`FILE: line N` for a line of a JSON Lines
    /// file).
    struct Input {
        let name: String
        let document: DetectedDocument
        /// The file, and for a line of a JSON Lines file, the line's number.
        let file: String
        let line: Int?
        var isLine: Bool { line != nil }
    }

    var inputs: [Input] = []
    /// The exit code the worst failure calls for: 66 for a file that cannot be opened, 65 for
    /// malformed input; `nil` when every file was read.
    var failure: ExitCode?

    /// Reads `paths`; `vendor` forces the vendor instead of detecting it. Without `detects`, documents
    /// are only parsed (their format is then recorded as canonical).
    init(paths: [String], vendor: Vendor?, context: CommandContext, detects: Bool = true) {
        let reader = RunReader()
        let read = { (bytes: [UInt8]) throws(EvalNormError) -> DetectedDocument in
            detects ? try reader.document(from: bytes, vendor: vendor) : DetectedDocument(format: .canonicalRun, value: try reader.parser.parse(bytes))
        }
        for path in paths {
            let name = FileInput.displayName(path)
            let bytes: [UInt8]
            do {
                bytes = try FileInput.readAll(path, context: context)
            } catch {
                report(error, in: name, context: context)
                continue
            }
            do {
                inputs.append(Input(name: name, document: try read(bytes), file: name, line: nil))
            } catch where error.code == .trailingData && JSONLines.startsWithDocument(bytes, parser: reader.parser) {
                readLines(of: bytes, file: name, context: context, read: read)
            } catch {
                report(error, in: name, context: context)
            }
        }
    }

    /// Reads a JSON Lines file (such as Lunary's export): each non-blank line one document, named
    /// `FILE: line N`; a bad line is reported and skipped.
    private mutating func readLines(of bytes: [UInt8], file: String, context: CommandContext,
                                    read: ([UInt8]) throws(EvalNormError) -> DetectedDocument) {
        for line in JSONLines.lines(of: bytes) where !line.isBlank {
            do {
                inputs.append(Input(name: "\(file): line \(line.number)", document: try read(line.bytes), file: file, line: line.number))
            } catch {
                context.standardError.write("evalnorm: \(file): \(NDJSONPipeline.describe(error, on: line))\n")
                remember(.malformedInput)
            }
        }
    }

    /// Reports `error` about the file `name` and remembers the exit code it calls for.
    mutating func report(_ error: EvalNormError, in name: String, context: CommandContext) {
        context.standardError.write("evalnorm: \(name): \(error)\n")
        let code: ExitCode = switch error.code {
        case .cannotOpenFile, .readFailed: .cannotOpenInput
        case .schemaViolation: .dataProblem
        default: .malformedInput
        }
        remember(code)
    }

    /// Keeps the most severe failure: a file that cannot be opened, then malformed input, then a
    /// data problem.
    private mutating func remember(_ code: ExitCode) {
        let severity: [ExitCode] = [.dataProblem, .malformedInput, .cannotOpenInput]
        if let failure, (severity.firstIndex(of: failure) ?? 0) >= (severity.firstIndex(of: code) ?? 0) { return }
        failure = code
    }

    /// Checks the vendor documents of one run for repeated keys, validates them against their vendor
    /// schemas, and reports every violation as `evalnorm: FILE: POINTER: message (SCHEMA KEYWORD-POINTER)`; `false` if there was one.
    mutating func checkSchemas(_ group: [Input], context: CommandContext) -> Bool {
        var valid = true
        for input in group {
            let diagnostics: [String]
            do {
                diagnostics = try DocumentInputs.schemaDiagnostics(of: input.document)
            } catch {
                report(error, in: input.name, context: context)
                valid = false
                continue
            }
            for diagnostic in diagnostics {
                context.standardError.write("evalnorm: \(input.name): " + EvalNormError.escapingControlCharacters(diagnostic) + "\n")
            }
            if !diagnostics.isEmpty {
                valid = false
                remember(.dataProblem)
            }
        }
        return valid
    }

    /// The schema check of one document, shared by whole files and NDJSON lines: nothing for a
    /// canonical run; for a vendor document, a repeated key anywhere is thrown, then each violation of
    /// its vendor schema is one diagnostic (see ``schemaDiagnostic(_:schema:)``).
    static func schemaDiagnostics(of document: DetectedDocument) throws(EvalNormError) -> [String] {
        guard document.format.vendor != nil else { return [] }
        let reader = RunReader()
        try reader.checkUnambiguous(document)
        return reader.validate(document).errors.map { schemaDiagnostic($0, schema: document.format.schemaName) }
    }

    /// The schema check of a list of runs: each violation as a diagnostic, and the positions of the
    /// runs that break their schema (to be skipped; the others still convert), or `nil` when the
    /// envelope itself does. Repeated keys are left to decoding, which tells the envelope's (the list
    /// fails) from a run's (that run fails).
    static func listDiagnostics(of document: DetectedDocument, list: RunListFormat) -> (diagnostics: [String], badRuns: Set<Int>?) {
        let errors = RunReader().validate(document).errors
        var badRuns: Set<Int>? = []
        for error in errors {
            if let index = list.elementIndex(of: error.instanceLocation) { badRuns?.insert(index) } else { badRuns = nil }
        }
        return (errors.map { schemaDiagnostic($0, schema: document.format.schemaName) }, badRuns)
    }

    /// Checks the Scorecard documents of one run against each other (``ScorecardPageCheck``) and
    /// reports each contradiction as `evalnorm: FILE: POINTER: message (contradicts OTHER-FILE)`, at most
    /// 20 of them; `false` if there was one.
    mutating func checkPages(_ group: [Input], context: CommandContext) -> Bool {
        guard group.count > 1, group.contains(where: { $0.document.format.vendor == .scorecard }) else { return true }
        let contradictions = ScorecardPageCheck.contradictions(in: group.map(\.document))
        guard !contradictions.isEmpty else { return true }
        for contradiction in contradictions.prefix(20) {
            guard group.indices.contains(contradiction.first), group.indices.contains(contradiction.second) else { continue }
            let other = contradiction.first == contradiction.second ? "" : " (contradicts \(group[contradiction.first].name))"
            let location = contradiction.pointer.isRoot ? "" : "\(contradiction.pointer): "
            context.standardError.write("evalnorm: \(group[contradiction.second].name): "
                + EvalNormError.escapingControlCharacters(location + contradiction.message + other) + "\n")
        }
        if contradictions.count > 20 {
            context.standardError.write("evalnorm: \(DocumentInputs.names(group)): \(contradictions.count - 20) more contradictions\n")
        }
        remember(.dataProblem)
        return false
    }

    /// A schema violation as a diagnostic: `POINTER: message (SCHEMA KEYWORD-POINTER)`, without the
    /// pointer when the error is about the whole document.
    static func schemaDiagnostic(_ error: ValidationError, schema: String) -> String {
        let location = error.instanceLocation.isRoot ? "" : "\(error.instanceLocation): "
        return location + "\(error.message) (\(schema) \(error.keywordLocation))"
    }

    /// Decodes each run (after the schema check, unless `validates` is off, and the Scorecard page
    /// check), in the order each first appears, and hands it to `body` with its inputs; a failure,
    /// thrown by decoding or by `body`, is reported with the run's file names and skipped. Returns
    /// how many runs `body` accepted (returned `true` for).
    ///
    /// A list of runs (``RunListFormat``) gives each of its runs in turn; one that breaks its schema or
    /// cannot be decoded is reported and skipped, and the others still go through.
    mutating func forEachRun(validates: Bool, context: CommandContext,
                             _ body: (EvalRun, [Input]) throws(EvalNormError) -> Bool) -> Int {
        var succeeded = 0
        for group in runs {
            if group.count == 1, let input = group.first, let list = RunListFormat.of(input.document.format) {
                succeeded += forEachRun(in: input, list: list, validates: validates, context: context, body)
                continue
            }
            if validates, !checkSchemas(group, context: context) { continue }
            if !checkPages(group, context: context) { continue }
            do {
                let run = try RunReader(validatesInput: false).decode(group.map(\.document))
                if try body(run, group) { succeeded += 1 }
            } catch {
                report(error, in: DocumentInputs.names(group), context: context)
            }
        }
        return succeeded
    }

    /// The runs of one list document, as ``forEachRun(validates:context:_:)`` gives them.
    private mutating func forEachRun(in input: Input, list: RunListFormat, validates: Bool, context: CommandContext,
                                     _ body: (EvalRun, [Input]) throws(EvalNormError) -> Bool) -> Int {
        var skipping = Set<Int>()
        if validates {
            let (diagnostics, badRuns) = DocumentInputs.listDiagnostics(of: input.document, list: list)
            for diagnostic in diagnostics {
                context.standardError.write("evalnorm: \(input.name): " + EvalNormError.escapingControlCharacters(diagnostic) + "\n")
            }
            if !diagnostics.isEmpty { remember(.dataProblem) }
            guard let badRuns else { return 0 }
            skipping = badRuns
        }
        let decoded: DecodedRunList
        do {
            decoded = try RunListCodec.decode(input.document.value, as: list, skipping: skipping)
        } catch {
            report(error, in: input.name, context: context)
            return 0
        }
        for failure in decoded.failures { report(failure, in: input.name, context: context) }
        if list.elements(of: input.document.value)?.isEmpty ?? false {
            context.standardError.write("evalnorm: \(input.name): warning: the \(list.format) holds no runs; nothing of it is written\n")
        }
        var succeeded = 0
        for run in decoded.runs {
            // Messages about one run of the list name it: `page.json, run at /items/3`.
            let position = list.position(of: run)
            let element = Input(name: input.name + (position.map { ", run at \(list.pointer(ofElement: $0))" } ?? ""),
                                document: input.document, file: input.file, line: input.line)
            do {
                if try body(run, [element]) { succeeded += 1 }
            } catch {
                report(error, in: element.name, context: context)
            }
        }
        return succeeded
    }

    /// The inputs grouped into runs (a Scorecard run and its pages together), in order of first appearance.
    var runs: [[Input]] {
        RunReader().groupIntoRuns(inputs.map(\.document)).map { $0.map { inputs[$0] } }
    }

    /// Whether a group holds a list document of other than one run.
    static func holdsSeveralRuns(_ group: [Input]) -> Bool {
        guard group.count == 1, let input = group.first, let list = RunListFormat.of(input.document.format) else { return false }
        return list.elements(of: input.document.value)?.count != 1
    }

    /// The names of the files of one run, for messages: `a.json` or `a.json, b.json`.
    static func names(_ group: [Input]) -> String {
        group.map(\.name).joined(separator: ", ")
    }

    /// The exit code of a batch in which `succeeded` runs went through: the failure's own code when
    /// nothing did, 1 when only some did, 0 when all did.
    func exitCode(succeeded: Int) -> ExitCode {
        guard let failure else { return .success }
        return succeeded == 0 ? failure : .dataProblem
    }
}

/// `--from V` / `--to V`: a known vendor, or `canonical` where allowed.
enum VendorOption {
    /// The vendor named by `--from`, if the option was given.
    static func from(_ parsed: ArgumentScanner.Parsed) throws(CommandError) -> Vendor? {
        guard let text = parsed.values["--from"] else { return nil }
        return try parse(text, option: "--from", allowCanonical: false)
    }

    static func parse(_ text: String, option: String, allowCanonical: Bool) throws(CommandError) -> Vendor? {
        if allowCanonical && text == "canonical" { return nil }
        let vendor = Vendor(rawValue: text)
        guard Vendor.known.contains(vendor) else {
            let choices = Vendor.known.map(\.rawValue) + (allowCanonical ? ["canonical"] : [])
            let suggestion = ArgumentScanner.nearest(to: text, among: choices).map { ". Did you mean '\($0)'?" } ?? ""
            throw .usage("Option '\(option)' takes one of \(choices.joined(separator: ", ")), not '\(text)'\(suggestion)")
        }
        return vendor
    }
}
