/// The `evalnorm` command-line tool: dispatch to subcommands, help, version, and the one place where
/// every failure becomes a message and an exit code.
///
/// ```swift
/// let context = CommandContext.captured()
/// let status = EvalNormTool.run(["fmt", "--compact", "run.json"], context: context)
/// ```
public enum EvalNormTool {
    /// The tool's version, printed by `evalnorm --version`.
    public static let version = "0.1.0-dev"

    /// Every subcommand, in the order help lists them.
    static let commands: [any Subcommand.Type] = [
        DetectCommand.self, NormalizeCommand.self, ConvertCommand.self, RoundtripCommand.self, ValidateCommand.self,
        TableCommand.self, SummaryCommand.self,
        SchemaCommand.self, FmtCommand.self,
    ]

    /// Runs the tool with `arguments` (without the program name) and returns the exit code.
    /// Output is flushed before it returns.
    public static func run(_ arguments: [String], context: CommandContext) -> Int32 {
        var status = dispatch(arguments, context: context)
        context.standardOutput.flush()
        if let failure = context.standardOutput.writeError {
            context.standardError.write("evalnorm: cannot write output: \(failure)\n")
            if status == .success { status = .cannotWriteOutput }
        }
        context.standardError.flush()
        return status.rawValue
    }

    private static func dispatch(_ arguments: [String], context: CommandContext) -> ExitCode {
        guard let first = arguments.first else {
            return usageError("Missing command", usage: usage, helpHint: "evalnorm --help", context: context)
        }
        switch first {
        case "--help", "-h":
            context.standardOutput.write(help)
            return .success
        case "--version":
            context.standardOutput.write("evalnorm \(version)\n")
            return .success
        case "help":
            guard let name = arguments.dropFirst().first else {
                context.standardOutput.write(help)
                return .success
            }
            guard let command = command(named: name) else { return unknownCommand(name, context: context) }
            context.standardOutput.write(helpText(for: command))
            return .success
        default:
            break
        }
        guard let command = command(named: first) else {
            if first.hasPrefix("-") {
                return usageError("Unknown option '\(first)'", usage: usage, helpHint: "evalnorm --help", context: context)
            }
            return unknownCommand(first, context: context)
        }
        let rest = Array(arguments.dropFirst())
        do {
            return try command.run(rest, context: context)
        } catch {
            switch error {
            case .usage(let message):
                return usageError(message, usage: "USAGE: \(command.usage)", helpHint: "evalnorm \(command.name) --help", context: context)
            case .help:
                context.standardOutput.write(helpText(for: command))
                return .success
            case .exit(let code):
                return code
            }
        }
    }

    private static func command(named name: String) -> (any Subcommand.Type)? {
        commands.first { $0.name == name }
    }

    private static func unknownCommand(_ name: String, context: CommandContext) -> ExitCode {
        let suggestion = ArgumentScanner.nearest(to: name, among: commands.map { $0.name }).map { ". Did you mean '\($0)'?" } ?? ""
        return usageError("Unknown command '\(name)'\(suggestion)", usage: usage, helpHint: "evalnorm --help", context: context)
    }

    private static func usageError(_ message: String, usage: String, helpHint: String, context: CommandContext) -> ExitCode {
        context.standardError.write("evalnorm: \(message)\n\(usage)\n  See '\(helpHint)'.\n")
        return .usage
    }

    static let usage = "USAGE: evalnorm <command> [options] [FILE ...]"

    static var help: String {
        let width = (commands.map { $0.name.count }.max() ?? 0) + 2
        let list = commands.map { "  " + $0.name.padding(toLength: width) + $0.abstract }.joined(separator: "\n")
        return """
            OVERVIEW: Turn LLM-evaluation vendor exports into one canonical model, and back, losslessly.

            \(usage)

            COMMANDS:
            \(list)

            OPTIONS:
              -h, --help  Show help information.
              --version   Show the version.

            Exit codes: 0 success, 1 a data problem, 64 usage error, 65 malformed input, 66 cannot open input,
            74 cannot write output.
            See 'evalnorm help <command>' for detailed help.

            """
    }

    static func helpText(for command: any Subcommand.Type) -> String {
        "OVERVIEW: \(command.abstract)\n\nUSAGE: \(command.usage)\n\n\(command.discussion)\n"
    }
}

/// One `evalnorm` subcommand.
protocol Subcommand: Sendable {
    /// The word that selects it: `fmt`.
    static var name: String { get }
    /// One line for the command list, sentence case, no trailing period.
    static var abstract: String { get }
    /// The usage line without `USAGE: `.
    static var usage: String { get }
    /// Arguments, options and details, printed under the usage line by `--help`.
    static var discussion: String { get }
    /// Runs the command; diagnostics go to `context.standardError`.
    static func run(_ arguments: [String], context: CommandContext) throws(CommandError) -> ExitCode
}

extension String {
    /// The string padded with spaces to `length` characters (never cut).
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
