/// How a command ends other than normally; ``EvalNormTool`` turns each into output and an exit code.
enum CommandError: Error {
    /// The command line was wrong: the message, then the command's usage line, go to stderr; exit 64.
    case usage(String)
    /// The command line asks for the command's help: it goes to stdout; exit 0.
    case help
    /// The command already reported what went wrong on stderr; exit with this code.
    case exit(ExitCode)
}

/// The process exit codes, after sysexits(3) as DESIGN §5 lists them.
public enum ExitCode: Int32, Sendable {
    /// Success.
    case success = 0
    /// A data problem in well-formed input (invalid against a schema, not lossless, a bad document in a batch).
    case dataProblem = 1
    /// The command line was wrong (EX_USAGE).
    case usage = 64
    /// The input is malformed: not JSON, or not a payload that can be decoded (EX_DATAERR).
    case malformedInput = 65
    /// An input could not be opened (EX_NOINPUT).
    case cannotOpenInput = 66
    /// The output could not be written, for example a full disk (EX_IOERR).
    case cannotWriteOutput = 74
}
