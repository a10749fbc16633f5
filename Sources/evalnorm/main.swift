import EvalNormCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(EvalNormTool.run(Array(CommandLine.arguments.dropFirst()), context: .standard()))
