import EvalNorm

/// The runs named on a command line, read as `normalize` reads them: files grouped into runs (a
/// Scorecard run and its records pages together), vendor documents checked against their schemas
/// unless told not to, a Scorecard run's pages checked against each other, and each failure reported
/// on stderr and skipped.
enum RunInputs {
    /// Calls `body` with each run that decodes, in the order each run first appears, and returns the
    /// exit code of the batch (see ``DocumentInputs/exitCode(succeeded:)``).
    static func forEach(paths: [String], vendor: Vendor?, validates: Bool, context: CommandContext,
                        _ body: (EvalRun) -> Void) -> ExitCode {
        var documents = DocumentInputs(paths: paths, vendor: vendor, context: context)
        let decoded = documents.forEachRun(validates: validates, context: context) { run, _ in
            body(run)
            return true
        }
        return documents.exitCode(succeeded: decoded)
    }

    /// The value of `--format`: one of `choices`, or `fallback` when the option is absent.
    static func format(_ parsed: ArgumentScanner.Parsed, choices: [String], fallback: String) throws(CommandError) -> String {
        guard let text = parsed.values["--format"] else { return fallback }
        guard choices.contains(text) else {
            let suggestion = ArgumentScanner.nearest(to: text, among: choices).map { ". Did you mean '\($0)'?" } ?? ""
            throw .usage("Option '--format' takes one of \(choices.joined(separator: ", ")), not '\(text)'\(suggestion)")
        }
        return text
    }
}
