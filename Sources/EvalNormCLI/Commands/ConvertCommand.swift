import EvalNorm

/// `evalnorm convert --to V [--from V] [--strict] FILE…`: any format to any other, losses reported.
enum ConvertCommand: Subcommand {
    static let name = "convert"
    static let abstract = "Convert runs to a vendor's documents or to canonical JSON, reporting losses"
    static let usage = "evalnorm convert --to FORMAT [--from VENDOR] [--strict] [--no-validate] [--pretty] FILE...\n       evalnorm convert --ndjson --to FORMAT [--jobs N] [--rejects FILE] [--from VENDOR] [--strict] [--no-validate] FILE"
    static let discussion = """
        ARGUMENTS:
          FILE             A vendor document or canonical run (JSON), or '-' for standard input.

        OPTIONS:
          --to FORMAT      scorecard, dataframer, aegis, lunary or canonical.
          --from VENDOR    Read every file as this vendor's instead of detecting it.
          --strict         Treat any loss as an error: write nothing for that run, exit 1.
          --no-validate    Convert documents that break their vendor schema too, instead of
                           reporting and skipping them.
          --pretty         Indent the output (when it is one document).
        \(NDJSONOptions.help())
          -h, --help       Show help information.

        Each run goes through the canonical model. Whatever the target cannot hold is reported on stderr
        as 'evalnorm: FILE: lost: POINTER: why', POINTER locating the fact in the run's canonical form.
        One document is written as one JSON value; several (a Scorecard run and its records pages, or
        several runs) as NDJSON, one document per line, in order. Runs that were read from one list
        of runs (a runs-page or runs-list), converted back to that vendor, are written as that list
        again: the same envelope, the runs in their order. FILE may hold several documents, one per
        line (JSON Lines, such as normalize's output for several runs).
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandError) -> ExitCode {
        let parsed = try ArgumentScanner(flags: Set(["--strict", "--pretty", "--no-validate"]).union(NDJSONOptions.flags),
                                         valueOptions: Set(["--to", "--from"]).union(NDJSONOptions.valueOptions)).scan(arguments)
        guard let targetText = parsed.values["--to"] else { throw .usage("Missing expected option '--to FORMAT'") }
        let target = try VendorOption.parse(targetText, option: "--to", allowCanonical: true)
        let vendor = try VendorOption.from(parsed)
        guard !parsed.positionals.isEmpty else { throw .usage("Missing expected argument 'FILE'") }
        if let ndjson = try NDJSONOptions.parse(parsed) {
            let validates = !parsed.has("--no-validate")
            let strict = parsed.has("--strict")
            return ndjson.run(parsed.positionals[0], context: context) { line in
                convertLine(line, to: target, vendor: vendor, validates: validates, strict: strict)
            }
        }

        var documents = DocumentInputs(paths: parsed.positionals, vendor: vendor, context: context)
        var outputs: [DetectedDocument] = []
        var assembler = target.map(RunListAssembler.init(vendor:))
        var converted = 0
        var lossy = false
        _ = documents.forEachRun(validates: !parsed.has("--no-validate"), context: context) { (run, group) throws(EvalNormError) in
            let conversion = try RunConverter.convert(run, to: target)
            for loss in conversion.losses {
                context.standardError.write("evalnorm: \(DocumentInputs.names(group)): lost: \(loss)\n")
            }
            if !conversion.losses.isEmpty && parsed.has("--strict") {
                lossy = true
                return false
            }
            converted += 1
            outputs += assembler?.add(run, documents: conversion.documents) ?? conversion.documents
            return true
        }
        outputs += assembler?.finish() ?? []
        let style: JSONWriter.Style = parsed.has("--pretty") && outputs.count == 1 ? .pretty : .compact
        for output in outputs {
            var bytes = JSONWriter(style: style).write(output.value)
            bytes.append(UInt8(ascii: "\n"))
            context.standardOutput.write(bytes)
        }
        ExitWithoutFreeing.keep(documents, context: context)
        ExitWithoutFreeing.keep(outputs, context: context)
        let code = documents.exitCode(succeeded: converted)
        return code == .success && lossy ? .dataProblem : code
    }

    /// One NDJSON line converted: each target document on its own line; losses reported; under
    /// `strict`, a lossy line is a bad line and nothing of it is written.
    /// `, run at /items/3` for a run of a list.
    private static func describe(_ run: EvalRun) -> String {
        guard let list = RunListFormat.of(vendor: run.source.vendor), let position = list.position(of: run) else { return "" }
        return ", run at \(list.pointer(ofElement: position))"
    }

    /// A line that is a list of runs is written as the target's list again, when the target is the
    /// list's vendor (see ``RunListAssembler``).
    private static func convertLine(_ line: NDJSONLine, to target: Vendor?, vendor: Vendor?, validates: Bool, strict: Bool) -> LineOutcome {
        let runs: [EvalRun]
        switch NDJSONLines.decodeRuns(line, vendor: vendor, validates: validates) {
        case .success(let decoded): runs = decoded
        case .failure(let failure): return .bad(failure.diagnostics)
        }
        do {
            var assembler = target.map(RunListAssembler.init(vendor:))
            var documents: [DetectedDocument] = []
            var losses: [String] = []
            for run in runs {
                let conversion = try RunConverter.convert(run, to: target)
                losses += conversion.losses.map { "line \(line.number)\(runs.count > 1 ? describe(run) : ""): lost: \($0)" }
                documents += assembler?.add(run, documents: conversion.documents) ?? conversion.documents
            }
            documents += assembler?.finish() ?? []
            if strict, !losses.isEmpty { return .bad(losses) }
            var output: [UInt8] = []
            for document in documents {
                JSONWriter().write(document.value, into: &output)
                output.append(UInt8(ascii: "\n"))
            }
            return LineOutcome(output: output, diagnostics: losses)
        } catch {
            return .bad([NDJSONPipeline.describe(error, on: line)])
        }
    }
}
