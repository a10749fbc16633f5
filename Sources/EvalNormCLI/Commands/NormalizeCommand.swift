import EvalNorm

/// `evalnorm normalize [--from V] [--pretty] FILE…`: vendor documents to canonical runs.
enum NormalizeCommand: Subcommand {
    static let name = "normalize"
    static let abstract = "Convert vendor documents to canonical runs"
    static let usage = "evalnorm normalize [--from VENDOR] [--no-validate] [--pretty] FILE...\n       evalnorm normalize --ndjson [--jobs N] [--rejects FILE] [--from VENDOR] [--no-validate] FILE"
    static let discussion = """
        ARGUMENTS:
          FILE             A vendor document or canonical run (JSON), or '-' for standard input.

        OPTIONS:
          --from VENDOR    Read every file as this vendor's (scorecard, dataframer, aegis, lunary)
                           instead of detecting it.
          --no-validate    Convert documents that break their vendor schema too (what the mapping
                           cannot place is kept verbatim in extensions) instead of rejecting them.
          --pretty         Indent the output (one run only).
        \(NDJSONOptions.help())
          -h, --help       Show help information.

        The files of one run merge into one canonical run: a Scorecard run and the records pages of its
        records, in the order given. A list of runs (a runs-page or runs-list) gives one canonical run
        per element, and a JSON Lines file (such as Lunary's export) one per line. One run is written as
        one JSON object; several runs as NDJSON, one per line, in the order each first appears. The records pages of a Scorecard run are checked
        against the run and each other (same runId, no record twice, hasMore, nextCursor and total
        consistent); a contradiction is reported, naming both files, and the run is skipped.
        Each vendor document is first validated against its
        vendor schema ('evalnorm schema --list'); a run with a document that breaks it is reported, one
        line per error, and skipped. A file that cannot be read is reported and skipped; the exit code is
        then 1 if other runs were written, else 65 (or 66 when a file cannot be opened, or 1 when the
        only problem was a schema violation).
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandError) -> ExitCode {
        let parsed = try ArgumentScanner(flags: Set(["--pretty", "--no-validate"]).union(NDJSONOptions.flags),
                                         valueOptions: Set(["--from"]).union(NDJSONOptions.valueOptions)).scan(arguments)
        let vendor = try VendorOption.from(parsed)
        guard !parsed.positionals.isEmpty else { throw .usage("Missing expected argument 'FILE'") }
        if let ndjson = try NDJSONOptions.parse(parsed) {
            let validates = !parsed.has("--no-validate")
            return ndjson.run(parsed.positionals[0], context: context) { line in
                switch NDJSONLines.decodeRuns(line, vendor: vendor, validates: validates) {
                case .success(let runs):
                    var bytes: [UInt8] = []
                    for run in runs {
                        bytes += CanonicalCodec().encode(run, style: .compact)
                        bytes.append(UInt8(ascii: "\n"))
                    }
                    return LineOutcome(output: bytes)
                case .failure(let failure):
                    return .bad(failure.diagnostics)
                }
            }
        }
        var documents = DocumentInputs(paths: parsed.positionals, vendor: vendor, context: context)
        let groups = documents.runs
        let style: JSONWriter.Style = parsed.has("--pretty") && groups.count == 1 && !DocumentInputs.holdsSeveralRuns(groups[0]) ? .pretty : .compact
        let written = documents.forEachRun(validates: !parsed.has("--no-validate"), context: context) { run, _ in
            CanonicalCodec().encode(run, style: style) { context.standardOutput.write($0) }
            context.standardOutput.write([UInt8(ascii: "\n")])
            return true
        }
        ExitWithoutFreeing.keep(documents, context: context)
        return documents.exitCode(succeeded: written)
    }
}
